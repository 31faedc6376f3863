"""`safeguard returns`: statutory return files in and out of the journey dataset.

safeguard returns import FILE [--year 2016-17] [--dataset DIR] [--load --by EMAIL]
safeguard returns export cin --year 2016-17 --out PATH --dataset DIR [--la 884]
"""

import importlib
from pathlib import Path
from types import ModuleType

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.journey.dataset import Dataset, DatasetError
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse
from safeguard.returns.cin_xml.strict import left_out, to_dataset
from safeguard.returns.cin_xml.write import write
from safeguard.returns.cin_xml.years import CensusYear

# Exit status when the thing asked for is not in this system yet.
NOT_YET = 2
TABLE_NAMES = {
    "children": "children",
    "referrals": "episodes (referrals)",
    "assessments": "assessments",
    "cin_plans": "children in need plans",
    "section47": "section 47 enquiries",
    "cp_plans": "protection plans",
    "cp_reviews": "protection plan reviews",
}


def journey_loader() -> ModuleType | None:
    """The journey loader, once the journey app has one."""
    try:
        return importlib.import_module("safeguard.journey.load")
    except ImportError:
        return None


class Command(BaseCommand):
    help = "Read a statutory return into a journey dataset, or write one from a dataset."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        reading = actions.add_parser("import", help="read a CIN census XML file")
        reading.add_argument("file", type=Path)
        reading.add_argument("--year", help="the collection year the file must be, like 2016-17")
        reading.add_argument("--la", help="the council the file must be (its LA code)")
        reading.add_argument("--dataset", type=Path, help="save the dataset in this folder")
        reading.add_argument("--load", action="store_true", help="load it into the live records")
        reading.add_argument("--by", help="with --load: the email of the person loading it")
        writing = actions.add_parser("export", help="write a return from a journey dataset")
        writing.add_argument("kind", choices=["cin"])
        writing.add_argument("--year", required=True, help="the collection year, like 2016-17")
        writing.add_argument("--out", required=True, type=Path, help="the file to write")
        writing.add_argument("--dataset", type=Path, help="the journey dataset folder to read")
        writing.add_argument("--la", help="the council, when the dataset holds several")
        checking = actions.add_parser("validate", help="check a CIN census file against the rules")
        checking.add_argument("file", type=Path)
        checking.add_argument("--ruleset", help="the DfE ruleset, like 2022-23")
        checking.add_argument("--format", default="csv", help="csv, json or html")

    def handle(self, *args: object, **options) -> None:
        try:
            if options["action"] == "import":
                self.read(options)
            elif options["action"] == "export":
                self.export(options)
            else:
                self.validate(options)
        except (ReturnFileError, DatasetError) as error:
            raise CommandError(str(error)) from None

    def read(self, options: dict) -> None:
        path: Path = options["file"]
        raw = parse(path, options["year"])
        dataset = to_dataset(raw, source=path.name, year=options["year"], la=options["la"])
        header = raw["header"].to_pylist()[0]
        census = CensusYear(int(header["year"]))
        self.stdout.write(
            f"Read {path.name}: the {census} CIN census of council {dataset.councils()[0]}."
        )
        for name, label in TABLE_NAMES.items():
            self.stdout.write(f"  {label}: {dataset[name].num_rows}")
        not_kept = [f"{n} {element}" for element, n in left_out(raw).items() if n]
        if not_kept:
            self.stdout.write(
                "Not kept, as the journey dataset has no place for them: " + ", ".join(not_kept)
            )
        if options["dataset"]:
            dataset.write(options["dataset"])
            self.stdout.write(f"Saved the dataset in {options['dataset']}.")
        if options["load"]:
            self.load(dataset, options["by"])

    def load(self, dataset: Dataset, by: str | None) -> None:
        loader = journey_loader()
        if loader is None:
            raise CommandError(
                "Loading into the live records comes with the journey loader "
                "(safeguard.journey.load), which this system does not have yet: nothing was "
                "loaded.",
                returncode=NOT_YET,
            )
        from safeguard.access.models import User

        if not by:
            raise CommandError("Say who is loading the records: --by EMAIL")
        user = User.objects.filter(email__iexact=by).first()
        if user is None:
            raise CommandError(f"No user has the email {by}: nothing was loaded.")
        councils = dataset.councils()
        try:
            report = loader.load(dataset, by=user, la=councils[0] if councils else None)
        except loader.LoadError as error:
            # The loader's own refusal: its transaction has left the records as they were.
            raise CommandError(f"Not loaded: {error}") from None
        self.stdout.write(f"Loaded into the live records:\n{report}")

    def export(self, options: dict) -> None:
        if options["dataset"] is None:
            raise CommandError(
                "Exporting straight from the live records comes with the journey extract; for "
                "now give the journey dataset to write from: --dataset DIR",
                returncode=NOT_YET,
            )
        dataset = Dataset.read(options["dataset"])
        written = write(dataset, options["out"], options["year"], la=options["la"])
        self.stdout.write(
            f"Wrote {written.path}: the {written.year} CIN census of council {written.la}, "
            f"{_count(written.children, 'child', 'children')}, "
            f"{_count(written.episodes, 'episode', 'episodes')}."
        )

    def validate(self, options: dict) -> None:
        try:
            cli = importlib.import_module("safeguard.returns.validation.cli")
        except ImportError:
            raise CommandError(
                "Checking a file against the DfE rules comes with the CIN validator "
                "(safeguard.returns.validation), which this system does not have yet.",
                returncode=NOT_YET,
            ) from None
        extra = {"ruleset": options["ruleset"]} if options["ruleset"] else {}
        status = cli.run_validate(
            options["file"], fmt=options["format"], out=self.stdout, err=self.stderr, **extra
        )
        if status:
            # The report is out already; the status says whether it found errors (1) or could
            # not check the file at all (2).
            raise SystemExit(status)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
