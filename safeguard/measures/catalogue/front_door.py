"""The front door: contacts and the MASH's decisions on them (local measures, no DfE table).

Contacts are counted in the reporting year they were received (London time). The measures about
decisions count the contacts received in the year that have a decision; a contact still open in
the MASH is left out of them until it is decided.

No further action by referring agency is one measure per kind of agency (and one for contacts
from individuals: the public, family members, anonymous callers) rather than a breakdown column:
a result is one figure per measure, council and year, so each agency's share gets its own
comparators, trend, disclosure and list of children like any other measure, and one query
computes them all.
"""

import ibis
import ibis.expr.types as ir

from safeguard.access.models import AgencyKind
from safeguard.frontdoor.codes import Outcome
from safeguard.measures.catalogue.base import Context, family, flag, journey_measure, utc_clock
from safeguard.measures.registry import Measure, Period, Polarity, Unit

TWELVE_MONTHS = ibis.interval(months=12)
REFERRAL_OUTCOMES = sorted(outcome.value for outcome in Outcome.to_social_care())
THRESHOLD_LEVELS = (1, 2, 3, 4)  # universal, early help, child in need, child protection
INDIVIDUAL = "individual"  # a contact with no referring agency

# Who a contact came from, as the measures' titles say it. The partnership office makes none.
REFERRERS: dict[str, str] = {
    AgencyKind.POLICE.value: "the police",
    AgencyKind.EDUCATION.value: "schools and education",
    AgencyKind.HEALTH_TRUST.value: "NHS trusts",
    AgencyKind.HEALTH_ICB.value: "the integrated care board",
    AgencyKind.GP_PRACTICE.value: "GP practices",
    AgencyKind.CHILDRENS_SERVICES.value: "council children's services",
    AgencyKind.EARLY_HELP.value: "early help providers",
    AgencyKind.HOUSING.value: "housing",
    AgencyKind.PROBATION.value: "probation",
    AgencyKind.LICENSING.value: "the licensing authority",
    AgencyKind.VOLUNTARY.value: "the voluntary sector",
    INDIVIDUAL: "individuals (the public, family, anonymous)",
}


@family
def _contacts(context: Context) -> ir.Table:
    """Contacts received in the year, with their MASH decision (if made yet): its outcome, its
    threshold level, whether by the RAG deadline, and who referred."""
    received = context.in_year_instant(context.table("contacts"), "received_at")
    decided = received.outcome.notnull()
    kind = received.referrer_agency_kind
    by_referrer = {}
    for referrer in REFERRERS:
        from_them = decided & (kind.isnull() if referrer == INDIVIDUAL else kind == referrer)
        no_action = from_them & (received.outcome == Outcome.NO_FURTHER_ACTION.value)
        by_referrer[f"decided_{referrer}"] = flag(from_them)
        by_referrer[f"nfa_{referrer}"] = flag(no_action)
    return received.select(
        "la",
        "year",
        "child_id",
        contact=ibis.literal(1),
        decided=flag(decided),
        to_referral=flag(decided & received.outcome.isin(REFERRAL_OUTCOMES)),
        in_time=flag(decided & (received.decided_at <= received.rag_deadline)),
        **{f"level_{n}": flag(decided & (received.threshold_level == n)) for n in THRESHOLD_LEVELS},
        **by_referrer,
    )


@family
def _repeat_contacts(context: Context) -> ir.Table:
    """Contacts received in the year; a repeat when the child's contact before it (any contact,
    the look-back year's included) came in the 12 months before. Two contacts about a child at
    the same moment: the second is a repeat. The contact before is found by a window over the
    child's contacts in time order, not by joining each contact to the child's others (on a
    national dataset the join takes several times as long and gigabytes of memory)."""
    contacts = context.table("contacts")
    clock = contacts.select("la", "child_id", "received_at", _clock=utc_clock(contacts.received_at))
    in_order = ibis.window(group_by=[clock.la, clock.child_id], order_by=clock._clock)
    previous = clock.mutate(_previous=clock._clock.lag().over(in_order))
    received = context.in_year_instant(previous, "received_at")
    return received.select(
        "la",
        "year",
        "child_id",
        contact=ibis.literal(1),
        repeat=flag(received._previous >= received._clock - TWELVE_MONTHS),
    )


