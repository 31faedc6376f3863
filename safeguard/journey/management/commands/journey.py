"""`safeguard journey …`: the journey dataset from the command line.

    safeguard journey generate --children 36050 --years 2014-15:2016-17 --out DIR
                               [--authorities K] [--seed S]
    safeguard journey extract --out DIR
    safeguard journey load DIR --as EMAIL

Each action is a subcommand with its own options and a `_<action>` method below.
"""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.journey.dataset import MANIFEST
from safeguard.journey.generate import councils_for, generate, reporting_years, span
from safeguard.journey.generate.authorities import LA_CODES
from safeguard.journey.generate.rates import DEFAULT_POPULATION

# Written beside the dataset: what was generated, with each council's size and referral intensity
# (the population table holds the sizes too, as the denominators of the rates per 10,000).
GENERATOR_FILE = "generator.json"


class Command(BaseCommand):
    help = "The journey dataset: `generate` a synthetic one calibrated to England's figures."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        generating = actions.add_parser(
            "generate",
            help="Simulate children's journeys at England's 2016-17 rates and write a dataset.",
        )
        generating.add_argument(
            "--children",
            type=int,
            default=DEFAULT_POPULATION,
            help="Children aged 0-17 in each council (on average when there are several)",
        )
        generating.add_argument(
            "--years", default="2014-15:2016-17", help="Reporting years, like 2014-15:2016-17"
        )
        generating.add_argument("--out", required=True, help="Folder to write the dataset into")
        generating.add_argument(
            "--authorities", type=int, default=1, help="How many councils to generate"
        )
        generating.add_argument("--seed", default="2017", help="The same seed gives the same data")
        extracting = actions.add_parser("extract", help="Write the live records as a dataset.")
        extracting.add_argument("--out", required=True, help="Folder to write the dataset into")
        loading = actions.add_parser("load", help="Write a dataset into the live records.")
        loading.add_argument("dataset", help="The dataset folder")
        loading.add_argument(
            "--as", dest="user", required=True, help="Email of the user the load is recorded as"
        )

    def handle(self, *args: object, **options: object) -> None:
        getattr(self, f"_{options['action']}")(**options)

    def _generate(
        self, *, children: int, years: str, out: str, authorities: int, seed: str, **_: object
    ) -> None:
        try:
            first_year, last_year = reporting_years(years)
        except ValueError as error:
            raise CommandError(f"--years: {error}") from None
        if children < 1:
            raise CommandError("--children: give the number of children, 1 or more")
        if not 1 <= authorities <= len(LA_CODES):
            raise CommandError(f"--authorities: give 1 to {len(LA_CODES)} councils")
        folder = Path(out)
        if folder.exists() and any(folder.iterdir()) and not (folder / MANIFEST).exists():
            raise CommandError(f"{folder} has files in it and is not a journey dataset")
        started = time.perf_counter()
        councils = councils_for(authorities, children, seed)
        dataset = generate(councils, first_year, last_year, seed)
        dataset.write(folder)
        first, last = span(first_year, last_year)
        (folder / GENERATOR_FILE).write_text(
            json.dumps(
                {
                    "seed": seed,
                    "years": years,
                    "first_day": first.isoformat(),
                    "last_day": last.isoformat(),
                    "councils": [
                        {"la": c.la, "population": c.population, "intensity": round(c.intensity, 4)}
                        for c in councils
                    ],
                },
                indent=2,
            )
        )
        seconds = time.perf_counter() - started
        rows = {name: table.num_rows for name, table in dataset.tables.items()}
        self.stdout.write(
            f"Generated {len(councils)} council(s), {sum(c.population for c in councils):,} "
            f"children aged 0-17, {first:%-d %B %Y} to {last:%-d %B %Y}, in {seconds:.1f}s: "
            f"{folder}"
        )
        for name, count in rows.items():
            self.stdout.write(f"  {name:22} {count:>9,}")

    def _extract(self, *, out: str, **_: object) -> None:
        from safeguard.journey.extract import extract

        dataset = extract()
        dataset.write(out)
        rows = ", ".join(f"{name} {table.num_rows}" for name, table in dataset.tables.items())
        self.stdout.write(f"Wrote dataset {dataset.fingerprint()} to {out}: {rows}")

    def _load(self, *, dataset: str, user: str, **_: object) -> None:
        from safeguard.access.models import User
        from safeguard.journey.dataset import Dataset, DatasetError
        from safeguard.journey.load import LoadError, load

        by = User.objects.filter(email__iexact=user).first()
        if by is None:
            raise CommandError(f"--as: there is no user {user}")
        try:
            report = load(Dataset.read(dataset), by=by)
        except (DatasetError, LoadError) as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        self.stdout.write(str(report))
