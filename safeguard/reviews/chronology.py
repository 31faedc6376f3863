"""A review's multi-agency chronology: the system's own records on each child in the review,
with the entries other agencies sent in, oldest first, and its export as CSV.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from safeguard.casework.chronology import entries_for
from safeguard.people.models import Child
from safeguard.reviews.models import CaseReview

FROM_THE_SYSTEM = "Council children's services (this system)"
WHOLE_FAMILY = "The family"
HEADERS = ["Date", "Agency", "Child", "Kind", "What happened", "Detail"]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    on: date
    agency: str
    child: str
    kind: str
    what: str
    detail: str = ""


def assemble(review: CaseReview, children: list[Child]) -> list[Row]:
    """Rows for the children given (those the user may open) and for the family as a whole."""
    rows = [
        Row(e.on, FROM_THE_SYSTEM, child.full_name, e.kind, e.title, e.detail)
        for child in children
        for e in entries_for(child)
    ]
    names = {child.pk: child.full_name for child in children}
    entries = review.agency_entries.select_related("agency").filter(
        Q(child__isnull=True) | Q(child_id__in=list(names))
    )
    rows += [
        Row(
            e.occurred_on,
            e.agency.name,
            names.get(e.child_id, WHOLE_FAMILY),
            "Agency entry",
            e.what_happened,
            e.detail,
        )
        for e in entries
    ]
    return sorted(rows, key=lambda r: (r.on, r.agency, r.child))


def sanitise(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def to_csv(rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for r in rows:
        writer.writerow(
            [
                sanitise(str(v))
                for v in (r.on.isoformat(), r.agency, r.child, r.kind, r.what, r.detail)
            ]
        )
    return out.getvalue()
