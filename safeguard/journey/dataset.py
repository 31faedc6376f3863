"""A journey dataset in memory (Arrow tables) and on disk (a folder of Parquet files)."""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from safeguard.journey.schema import KEYS, TABLES

FORMAT_VERSION = 1
MANIFEST = "dataset.json"


class DatasetError(ValueError):
    """A dataset that does not fit the schema; the message names the table and the column."""


def conform(name: str, table: pa.Table) -> pa.Table:
    """The table with exactly the schema's columns, types and order; DatasetError if it can't be."""
    schema = TABLES[name]
    missing = [f.name for f in schema if f.name not in table.column_names]
    if missing:
        raise DatasetError(f"Table {name} has no column {', '.join(missing)}")
    extra = [c for c in table.column_names if c not in schema.names]
    if extra:
        raise DatasetError(f"Table {name} has columns the schema does not know: {', '.join(extra)}")
    columns = []
    for field in schema:
        column = table.column(field.name)
        try:
            column = column.cast(field.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as error:
            raise DatasetError(
                f"Table {name}, column {field.name}: expected {field.type} ({error})"
            ) from None
        if not field.nullable and column.null_count:
            raise DatasetError(
                f"Table {name}, column {field.name}: {column.null_count} empty values"
            )
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


@dataclass(frozen=True)
class Dataset:
    tables: Mapping[str, pa.Table]

    @classmethod
    def build(cls, tables: Mapping[str, pa.Table | Iterable[dict]]) -> "Dataset":
        """A dataset from tables or lists of rows; absent tables are empty."""
        conformed = {}
        for name, schema in TABLES.items():
            given = tables.get(name)
            if given is None:
                conformed[name] = schema.empty_table()
            elif isinstance(given, pa.Table):
                conformed[name] = conform(name, given)
            else:
                conformed[name] = conform(name, pa.Table.from_pylist(list(given), schema=schema))
        unknown = set(tables) - set(TABLES)
        if unknown:
            raise DatasetError(f"Unknown tables: {', '.join(sorted(unknown))}")
        return cls(conformed)

    def __getitem__(self, name: str) -> pa.Table:
        return self.tables[name]

    def sorted(self) -> "Dataset":
        """Rows in key order, so two datasets with the same facts compare equal."""
        return Dataset(
            {
                name: t.sort_by([(k, "ascending") for k in KEYS[name]])
                for name, t in self.tables.items()
            }
        )

    def same_facts_as(self, other: "Dataset") -> bool:
        mine, theirs = self.sorted(), other.sorted()
        return all(mine[name].equals(theirs[name]) for name in TABLES)

    def councils(self) -> list[str]:
        return sorted(set(self["children"].column("la").to_pylist()))

    def fingerprint(self) -> str:
        """A hash of the facts: results computed from a dataset are cached under it."""
        digest = hashlib.sha256()
        for name, table in self.sorted().tables.items():
            digest.update(name.encode())
            sink = pa.BufferOutputStream()
            with pa.ipc.new_stream(sink, table.schema) as writer:
                writer.write_table(table)
            digest.update(sink.getvalue().to_pybytes())
        return digest.hexdigest()[:16]

    def write(self, folder: Path | str) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            pq.write_table(table, folder / f"{name}.parquet", compression="zstd")
        manifest = {
            "format": FORMAT_VERSION,
            "fingerprint": self.fingerprint(),
            "rows": {name: t.num_rows for name, t in self.tables.items()},
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2))
        return folder

    @classmethod
    def read(cls, folder: Path | str) -> "Dataset":
        folder = Path(folder)
        if not (folder / MANIFEST).exists():
            raise DatasetError(f"{folder} is not a journey dataset: it has no {MANIFEST}")
        manifest = json.loads((folder / MANIFEST).read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise DatasetError(
                f"{folder}: dataset format {manifest.get('format')} is not {FORMAT_VERSION}"
            )
        tables = {}
        for name in TABLES:
            path = folder / f"{name}.parquet"
            if not path.exists():
                raise DatasetError(f"{folder}: the table {name} is missing")
            tables[name] = pq.read_table(path)
        return cls.build(tables)
