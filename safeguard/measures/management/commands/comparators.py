"""`safeguard comparators …`: the DfE's published figures that councils are compared with.

    safeguard comparators import FILE|FOLDER…

Every .csv in a folder is read; one whose columns are not a DfE table this system reads is skipped
there, but refused when named on its own. A bad file changes nothing, and the message names it.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from safeguard.measures.comparators.csvfile import ComparatorFileError
from safeguard.measures.comparators.importer import import_files
from safeguard.measures.comparators.models import ComparatorFigure, PopulationEstimate, Symbol


class Command(BaseCommand):
    help = "Comparators: `import` the DfE's local-authority files (CSV) into the comparator store."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        importing = actions.add_parser(
            "import",
            help="Read DfE files (or every .csv in a folder) into the comparator store, whole or "
            "not at all.",
        )
        importing.add_argument(
            "paths", nargs="+", type=Path, metavar="FILE", help="a file or folder"
        )

    def handle(self, *args: object, **options: object) -> None:
        getattr(self, f"_{options['action']}")(**options)

    def _import(self, *, paths: list[Path], **_: object) -> None:
        try:
            imported = import_files(paths)
        except ComparatorFileError as error:
            raise CommandError(f"{error}. Nothing was imported.") from None
        if not imported:
            raise CommandError("No .csv files there: nothing was imported.")
        for found in imported:
            self.stdout.write(found.summary())
        waiting = ComparatorFigure.objects.filter(symbol=Symbol.NO_POPULATION)
        if waiting.exists() and not PopulationEstimate.objects.exists():
            self.stdout.write(
                "No ONS population estimates are imported yet: rates per 10,000 children are "
                "made when they are."
            )
