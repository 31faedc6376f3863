"""Importing the DfE's published files into the comparator store: every file whole, or nothing.

Each file is recognised by its columns. All files are read and checked before anything is
written, then written in one transaction, so a bad file (wrong columns, not UTF-8, not CSV, a
value that is neither a number nor a DfE symbol) changes nothing; the error names the file and
line. A file identical to the one already imported for its table changes nothing; a different
copy of a table (a newer release) replaces that table's figures, and only those.
"""

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from django.db import transaction

from safeguard.measures.comparators import rates
from safeguard.measures.comparators.csvfile import ComparatorFileError, CsvFile, read_csv
from safeguard.measures.comparators.models import (
    Basis,
    ComparatorFigure,
    ComparatorFile,
    PopulationEstimate,
    StatisticalNeighbour,
)
from safeguard.measures.comparators.tables import ONS, Table, recognise
from safeguard.measures.comparators.tables.base import (
    FigureRecord,
    NeighbourRecord,
    PopulationRecord,
    Record,
    RowError,
)


class Outcome(StrEnum):
    IMPORTED = "imported"
    REPLACED = "imported, replacing the copy imported before"
    UNCHANGED = "already imported: nothing changed"
    SKIPPED = "not a table this system reads: skipped"


@dataclass
class FileImport:
    path: Path
    table: Table | None
    digest: str = ""
    rows: int = 0
    records: list[Record] = field(default_factory=list)
    not_read: Counter[str] = field(default_factory=Counter)
    outcome: Outcome = Outcome.SKIPPED

    @property
    def years(self) -> list[str]:
        return sorted({r.year for r in self.records if not isinstance(r, NeighbourRecord)})

    def summary(self) -> str:
        if self.table is None:
            return f"{self.path.name}: {self.outcome}"
        counts = Counter(type(r) for r in self.records)
        held = [
            f"{counts[kind]} {label}"
            for kind, label in (
                (FigureRecord, "figures"),
                (PopulationRecord, "population estimates"),
                (NeighbourRecord, "neighbour links"),
            )
            if counts[kind]
        ]
        years = self.years
        span = f", {years[0]} to {years[-1]}" if years else ""
        line = f"{self.path.name}: {self.table.title} — {', '.join(held)}{span}; {self.outcome}"
        if self.not_read:
            line += " (not read: " + ", ".join(f"{n} {why}" for why, n in self.not_read.items())
            line += ")"
        return line


def import_files(paths: Iterable[Path | str]) -> list[FileImport]:
    """Import files and folders (every .csv in a folder; one not recognised there is skipped,
    where a file named on its own must be one this system reads)."""
    reads = [read_file(path, named) for path, named in _files(paths)]
    _one_copy_per_table(reads)
    populations = [found for found in reads if found.table is ONS]
    others = [found for found in reads if found.table not in (None, ONS)]
    with transaction.atomic():
        if any([_store(found) for found in populations]):
            # The figures stored before, remade with these estimates.
            rates.derive()
        known = rates.children()
        for found in others:
            _store(found, known)
    return reads


def read_file(path: Path, named: bool = True) -> FileImport:
    csv_file = read_csv(path)
    try:
        table = recognise(csv_file.header)
    except ValueError as error:
        raise ComparatorFileError(path, str(error), 1) from None
    if table is None:
        if named:
            raise ComparatorFileError(
                path,
                "its columns are not those of a DfE table this system reads (B1, C1, D3, D5, "
                "section 47 and conferences, children looked after, ONS population, "
                "statistical neighbours, social work workforce)",
                1,
            )
        return FileImport(path, None)
    found = FileImport(path, table, hashlib.sha256(csv_file.data).hexdigest(), len(csv_file.rows))
    found.records = _records(csv_file, table, found.not_read)
    if not found.records:
        raise ComparatorFileError(
            path, f"holds no rows of {table.title} for England, its regions or councils"
        )
    return found


def _files(paths: Iterable[Path | str]) -> list[tuple[Path, bool]]:
    """Each file to read once, and whether it was named on its own (not found in a folder)."""
    files: dict[Path, bool] = {}
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(given.glob("*.csv")):
                if path.is_file():
                    files.setdefault(path.resolve(), False)
        elif given.is_file():
            files[given.resolve()] = True
        else:
            raise ComparatorFileError(given, "no such file or folder")
    return list(files.items())


