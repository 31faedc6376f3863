"""Write a journey dataset into the live records: how a council brings its history across from a
legacy system, and how the demo partnership is built from the generator.

Records are matched on their natural-key ids (journey.ids), so loading the same dataset twice
changes nothing; everything happens in one transaction, so a failure leaves the database as it
was. What the dataset does not hold (who recorded a thing, the reasoning of a decision, the time
of day) is marked as not recorded rather than invented (load_context). Children's names are not
in a dataset: a `namer` may supply them (the demo uses Faker); otherwise the record says the name
was not recorded.

Each table has a step, in the order the records refer to each other: the people first, the front
door's contacts (so a referral can name the contact it came from), the pathway, then what lies
around it.
"""

import pyarrow as pa
import pyarrow.compute as pc
from django.conf import settings
from django.db import IntegrityError, transaction

from safeguard.access.models import User
from safeguard.journey import load_around, load_care, load_frontdoor, load_pathway
from safeguard.journey.dataset import Dataset
from safeguard.journey.load_context import LoadError, Loading, LoadReport, Namer
from safeguard.people.models import Child
from safeguard.people.names import phonetic_key

__all__ = ["LoadError", "LoadReport", "load"]


def _unnamed(row: dict) -> tuple[str, str]:
    return "Not recorded", row["child_id"]


def load(
    dataset: Dataset, *, by: User, la: str | None = None, namer: Namer | None = None
) -> LoadReport:
    la = la or settings.LA_CODE
    councils = sorted({la for table in dataset.tables.values() for la in _councils(table)})
    if councils and councils != [la]:
        raise LoadError(
            f"The dataset holds councils {', '.join(councils)}; this system is council {la}"
        )
    try:
        with transaction.atomic():
            loading = Loading(dataset, by, la, namer or _unnamed)
            for step in STEPS:
                step(loading)
            return loading.report
    except IntegrityError as error:
        # A rule of the live records that the checks before writing did not foresee.
        raise LoadError(f"The live records refused a row: {error}") from None


def _councils(table: pa.Table) -> list[str]:
    return pc.unique(table.column("la")).to_pylist()


def children(loading: Loading) -> None:
    rows = loading.new("children", "child_id")
    made = []
    for row in rows:
        first, last = loading.namer(row)
        made.append(
            {
                "la_child_id": row["child_id"],
                "first_name": first,
                "last_name": last,
                "first_name_key": phonetic_key(first),
                "last_name_key": phonetic_key(last),
                "upn": row["upn"] or "",
                "former_upn": row["former_upn"] or "",
                "upn_unknown": row["upn_unknown"] or "",
                "date_of_birth": row["date_of_birth"],
                "expected_date_of_birth": row["expected_date_of_birth"],
                "gender": row["gender"],
                "ethnicity": row["ethnicity"],
                "date_of_death": row["date_of_death"],
                "disabilities": row["disabilities"],
                "unaccompanied_asylum_seeking": row["uasc"],
            }
        )
    loading.create("children", Child, rows, made, "child_id")


STEPS = (
    children,
    load_frontdoor.contacts,
    load_pathway.referrals,
    load_pathway.discussions,
    load_pathway.assessments,
    load_pathway.cin_plans,
    load_pathway.enquiries,
    load_pathway.plans,
    load_pathway.reviews,
    load_care.episodes,
    load_care.reviews,
    load_care.missing,
    load_around.early_help,
    load_around.screenings,
    load_around.home_education,
    load_around.population,
)
