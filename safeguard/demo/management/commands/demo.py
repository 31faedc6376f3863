import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.access.models import User
from safeguard.demo.around import seed_around
from safeguard.demo.families import restrict_some, seed_families
from safeguard.demo.frontdoor import CONTACTS_PER_YEAR, seed_front_door
from safeguard.demo.partnership import PARTNERSHIP, logins_path, seed_partnership
from safeguard.demo.pathway import seed_pathway
from safeguard.demo.reviews import seed_reviews
from safeguard.demo.training import seed_training
from safeguard.people.models import Child


class Command(BaseCommand):
    help = "Build the synthetic demo partnership (`seed`) and print its logins (`logins`)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["seed", "logins"])
        parser.add_argument("--households", type=int, default=3000)
        parser.add_argument("--if-empty", action="store_true", help="Only seed an empty database")
        parser.add_argument("--seed", type=int, default=2017)
        parser.add_argument("--contacts-per-year", type=int, default=CONTACTS_PER_YEAR)

    def handle(self, *args: object, **options: object) -> None:
        if settings.PRODUCTION:
            raise CommandError("The demo partnership cannot be used in production mode.")
        if options["action"] == "logins":
            self._print_logins()
            return
        if options["if_empty"] and User.objects.exists() and logins_path().exists():
            self.stdout.write("The demo partnership is already seeded.")
            return
        seed_partnership()
        made = seed_families(options["households"], seed=options["seed"])
        dpo = User.objects.get(email="fiona.clarke@council.example.org")
        restrict_some(3, dpo, seed=options["seed"])
        contacts = seed_front_door(seed=options["seed"], per_year=options["contacts_per_year"])
        pathway = seed_pathway(seed=options["seed"])
        seed_around(seed=options["seed"])
        reviews = seed_reviews(seed=options["seed"])
        training = seed_training(seed=options["seed"])
        self.stdout.write(
            f"Seeded {PARTNERSHIP}: {made} children ({Child.objects.count()} in all), "
            f"{contacts} front-door contacts over two years, {pathway['assessments']} assessments "
            f"and {pathway['plans']} protection plans; {reviews['reviews']} case reviews with "
            f"{reviews['actions']} actions; {training['sessions']} training sessions."
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