CONTACTS = journey_measure(
    Measure(
        id="contacts",
        title="Contacts received",
        definition=(
            "Contacts about a child received by the front door (the MASH) in the year, whatever "
            "their outcome."
        ),
        numerator="Contacts received in the year",
        denominator="",
        unit=Unit.COUNT,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="journey",
        headline=True,
    ),
    _contacts["contact"],
)

CONTACTS_TO_REFERRAL_PCT = journey_measure(
    Measure(
        id="contacts_referral_pct",
        title="Contacts becoming referrals",
        definition=(
            "Of the contacts received in the year and decided, the share the MASH passed to "
            "children's social care (for an assessment, a strategy discussion, or to the worker "
            "of a case already open)."
        ),
        numerator="Decided contacts in the year that became referrals",
        denominator="Contacts received in the year with a MASH decision",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.NEITHER,
        priority="journey",
    ),
    _contacts["to_referral"],
    _contacts["decided"],
)

MASH_IN_TIME_PCT = journey_measure(
    Measure(
        id="mash_decisions_in_time_pct",
        title="MASH decisions within the RAG deadline",
        definition=(
            "Of the contacts received in the year and decided, the share decided by the deadline "
            "their RAG rating set (red, amber or green: working hours from receipt)."
        ),
        numerator="Decided contacts in the year decided by their RAG deadline",
        denominator="Contacts received in the year with a MASH decision",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.HIGHER_IS_BETTER,
        priority="journey",
        headline=True,
    ),
    _contacts["in_time"],
    _contacts["decided"],
)

for _level in THRESHOLD_LEVELS:
    journey_measure(
        Measure(
            id=f"decisions_level_{_level}_pct",
            title=f"MASH decisions at threshold level {_level}",
            definition=(
                f"Of the contacts received in the year and decided, the share the MASH placed at "
                f"level {_level} of the partnership's threshold document."
            ),
            numerator=f"Decided contacts in the year at threshold level {_level}",
            denominator="Contacts received in the year with a MASH decision",
            unit=Unit.PERCENT,
            period=Period.YEAR,
            polarity=Polarity.NEITHER,
            priority="journey",
        ),
        _contacts[f"level_{_level}"],
        _contacts["decided"],
    )

for _referrer, _phrase in REFERRERS.items():
    journey_measure(
        Measure(
            id=f"contacts_nfa_{_referrer}_pct",
            title=f"No further action on contacts from {_phrase}",
            definition=(
                f"Of the contacts from {_phrase} received in the year and decided, the share the "
                f"MASH decided needed no further action."
            ),
            numerator=f"Decided contacts in the year from {_phrase} with no further action",
            denominator=f"Decided contacts in the year from {_phrase}",
            unit=Unit.PERCENT,
            period=Period.YEAR,
            polarity=Polarity.LOWER_IS_BETTER,
            priority="journey",
        ),
        _contacts[f"nfa_{_referrer}"],
        _contacts[f"decided_{_referrer}"],
    )

REPEAT_CONTACTS_PCT = journey_measure(
    Measure(
        id="repeat_contacts_pct",
        title="Repeat contacts",
        definition=(
            "Of the contacts received in the year, the share about a child whose previous contact "
            "came in the 12 months before."
        ),
        numerator="Contacts in the year about a child with a contact in the 12 months before",
        denominator="Contacts received in the year",
        unit=Unit.PERCENT,
        period=Period.YEAR,
        polarity=Polarity.LOWER_IS_BETTER,
        priority="journey",
    ),
    _repeat_contacts["repeat"],
    _repeat_contacts["contact"],
)
