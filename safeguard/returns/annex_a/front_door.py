"""Lists 1 to 3: the contacts, early help assessments and referrals of the window."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from safeguard.access.models import AgencyKind
from safeguard.returns.annex_a.answers import SOURCE, yes_no
from safeguard.returns.annex_a.data import AnnexData
from safeguard.returns.annex_a.window import Window, year_before

# Contacts are stamped in UTC; the day a contact came is the day in England.
ENGLAND = ZoneInfo("Europe/London")

Row = dict[str, object]


def contacts(data: AnnexData, window: Window) -> list[Row]:
    rows = []
    for contact in data.rows["contacts"]:
        received = _local_day(contact["received_at"])
        if received in window:
            rows.append(
                data.child(contact["child_id"])
                | {"Date of Contact": received, "Contact Source": SOURCE.get(contact["source"])}
            )
    return sorted(rows, key=lambda r: (r["Date of Contact"], r["Child Unique ID"]))


def early_help(data: AnnexData, window: Window) -> list[Row]:
    """Each early help episode begins with its assessment: the episode's start is the
    assessment's; the dataset does not hold when the assessment was completed."""
    rows = [
        data.child(episode["child_id"])
        | {
            "Assessment start date": episode["start_date"],
            "Organisation completing assessment": _agency(episode["lead_agency_kind"]),
        }
        for episode in data.rows["early_help"]
        if episode["start_date"] in window
    ]
    return sorted(rows, key=lambda r: (r["Assessment start date"], r["Child Unique ID"]))


def referrals(data: AnnexData, window: Window) -> list[Row]:
    by_child = data.by_child("referrals")
    rows = []
    for referral in data.rows["referrals"]:
        referred = referral["referral_date"]
        if referred not in window:
            continue
        earlier = year_before(referred)
        rows.append(
            data.child(referral["child_id"])
            | {
                "Date of Referral": referred,
                "Referral Source": SOURCE.get(referral["source"]),
                "Referral NFA?": yes_no(referral["nfa"]),
                "Number of Referrals in Last 12 Months": sum(
                    other["referral_date"] in earlier for other in by_child[referral["child_id"]]
                ),
            }
        )
    return sorted(rows, key=lambda r: (r["Date of Referral"], r["Child Unique ID"]))


def _local_day(moment: datetime) -> date:
    return moment.astimezone(ENGLAND).date()


def _agency(kind: str | None) -> str | None:
    if kind is None:
        return None
    return AgencyKind(kind).label if kind in AgencyKind.values else kind
