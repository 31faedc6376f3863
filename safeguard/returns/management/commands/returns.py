"""`safeguard returns`: statutory return files in and out of the journey dataset.

safeguard returns import FILE [--year 2016-17] [--la 884] [--out DIR] [--load --by EMAIL]
    FILE: a CIN census XML file, an SSDA903 XML file, or a folder or zip of SSDA903 CSV files
safeguard returns export cin --year 2016-17 --out PATH [--dataset DIR] [--la 884]
safeguard returns export ssda903 --year 2016-17 --out PATH [--format csv|xml] [--dataset DIR]
safeguard returns export annexa [--from DATE] --to DATE --out PATH.xlsx|DIR [--dataset DIR]
safeguard returns validate FILE [--ruleset 2022-23] [--format csv|json|html]

Returns are written from the live records (the journey extract) unless --dataset
names a dataset folder.
"""

from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.access.models import User
from safeguard.journey import load as loader
from safeguard.journey.dataset import Dataset, DatasetError
from safeguard.journey.extract import extract
from safeguard.returns.annex_a import build as annex_a
from safeguard.returns.annex_a import write as annex_a_files
from safeguard.returns.annex_a.summary import written_summary as annex_a_summary
from safeguard.returns.annex_a.window import day_given
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse
from safeguard.returns.cin_xml.strict import left_out, to_dataset
from safeguard.returns.cin_xml.write import write
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903 import read as ssda903_read
from safeguard.returns.ssda903 import write as ssda903_write
from safeguard.returns.ssda903.summary import read_summary, written_summary
from safeguard.returns.validation import cli as validation_cli

TABLE_NAMES = {
    "children": "children",
    "referrals": "episodes (referrals)",
    "assessments": "assessments",
    "cin_plans": "children in need plans",
    "section47": "section 47 enquiries",
    "cp_plans": "protection plans",
    "cp_reviews": "protection plan reviews",
}


def live_records(la: str | None) -> Dataset:
    """The journey dataset of the live records."""
    return extract(la)


class Command(BaseCommand):
    help = "Read a statutory return into a journey dataset, or write one from a dataset."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        reading = actions.add_parser(
            "import", help="read a CIN census XML file, or an SSDA903 XML file, folder or zip"
        )
        reading.add_argument("file", type=Path)
        reading.add_argument("--year", help="the collection year the file must be, like 2016-17")
        reading.add_argument(
            "--la",
            help="the council the file must be (its LA code); an SSDA903 return, which does not "
            "say, is read as this council's (by default this system's)",
        )
        reading.add_argument(
            "--out", "--dataset", dest="dataset", type=Path, help="save the dataset in this folder"
        )
        reading.add_argument("--load", action="store_true", help="load it into the live records")
        reading.add_argument("--by", help="with --load: the email of the person loading it")
        writing = actions.add_parser("export", help="write a return from a journey dataset")
        writing.add_argument("kind", choices=["cin", "ssda903", "annexa"])
        writing.add_argument("--year", help="cin, ssda903: the collection year, like 2016-17")
        writing.add_argument("--out", required=True, type=Path, help="the file or folder to write")
        writing.add_argument(
            "--format", choices=["csv", "xml"], help="ssda903: CSV files (a folder or .zip) or XML"
        )
        writing.add_argument("--from", dest="start", help="annexa: the window's first day")
        writing.add_argument("--to", dest="end", help="annexa: the window's last day")
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
                getattr(self, f"export_{options['kind']}")(options)
            else:
                self.validate(options)
        except (ReturnFileError, DatasetError) as error:
            raise CommandError(str(error)) from None

    def read(self, options: dict) -> None:
        path: Path = options["file"]
        if ssda903_read.is_ssda903(path):
            la = options["la"] or settings.LA_CODE
            returned = ssda903_read.read(path, la=la, year=options["year"])
            dataset = returned.dataset
            self.say(read_summary(returned))
        else:
            dataset = self.read_cin(path, options)
        if options["dataset"]:
            dataset.write(options["dataset"])
            self.stdout.write(f"Saved the dataset in {options['dataset']}.")
        if options["load"]:
            self.load(dataset, options["by"])

    def read_cin(self, path: Path, options: dict) -> Dataset:
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
        return dataset

    def load(self, dataset: Dataset, by: str | None) -> None:
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

    def export_cin(self, options: dict) -> None:
        dataset, la = self.dataset(options)
        written = write(dataset, options["out"], _year(options), la=la)
        self.stdout.write(
            f"Wrote {written.path}: the {written.year} CIN census of council {written.la}, "
            f"{_count(written.children, 'child', 'children')}, "
            f"{_count(written.episodes, 'episode', 'episodes')}."
        )

    def export_ssda903(self, options: dict) -> None:
        dataset, la = self.dataset(options)
        written = ssda903_write.write(
            dataset, options["out"], _year(options), la=la, form=options["format"]
        )
        self.say(written_summary(written))

    def export_annexa(self, options: dict) -> None:
        end = day_given(options["end"], "--to") if options["end"] else date.today()
        start = day_given(options["start"], "--from") if options["start"] else None
        dataset, la = self.dataset(options)
        annex = annex_a.build(dataset, end=end, start=start, la=la)
        annex_a_files.write(annex, options["out"])
        self.say(annex_a_summary(annex, options["out"]))

    def dataset(self, options: dict) -> tuple[Dataset, str | None]:
        """The dataset to write from, and the council: the live records are this system's."""
        if options["dataset"] is not None:
            return Dataset.read(options["dataset"]), options["la"]
        la = options["la"] or settings.LA_CODE
        return live_records(la), la

    def say(self, lines: list[str]) -> None:
        for line in lines:
            self.stdout.write(line)

    def validate(self, options: dict) -> None:
        extra = {"ruleset": options["ruleset"]} if options["ruleset"] else {}
        status = validation_cli.run_validate(
            options["file"], fmt=options["format"], out=self.stdout, err=self.stderr, **extra
        )
        if status:
            # The report is out already; the status says whether it found errors (1) or could
            # not check the file at all (2).
            raise SystemExit(status)


def _year(options: dict) -> str:
    if not options["year"]:
        raise CommandError(
            f"Say which collection year to write: --year 2016-17 ({options['kind']})"
        )
    return options["year"]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
