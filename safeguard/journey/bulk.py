"""Writing many new records at once, for the loader, with each record's history beside it.

Django's bulk_create passes every value of every row through the field machinery, which is most of
the time a large load takes (a council's five years are a few hundred thousand values). The
loader's values are already the right Python types, so here only dates, times and JSON go through
the backend's conversion; the rest are sent as they are, in one INSERT … RETURNING per batch.
Defaults are the model's own, taken once per call, and the history row repeats the record as
simple_history would have written it ("+", created, by the user who loaded it).
"""

import sqlite3
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from django.db import connection, models
from django.utils import timezone

from safeguard.access.models import User

Row = dict[str, Any]
# Field types whose Python values every backend takes as they are.
_AS_THEY_ARE = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
)
_MAX_ROWS = 1000


def _converter(field: models.Field) -> Callable[[Any], Any] | None:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        if connection.vendor == "sqlite":
            return _sqlite_datetime(connection.timezone)
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.JSONField):
        return lambda value: ops.adapt_json_value(value, field.encoder)
    if isinstance(field, _AS_THEY_ARE):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _sqlite_datetime(zone: tzinfo) -> Callable[[datetime], str]:
    """What SQLite's backend stores for an aware time (in the connection's zone, as text)."""
    adapt = connection.ops.adapt_datetimefield_value

    def convert(value: datetime) -> str:
        if value.tzinfo is None:
            return adapt(value)  # refused, as the backend refuses it
        return str(value.astimezone(zone).replace(tzinfo=None))

    return convert


def _default(field: models.Field) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        now = timezone.now()
        return now if isinstance(field, models.DateTimeField) else timezone.localdate(now)
    return field.get_default()


def _complete(model: type[models.Model], rows: list[Row]) -> list[models.Field]:
    """Fill in each row's missing fields with the model's defaults; the fields written."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    names = {f.attname for f in fields}
    unknown = set(rows[0]) - names
    if unknown:
        raise ValueError(f"{model.__name__} has no field {', '.join(sorted(unknown))}")
    defaults = {f.attname: _default(f) for f in fields if f.attname not in rows[0]}
    for row in rows:
        for name, value in defaults.items():
            row.setdefault(name, value)
    return fields


def _parameters_allowed() -> int:
    """How many values one statement may carry: SQLite's own limit (Django assumes the 999 of old
    versions), PostgreSQL's protocol limit."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return connection.features.max_query_params or 65_535


def _write(model: type[models.Model], fields: list[models.Field], rows: list[Row]) -> list[int]:
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    columns = ", ".join(quote(f.column) for f in fields)
    converters = [(f.attname, _converter(f)) for f in fields]
    limit = _parameters_allowed()
    per_batch = max(1, min(_MAX_ROWS, limit // len(fields)))
    placeholder = "(" + ", ".join(["%s"] * len(fields)) + ")"
    pks: list[int] = []
    # The driver's own cursor: Django's wrapper would also format every query for its debug log.
    with connection.cursor() as wrapper, connection.wrap_database_errors:
        cursor = wrapper.cursor
        for start in range(0, len(rows), per_batch):
            batch = rows[start : start + per_batch]
            values = [
                row[name] if convert is None or row[name] is None else convert(row[name])
                for row in batch
                for name, convert in converters
            ]
            # The rows come back in the order they were written (as bulk_create relies on too).
            # The statement holds only the model's own names, quoted; the values are parameters.
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES "  # noqa: S608
                f"{', '.join([placeholder] * len(batch))} RETURNING {pk}",
                values,
            )
            pks.extend(pk for (pk,) in cursor.fetchall())
    return pks


def insert(model: type[models.Model], rows: list[Row], *, by: User | None = None) -> list[int]:
    """Write `rows` (field attname -> value) as new records of `model`, and their history when the
    model keeps one; the new records' primary keys, in the order of `rows`."""
    if not rows:
        return []
    fields = _complete(model, rows)
    pks = _write(model, fields, rows)
    history = getattr(model, "history", None)
    if history is not None:
        made = timezone.now()
        past = [
            row
            | {
                model._meta.pk.attname: pk,
                "history_date": made,
                "history_type": "+",
                "history_user_id": by.pk if by else None,
                "history_change_reason": None,
            }
            for row, pk in zip(rows, pks, strict=True)
        ]
        historical = history.model
        _write(historical, _complete(historical, past), past)
    return pks
