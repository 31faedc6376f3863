"""One council's journey dataset as the Annex A lists read it: rows by table, children by id,
and what every list says of a child (its first columns).

Annex A lists things as they stood at the end of the inspection window: nothing after that day
is known, so later dates read as not yet happened.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow.compute as pc

from safeguard.journey.dataset import Dataset
from safeguard.returns.annex_a.answers import ETHNICITY, GENDER, yes_no

TABLES = (
    "children",
    "contacts",
    "early_help",
    "referrals",
    "assessments",
    "section47",
    "cin_plans",
    "cp_plans",
    "cp_reviews",
    "cla_episodes",
    "cla_reviews",
    "missing_episodes",
)


@dataclass
class AnnexData:
    la: str
    end: date
    rows: dict[str, list[dict]]
    children: dict[str, dict] = field(init=False)

    def __post_init__(self) -> None:
        self.children = {child["child_id"]: child for child in self.rows["children"]}

    @classmethod
    def of(cls, dataset: Dataset, la: str, end: date) -> "AnnexData":
        rows = {}
        for name in TABLES:
            table = dataset[name]
            rows[name] = table.filter(pc.equal(table["la"], la)).to_pylist()
        return cls(la, end, rows)

    def by_child(self, table: str) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in self.rows[table]:
            grouped[row["child_id"]].append(row)
        return grouped

    def known(self, day: date | None) -> date | None:
        """A date, if it had come by the end of the window."""
        return day if day is not None and day <= self.end else None

    def child(self, child_id: str) -> dict[str, object]:
        """The columns every list of children starts with."""
        child = self.children.get(child_id, {})
        born = child.get("date_of_birth")
        return {
            "Child Unique ID": child_id,
            "Gender": GENDER.get(child.get("gender")),
            "Ethnicity": ETHNICITY.get(child.get("ethnicity")),
            "Date of Birth": born,
            "Age": age(born, self.end),
            "Age of Child (Years)": age(born, self.end),
            "Does the Child have a Disability": yes_no(disabled(child)) if child else None,
        }


def disabled(child: dict) -> bool:
    return any(code != "NONE" for code in child.get("disabilities") or [])


def age(born: date | None, on: date) -> int | None:
    """Whole years on a day; none for a child not yet born."""
    if born is None or born > on:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
