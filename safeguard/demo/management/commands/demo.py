import json
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.access.models import User
from safeguard.board.demo import seed_board
from safeguard.demo.around import seed_around
from safeguard.demo.families import restrict_some, seed_families
from safeguard.demo.frontdoor import CONTACTS_PER_YEAR, seed_front_door
from safeguard.demo.history import FIRST_YEAR, LAST_YEAR, seed_history
from safeguard.demo.partnership import PARTNERSHIP, logins_path, seed_partnership
from safeguard.demo.pathway import seed_pathway
from safeguard.demo.reviews import seed_reviews
from safeguard.demo.training import seed_training
from safeguard.journey.generate.rates import DEFAULT_POPULATION
from safeguard.measures import dashboard
from safeguard.measures.comparators.importer import import_files
from safeguard.measures.refresh import refresh
from safeguard.people.models import Child
from safeguard.reports.demo import seed_reports

# Where the DfE's published files sit when the project is checked out beside the shared data; the
# demo imports them as comparators when they are there and uses its built-in England figures when
# they are not.
DFE_FILES = settings.BASE_DIR.parent / "shared" / "data" / "dfe"


class Command(BaseCommand):
    help = "Build the synthetic demo partnership (`seed`) and print its logins (`logins`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["seed", "logins"])
        parser.add_argument("--households", type=int, default=3000)
        parser.add_argument("--if-empty", action="store_true", help="Only seed an empty database")
        parser.add_argument("--seed", type=int, default=2017)
        parser.add_argument("--contacts-per-year", type=int, default=CONTACTS_PER_YEAR)
        parser.add_argument(
            "--children",
            type=int,
            default=DEFAULT_POPULATION,
            help="Children aged 0-17 in the council whose history 2012-13 to 2016-17 is generated",
        )
        parser.add_argument(
            "--comparators",
            type=Path,
            default=DFE_FILES,
            help="A folder of the DfE's published local-authority files to import as comparators "
            "(left out when it is not there)",
        )

    def handle(self, *args: object, **options: object) -> None:
        if settings.PRODUCTION:
            raise CommandError("The demo partnership cannot be used in production mode.")
        if options["action"] == "logins":
            self._print_logins()
            return
        if options["if_empty"] and User.objects.exists() and logins_path().exists():
            self.stdout.write("The demo partnership is already seeded.")
            return
        if options["children"] < 1:
            raise CommandError("--children: give the number of children, 1 or more")
        started = time.perf_counter()
        # Today's work first (the families the personas work with now, the MASH's contacts, the
        # cases allocated, the work trays), then the history, which none of today's seeders read.
        seed_partnership()
        made = seed_families(options["households"], seed=options["seed"])
        dpo = User.objects.get(email="fiona.clarke@council.example.org")
        restrict_some(3, dpo, seed=options["seed"])
        contacts = seed_front_door(seed=options["seed"], per_year=options["contacts_per_year"])
        pathway = seed_pathway(seed=options["seed"])
        seed_around(seed=options["seed"])
        reviews = seed_reviews(seed=options["seed"])
        training = seed_training(seed=options["seed"])
        history = seed_history(children=options["children"], seed=options["seed"])
        board = seed_board(seed=options["seed"])
        comparators = self._comparators(options["comparators"])
        years = [f"{y}-{(y + 1) % 100:02d}" for y in range(FIRST_YEAR, LAST_YEAR + 1)]
        run = refresh(years, made_by="safeguard demo seed")
        dashboard.warm(run, settings.LA_CODE)
        report = seed_reports(seed=options["seed"])
        self.stdout.write(
            f"Seeded {PARTNERSHIP} in {time.perf_counter() - started:.0f}s: "
            f"{made} children in today's families ({Child.objects.count()} in all), "
            f"{contacts} front-door contacts over two years, {pathway['assessments']} assessments "
            f"and {pathway['plans']} protection plans; {reviews['reviews']} case reviews with "
            f"{reviews['actions']} actions; {training['sessions']} training sessions.\n"
            f"History {FIRST_YEAR}-{(FIRST_YEAR + 1) % 100:02d} to "
            f"{LAST_YEAR}-{(LAST_YEAR + 1) % 100:02d} from the calibrated generator "
            f"({options['children']:,} children aged 0-17), loaded:\n{history}\n"
            f"The board: {board['members']} members, {board['meetings']} meetings; "
            f"comparators: {comparators}; measures: run {run.pk} for {years[0]} to {years[-1]}; "
            f"annual reports built: {report['builds']}."
        )

    def _comparators(self, folder: Path) -> str:
        if not folder.is_dir():
            return "the built-in England figures (no DfE files found)"
        read = import_files([folder])
        imported = [found for found in read if found.table is not None]
        return (
            f"{len(imported)} DfE files imported from {folder.name}/ "
            f"({len(read) - len(imported)} others there are not comparator tables)"
        )

    def _print_logins(self) -> None:
        path = logins_path()
        if not path.exists():
            raise CommandError("No demo logins yet: run `safeguard demo seed` first.")
        logins = json.loads(path.read_text())
        width = max(len(login["email"]) for login in logins)
        self.stdout.write(f"\n{PARTNERSHIP} demo: sign in at http://127.0.0.1:8000/\n")
        for login in logins:
            self.stdout.write(f"  {login['email']:<{width}}  {login['password']}  {login['role']}")
        self.stdout.write("")