def _records(csv_file: CsvFile, table: Table, not_read: Counter[str]) -> list[Record]:
    records: list[Record] = []
    seen: dict[tuple, int] = {}
    for row in csv_file.rows:
        try:
            read = table.read_row(row)
        except RowError as error:
            raise ComparatorFileError(csv_file.path, str(error), row.line) from None
        if isinstance(read, str):
            not_read[read] += 1
            continue
        for record in read:
            key = _key(record)
            if key in seen:
                raise ComparatorFileError(
                    csv_file.path,
                    f"repeats the figures of line {seen[key]} ({', '.join(key[1:])})",
                    row.line,
                )
            seen[key] = row.line
        records += read
    return records


def _key(record: Record) -> tuple:
    if isinstance(record, FigureRecord):
        return ("figure", record.measure_id, record.area.code, record.year)
    if isinstance(record, PopulationRecord):
        return ("population", record.area.code, record.year)
    return ("neighbour", record.model, record.la, str(record.rank))


def _one_copy_per_table(reads: list[FileImport]) -> None:
    first: dict[str, Path] = {}
    for found in reads:
        if found.table is None:
            continue
        if found.table.key in first:
            raise ComparatorFileError(
                found.path,
                f"is {found.table.title}, as is {first[found.table.key].name}: import one of them",
            )
        first[found.table.key] = found.path


def _store(found: FileImport, children: rates.Children | None = None) -> bool:
    """Write one read file; False when the same file was imported before."""
    assert found.table is not None
    existing = ComparatorFile.objects.filter(table=found.table.key).first()
    if existing is not None and existing.sha256 == found.digest:
        found.outcome = Outcome.UNCHANGED
        return False
    found.outcome = Outcome.IMPORTED
    if existing is not None:
        existing.delete()
        found.outcome = Outcome.REPLACED
    source = ComparatorFile.objects.create(
        table=found.table.key, name=found.path.name, sha256=found.digest, rows=found.rows
    )
    ComparatorFigure.objects.bulk_create(
        (_figure(source, r, children or {}) for r in found.records if isinstance(r, FigureRecord)),
        batch_size=1000,
    )
    PopulationEstimate.objects.bulk_create(
        (_population(source, r) for r in found.records if isinstance(r, PopulationRecord)),
        batch_size=1000,
    )
    StatisticalNeighbour.objects.bulk_create(
        (_neighbour(source, r) for r in found.records if isinstance(r, NeighbourRecord)),
        batch_size=1000,
    )
    return True


def _figure(source: ComparatorFile, r: FigureRecord, children: rates.Children) -> ComparatorFigure:
    denominator, value, symbol = r.denominator, r.value, r.symbol
    if r.basis == Basis.POPULATION and r.numerator is not None:
        denominator, value, symbol = rates.rate(r.numerator, children.get((r.area.code, r.year)))
    return ComparatorFigure(
        source=source,
        measure_id=r.measure_id,
        level=r.area.level,
        area=r.area.code,
        area_code=r.area.new_code,
        area_name=r.area.name,
        region_code=r.area.region_code,
        region_name=r.area.region_name,
        year=r.year,
        numerator=r.numerator,
        denominator=denominator,
        value=value,
        symbol=symbol,
        note=r.note[:200],
        basis=r.basis,
    )


def _population(source: ComparatorFile, r: PopulationRecord) -> PopulationEstimate:
    return PopulationEstimate(
        source=source,
        level=r.area.level,
        area=r.area.code,
        area_name=r.area.name,
        year=r.year,
        mid_year=r.mid_year,
        children=r.children,
        symbol=r.symbol,
    )


def _neighbour(source: ComparatorFile, r: NeighbourRecord) -> StatisticalNeighbour:
    return StatisticalNeighbour(
        source=source,
        model=r.model,
        la=r.la,
        la_name=r.la_name,
        rank=r.rank,
        neighbour=r.neighbour,
        closeness=r.closeness,
    )
