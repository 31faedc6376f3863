"""What every step of a load shares: the dataset's rows, the user, the ids already in the database,
the report, and the conventions for what a dataset does not hold."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from safeguard.access.models import Agency, AgencyKind, User
from safeguard.journey import bulk, ids
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import live_ids
from safeguard.journey.extract_around import UNKNOWN_AGENCY

NOT_RECORDED = "Not recorded: brought in from the journey dataset"
# A dataset holds dates where the live records hold times: such a time is taken as midday in
# London, which keeps its date whatever the clocks do.
MIDDAY = time(12)
LONDON = ZoneInfo("Europe/London")
Namer = Callable[[dict], tuple[str, str]]


class LoadError(Exception):
    """The dataset cannot be loaded as it is; nothing has been written."""


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    matched: dict[str, int] = field(default_factory=dict)

    def count(self, table: str, created: int, matched: int) -> None:
        self.created[table], self.matched[table] = created, matched

    def __str__(self) -> str:
        return "\n".join(
            f"{table}: {self.created[table]} created, {self.matched[table]} matched"
            for table in self.created
        )


def midday(day: date) -> datetime:
    """The moment a record dated `day` is taken to have happened, in UTC."""
    return datetime.combine(day, MIDDAY, tzinfo=LONDON).astimezone(UTC)


def day_text(day: date) -> str:
    return f"{day:%-d %B %Y}"


class Loading:
    def __init__(self, dataset: Dataset, by: User, la: str, namer: Namer) -> None:
        self.data = {name: table.to_pylist() for name, table in dataset.tables.items()}
        self.by, self.la, self.namer = by, la, namer
        self.report = LoadReport()
        self.live = live_ids(la)
        # Filled by the steps for those after them: the conferences the plans start at, the
        # contacts the referrals came from.
        self.live["conferences"] = {}
        self.contact_of_referral: dict[str, int] = {}
        self._agencies: dict[str | None, Agency] = {}

    def new(self, table: str, key: str | Callable[[dict], Any]) -> list[dict]:
        """Rows whose id the live records do not hold yet, repeats of a key in the order they
        were made; the rest count as matched. A dataset holding one id twice is refused."""
        make = key if callable(key) else (lambda row: row[key])
        known = self.live[table]
        rows = self.data[table]
        seen: set = set()
        for row in rows:
            natural = make(row)
            if natural in seen:
                raise LoadError(f"The table {table} holds {natural} twice")
            seen.add(natural)
        new = [row for row in rows if make(row) not in known]
        if not callable(key):
            new.sort(key=lambda row: ids.ordinal(row[key]))
        self.report.count(table, len(new), len(rows) - len(new))
        return new

    def create(
        self,
        table: str,
        model: type[models.Model],
        rows: list[dict],
        made: list[dict],
        key: str | Callable[[dict], Any] | None = None,
    ) -> None:
        """Write `made` (one dict of field values per row of `rows`); remember the new records'
        primary keys under their rows' `key`, for the steps after."""
        pks = bulk.insert(model, made, by=self.by)
        if key is None:
            return
        make = key if callable(key) else (lambda row: row[key])
        known = self.live[table]
        for row, pk in zip(rows, pks, strict=True):
            known[make(row)] = pk

    def child(self, row: dict) -> int:
        return self.live["children"][row["child_id"]]

    def referral(self, row: dict) -> int:
        return self.live["referrals"][row["referral_id"]]

    def agency(self, kind: str | None) -> Agency:
        """An agency of this kind: the partnership's own if it has one, else one named for the
        kind; with no kind, the agency that stands for "not recorded"."""
        if kind not in self._agencies:
            self._agencies[kind] = _agency_for(kind)
        return self._agencies[kind]


def _agency_for(kind: str | None) -> Agency:
    if kind is None:
        return Agency.objects.get_or_create(
            name=UNKNOWN_AGENCY, defaults={"kind": AgencyKind.EARLY_HELP}
        )[0]
    found = Agency.objects.filter(kind=kind).exclude(name=UNKNOWN_AGENCY).order_by("pk").first()
    if found is not None:
        return found
    label = AgencyKind(kind).label if kind in AgencyKind.values else kind
    return Agency.objects.create(name=f"{label} (brought in from the journey dataset)", kind=kind)
