"""`safeguard report …`: the annual report and its cabinet item from the command line.

    safeguard report annual --year 2016-17 --out report.pdf|report.html [--run N]
    safeguard report cabinet --year 2016-17 --out item.pdf|item.html

`annual` builds the report from the latest stored measure run covering the year (or run N), keeps
the build on record like one made from the page, and writes the PDF or the HTML by the file's
extension.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.measures.models import MeasureRun
from safeguard.reports import builds, document, pdf
from safeguard.reports.models import AnnualReport, CabinetItem
from safeguard.reports.rules import ReportError

FORMATS = (".pdf", ".html")


class Command(BaseCommand):
    help = "The annual report: `annual` builds it, `cabinet` writes the item that receives it."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        annual = actions.add_parser("annual", help="Build the year's annual report.")
        annual.add_argument("--year", required=True, help="Reporting year, like 2016-17")
        annual.add_argument("--out", required=True, help="report.pdf or report.html")
        annual.add_argument("--run", type=int, help="The stored measure run to use (its number)")
        cabinet = actions.add_parser("cabinet", help="Write the cabinet item for the year.")
        cabinet.add_argument("--year", required=True, help="Reporting year, like 2016-17")
        cabinet.add_argument("--out", required=True, help="item.pdf or item.html")

    def handle(self, *args: object, **options: object) -> None:
        out = Path(str(options["out"]))
        if out.suffix.lower() not in FORMATS:
            raise CommandError("--out: name a .pdf or .html file")
        if not out.parent.is_dir():
            raise CommandError(f"--out: there is no folder {out.parent}")
        report = AnnualReport.objects.filter(year=options["year"]).first()
        if report is None:
            raise CommandError(
                f"There is no annual report for {options['year']}: start it on the Annual "
                "report page and write its sections first."
            )
        if options["action"] == "annual":
            self._annual(report, out, run=options["run"])
        else:
            self._cabinet(report, out)

    def _annual(self, report: AnnualReport, out: Path, *, run: int | None) -> None:
        chosen = None
        if run is not None:
            chosen = MeasureRun.objects.filter(pk=run).first()
            if chosen is None:
                raise CommandError(f"--run: there is no measure run {run}")
        try:
            made = builds.build(report, run=chosen)
        except ReportError as refused:
            raise CommandError(str(refused)) from None
        if out.suffix.lower() == ".pdf":
            out.write_bytes(bytes(made.pdf))
        else:
            out.write_text(made.html, encoding="utf-8")
        self.stdout.write(
            f"Wrote {out}: {report}, version {report.edition}, from measure run "
            f"{made.run_number} (dataset {made.dataset_fingerprint})."
        )

    def _cabinet(self, report: AnnualReport, out: Path) -> None:
        item = CabinetItem.objects.filter(report=report).first()
        if item is None:
            raise CommandError(f"The annual report for {report.year} has no cabinet item yet.")
        html = document.cabinet_item_html(item)
        if out.suffix.lower() == ".pdf":
            out.write_bytes(pdf.write_pdf(html))
        else:
            out.write_text(html, encoding="utf-8")
        self.stdout.write(f"Wrote {out}: {item.title}.")
