"""The front door dashboard's figures: each with its definition, computed over one period.

The headline counts (contacts, referrals, decisions in time, decisions by level, repeat contacts)
are the measure registry's front-door measures, computed by the measures engine over the contacts
of the period: the measures app, on a floor above, registers the function that does it
(`register_counts`), so the dashboard and the partnership's measures never disagree. The
breakdowns the registry has no measure for (by agency, by decider, information requests) are
counted here.

Counts are exact: the dashboard is an internal screen for authorised staff (MEASURES.md), not a
publication, so no disclosure control is applied here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from safeguard.frontdoor.codes import Outcome
from safeguard.frontdoor.models import Contact, InformationRequest, ThresholdDecision

NOT_AN_AGENCY = "Not from an agency"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def reporting_year(cls, ending: int) -> "Period":
        """1 April to 31 March: the year the DfE reports children's services in."""
        return cls(date(ending - 1, 4, 1), date(ending, 3, 31))

    @property
    def label(self) -> str:
        return f"{self.start:%-d %B %Y} to {self.end:%-d %B %Y}"

    def bounds(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (
            datetime.combine(self.start, time.min, tz),
            datetime.combine(self.end + timedelta(days=1), time.min, tz),
        )


@dataclass(frozen=True)
class Counts:
    """The headline counts of a period, from the measure registry."""

    contacts: int
    referrals: int
    decisions: int
    decisions_in_time: int
    contacts_with_child: int
    repeat_contacts: int
    by_level: dict[int, int]  # decisions by threshold level number


_counts: list[Callable[[Period], Counts]] = []


def register_counts(counts: Callable[[Period], Counts]) -> None:
    """Called by the measures app from its ready(): how the headline counts are computed."""
    _counts[:] = [counts]


def headline_counts(period: Period) -> Counts:
    if not _counts:
        raise RuntimeError("The measures app has not registered the front door's counts")
    return _counts[0](period)


def contacts_in(period: Period) -> QuerySet[Contact]:
    start, end = period.bounds()
    return Contact.objects.filter(received_at__gte=start, received_at__lt=end)


@dataclass
class AgencyRow:
    agency: str
    agency_id: int | None
    contacts: int = 0
    referrals: int = 0
    decided: int = 0
    no_further_action: int = 0

    @property
    def conversion(self) -> float | None:
        return _share(self.referrals, self.contacts)

    @property
    def nfa_share(self) -> float | None:
        return _share(self.no_further_action, self.decided)


@dataclass
class Figures:
    period: Period
    contacts: int = 0
    referrals: int = 0
    by_agency: list[AgencyRow] = field(default_factory=list)
    decisions: int = 0
    decisions_in_time: int = 0
    by_level: list[tuple[str, int]] = field(default_factory=list)
    by_decider: list[tuple[str, dict[str, int], int]] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)
    contacts_with_child: int = 0
    repeat_contacts: int = 0
    requests_by_agency: list[tuple[str, int, int, float | None]] = field(default_factory=list)

    @property
    def conversion(self) -> float | None:
        return _share(self.referrals, self.contacts)

    @property
    def in_time_share(self) -> float | None:
        return _share(self.decisions_in_time, self.decisions)

    @property
    def repeat_share(self) -> float | None:
        return _share(self.repeat_contacts, self.contacts_with_child)


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def repeat_contacts(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    """Contacts about a child who had another contact in the 12 months before this one."""
    earlier = Contact.objects.filter(
        child=OuterRef("child"),
        received_at__lt=OuterRef("received_at"),
        received_at__gte=OuterRef("received_at") - timedelta(days=365),
    )
    return contacts.filter(child__isnull=False).filter(Exists(earlier))


def late_decisions(contacts: QuerySet[Contact]) -> QuerySet[Contact]:
    return contacts.filter(decision__isnull=False, decision__decided_at__gt=F("rag_deadline"))


def compute(period: Period) -> Figures:
    contacts = contacts_in(period)
    headline = headline_counts(period)
    figures = Figures(
        period=period,
        contacts=headline.contacts,
        referrals=headline.referrals,
        decisions=headline.decisions,
        decisions_in_time=headline.decisions_in_time,
        contacts_with_child=headline.contacts_with_child,
        repeat_contacts=headline.repeat_contacts,
    )
    rows: dict[int | None, AgencyRow] = {}
    per_agency = contacts.values("referrer_agency_id", "referrer_agency__name").annotate(
        contacts=Count("id"),
        referrals=Count("decision", filter=Q(decision__outcome__in=Outcome.to_social_care())),
        decided=Count("decision"),
        nfa=Count("decision", filter=Q(decision__outcome=Outcome.NO_FURTHER_ACTION)),
    )
    for row in per_agency:
        agency_id = row["referrer_agency_id"]
        rows[agency_id] = AgencyRow(
            agency=row["referrer_agency__name"] or NOT_AN_AGENCY,
            agency_id=agency_id,
            contacts=row["contacts"],
            referrals=row["referrals"],
            decided=row["decided"],
            no_further_action=row["nfa"],
        )
    figures.by_agency = sorted(rows.values(), key=lambda r: (-r.contacts, r.agency))

    decisions = ThresholdDecision.objects.filter(contact__in=contacts)
    label = _level_labels(decisions)
    figures.by_level = [(label[n], n_at) for n, n_at in sorted(headline.by_level.items()) if n_at]
    figures.levels = sorted({name for name, _ in figures.by_level})
    by_decider: dict[str, dict[str, int]] = {}
    for r in decisions.values("decided_by__full_name", "level__number").annotate(n=Count("id")):
        level = label[r["level__number"]]
        by_decider.setdefault(r["decided_by__full_name"], {})[level] = r["n"]
    figures.by_decider = [
        (name, counts, sum(counts.values())) for name, counts in sorted(by_decider.items())
    ]

    start, end = period.bounds()
    requests = InformationRequest.objects.filter(due_at__gte=start, due_at__lt=end)
    figures.requests_by_agency = [
        (r["agency__name"], r["n"], r["on_time"], _share(r["on_time"], r["n"]))
        for r in requests.values("agency__name")
        .annotate(n=Count("id"), on_time=Count("id", filter=Q(answered_at__lte=F("due_at"))))
        .order_by("agency__name")
    ]
    return figures


def _level_labels(decisions: QuerySet[ThresholdDecision]) -> dict[int, str]:
    """Each level number with its name, from the latest version of the threshold document the
    decisions cite."""
    levels = decisions.order_by("level__document__version").values_list(
        "level__number", "level__name"
    )
    return {number: f"Level {number}: {name}" for number, name in levels.distinct()}


DEFINITIONS = {
    "contacts": "Contacts received in the period, by the agency of the person who made them.",
    "referrals": "Contacts in the period that the MASH decided to pass to children's social care "
    "(a child in need assessment, a strategy discussion, or an already open case).",
    "conversion": "Referrals ÷ contacts, for contacts received in the period.",
    "nfa": "Contacts decided ‘no further action’ ÷ contacts decided, for contacts received in the "
    "period, by referring agency.",
    "in_time": "Decisions made by the RAG deadline (working hours from receipt) ÷ decisions, for "
    "contacts received in the period.",
    "levels": "Decisions on contacts received in the period, by level of need in the threshold "
    "document, and by who decided (for consistency).",
    "repeat": "Contacts about a child who had another contact in the 12 months before ÷ contacts "
    "linked to a child, for contacts received in the period.",
    "requests": "Information requests due in the period that were answered by their due time ÷ "
    "requests due in the period, by the agency asked.",
}
