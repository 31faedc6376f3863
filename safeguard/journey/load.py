"""Write a journey dataset into the live records: how a council brings its history across from a
legacy system, and how the demo partnership is built from the generator.

Records are matched on their natural-key ids (journey.ids), so loading the same dataset twice
changes nothing; everything happens in one transaction, so a failure leaves the database as it
was. What the dataset does not hold (who recorded a thing, the reasoning of a decision) is marked
as not recorded rather than invented. Children's names are not in a dataset: a `namer` may supply
them (the demo uses Faker); otherwise the record says the name was not recorded.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date

from django.conf import settings
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from safeguard.access.models import Agency, AgencyKind, User
from safeguard.casework import timescales
from safeguard.casework.codes import (
    ConferenceOutcome,
    EnquiryOutcome,
    PlanEndReason,
    ReviewDecision,
)
from safeguard.casework.models import (
    Assessment,
    ChildInNeedPlan,
    InitialConference,
    ProtectionPlan,
    ReviewConference,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.frontdoor.codes import EarlyHelpOffered, LawfulBasis
from safeguard.frontdoor.models import (
    Contact,
    ContactStatus,
    Referral,
    ThresholdDecision,
    ThresholdDocument,
)
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import live_ids
from safeguard.people.models import Child
from safeguard.people.names import phonetic_key

NOT_RECORDED = "Not recorded: brought in from the journey dataset"
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


def _unnamed(row: dict) -> tuple[str, str]:
    return "Not recorded", row["child_id"]


def load(
    dataset: Dataset, *, by: User, la: str | None = None, namer: Namer | None = None
) -> LoadReport:
    la = la or settings.LA_CODE
    councils = dataset.councils()
    if councils and councils != [la]:
        raise LoadError(
            f"The dataset holds councils {', '.join(councils)}; this system is council {la}"
        )
    with transaction.atomic():
        return _Loader(dataset, by, namer or _unnamed).run()


class _Loader:
    def __init__(self, dataset: Dataset, by: User, namer: Namer) -> None:
        self.data = {name: table.to_pylist() for name, table in dataset.tables.items()}
        self.by, self.namer = by, namer
        self.report = LoadReport()
        self.live = live_ids()

    def run(self) -> LoadReport:
        for step in (
            self._children,
            self._referrals,
            self._discussions,
            self._assessments,
            self._cin_plans,
            self._enquiries,
            self._plans,
            self._reviews,
            self._contacts,
        ):
            step()
        return self.report

    def _new(self, table: str, key: str) -> list[dict]:
        """Rows whose id the live records do not hold yet; the rest count as matched."""
        known = self.live[table]
        rows = self.data[table]
        new = [row for row in rows if row[key] not in known]
        self.report.count(table, len(new), len(rows) - len(new))
        return new

    def _create(
        self, table: str, key: str, objects: list, rows: list[dict], history: bool = True
    ) -> None:
        model = type(objects[0]) if objects else None
        if model is None:
            return
        if history:
            bulk_create_with_history(objects, model, batch_size=1000)
        else:
            model.objects.bulk_create(objects, batch_size=1000)
        # bulk_create gives primary keys back on SQLite and PostgreSQL.
        for obj, row in zip(objects, rows, strict=True):
            self.live[table][row[key]] = obj.pk

    def _children(self) -> None:
        rows = self._new("children", "child_id")
        objects = []
        for row in rows:
            first, last = self.namer(row)
            objects.append(
                Child(
                    la_child_id=row["child_id"],
                    first_name=first,
                    last_name=last,
                    first_name_key=phonetic_key(first),
                    last_name_key=phonetic_key(last),
                    upn=row["upn"] or "",
                    former_upn=row["former_upn"] or "",
                    upn_unknown=row["upn_unknown"] or "",
                    date_of_birth=row["date_of_birth"],
                    expected_date_of_birth=row["expected_date_of_birth"],
                    gender=row["gender"],
                    ethnicity=row["ethnicity"],
                    date_of_death=row["date_of_death"],
                    disabilities=row["disabilities"],
                    unaccompanied_asylum_seeking=row["uasc"],
                )
            )
        self._create("children", "child_id", objects, rows)

    def _agencies(self, kinds: set[str]) -> dict[str, Agency]:
        return {kind: _agency_for(kind) for kind in kinds}

    def _child(self, row: dict) -> int:
        return self.live["children"][row["child_id"]]

    def _referral(self, row: dict) -> int:
        return self.live["referrals"][row["referral_id"]]

    def _referrals(self) -> None:
        rows = self._new("referrals", "referral_id")
        for row in rows:
            if row["closure_date"] and not row["closure_reason"]:
                raise LoadError(
                    f"Referral {row['referral_id']} is closed without a reason for closure"
                )
        objects = [
            Referral(
                child_id=self._child(row),
                referral_date=row["referral_date"],
                source=row["source"] or "",
                primary_need=row["primary_need"] or "",
                no_further_action=row["nfa"],
                closed_on=row["closure_date"],
                reason_for_closure=row["closure_reason"] or "",
            )
            for row in rows
        ]
        self._create("referrals", "referral_id", objects, rows)

    def _discussions(self) -> None:
        rows = self._new("strategy_discussions", "discussion_id")
        objects = [
            StrategyDiscussion(
                referral_id=self._referral(row),
                held_on=row["held_date"],
                attendees=[],
                what_was_known=NOT_RECORDED,
                decision=row["decision"],
                rationale=NOT_RECORDED,
                recorded_by=self.by,
            )
            for row in rows
        ]
        self._create("strategy_discussions", "discussion_id", objects, rows)

    def _assessments(self) -> None:
        rows = self._new("assessments", "assessment_id")
        referral_dates = {r["referral_id"]: r["referral_date"] for r in self.data["referrals"]}
        referral_dates |= self.live["referral_dates"]
        objects = [
            Assessment(
                referral_id=self._referral(row),
                started_on=row["start_date"],
                due_on=timescales.assessment_due(referral_dates[row["referral_id"]]),
                factors=row["factors"],
                completed_on=row["authorisation_date"],
                authorised_on=row["authorisation_date"],
            )
            for row in rows
        ]
        self._create("assessments", "assessment_id", objects, rows)

    def _cin_plans(self) -> None:
        rows = self._new("cin_plans", "cin_plan_id")
        objects = [
            ChildInNeedPlan(
                referral_id=self._referral(row),
                started_on=row["start_date"],
                ended_on=row["end_date"],
            )
            for row in rows
        ]
        self._create("cin_plans", "cin_plan_id", objects, rows)

    def _enquiries(self) -> None:
        rows = self._new("section47", "s47_id")
        # referral id -> [(held, discussion pk)]: the discussion each enquiry followed
        discussions: dict[str, list] = {}
        for d in self.data["strategy_discussions"]:
            discussions.setdefault(d["referral_id"], []).append(
                (d["held_date"], self.live["strategy_discussions"][d["discussion_id"]])
            )
        objects = []
        for row in rows:
            before = sorted(
                p for p in discussions.get(row["referral_id"], []) if p[0] <= row["start_date"]
            )
            outcome = (
                EnquiryOutcome.CONFERENCE
                if row["icpc_date"]
                else EnquiryOutcome.NO_CONFERENCE
                if row["icpc_not_required"]
                else ""
            )
            objects.append(
                Section47Enquiry(
                    referral_id=self._referral(row),
                    strategy_discussion_id=before[-1][1] if before else None,
                    started_on=row["start_date"],
                    conference_due_on=row["icpc_target_date"] or row["start_date"],
                    outcome=outcome,
                )
            )
        self._create("section47", "s47_id", objects, rows)
        plan_starts = {(p["referral_id"], p["start_date"]): p for p in self.data["cp_plans"]}
        conferences, held = [], []
        for row in rows:
            if not row["icpc_date"]:
                continue
            plan = plan_starts.get((row["referral_id"], row["icpc_date"]))
            conferences.append(
                InitialConference(
                    enquiry_id=self.live["section47"][row["s47_id"]],
                    held_on=row["icpc_date"],
                    chair=self.by,
                    attendees=[],
                    outcome=ConferenceOutcome.PLAN if plan else ConferenceOutcome.NO_PLAN,
                    category=plan["initial_category"] if plan else "",
                )
            )
            held.append(row)
        self._conferences = {
            (row["referral_id"], row["icpc_date"]): c
            for row, c in zip(held, conferences, strict=True)
        }
        if conferences:
            bulk_create_with_history(conferences, InitialConference, batch_size=1000)

    def _plans(self) -> None:
        rows = self._new("cp_plans", "cp_plan_id")
        conferences = getattr(self, "_conferences", {})
        objects = []
        for row in rows:
            conference = conferences.get((row["referral_id"], row["start_date"]))
            objects.append(
                ProtectionPlan(
                    child_id=self._child(row),
                    referral_id=self._referral(row),
                    conference_id=conference.pk if conference else None,
                    started_on=row["start_date"],
                    initial_category=row["initial_category"],
                    latest_category=row["latest_category"],
                    previous_plans=row["previous_plans"] or 0,
                    ended_on=row["end_date"],
                    end_reason=PlanEndReason.OTHER if row["end_date"] else "",
                )
            )
        self._create("cp_plans", "cp_plan_id", objects, rows)

    def _reviews(self) -> None:
        known = self.live["cp_reviews"]
        rows = [
            r for r in self.data["cp_reviews"] if (r["cp_plan_id"], r["review_date"]) not in known
        ]
        self.report.count("cp_reviews", len(rows), len(self.data["cp_reviews"]) - len(rows))
        plans = {p["cp_plan_id"]: p for p in self.data["cp_plans"]}
        objects = []
        for row in rows:
            plan = plans.get(row["cp_plan_id"], {})
            ended = plan.get("end_date") == row["review_date"]
            objects.append(
                ReviewConference(
                    plan_id=self.live["cp_plans"][row["cp_plan_id"]],
                    held_on=row["review_date"],
                    chair=self.by,
                    decision=ReviewDecision.END if ended else ReviewDecision.CONTINUE,
                    category=plan.get("latest_category", ""),
                    notes=NOT_RECORDED,
                )
            )
        if objects:
            bulk_create_with_history(objects, ReviewConference, batch_size=1000)

    def _contacts(self) -> None:
        rows = self._new("contacts", "contact_id")
        children = {c.pk: c for c in Child.objects.filter(pk__in={self._child(r) for r in rows})}
        documents = list(
            ThresholdDocument.objects.prefetch_related("levels").order_by("in_force_from")
        )
        agencies = self._agencies({r["referrer_agency_kind"] for r in rows} - {None})
        objects, decided = [], []
        for row in rows:
            child = children[self._child(row)]
            objects.append(
                Contact(
                    reference=row["contact_id"],
                    received_at=row["received_at"],
                    recorded_by=self.by,
                    referrer_name="Not recorded",
                    referrer_agency=agencies.get(row["referrer_agency_kind"]),
                    source=row["source"],
                    child=child,
                    child_first_name=child.first_name,
                    child_last_name=child.last_name,
                    child_date_of_birth=child.date_of_birth,
                    concerns=[],
                    what_happened=NOT_RECORDED,
                    early_help_offered=EarlyHelpOffered.NO,
                    lawful_basis=LawfulBasis.OTHER,
                    lawful_basis_details=NOT_RECORDED,
                    rag=row["rag"],
                    rag_deadline=row["rag_deadline"],
                    decision_due=row["received_at"].astimezone(UTC).date(),
                    status=ContactStatus.DECIDED if row["outcome"] else ContactStatus.OPEN,
                )
            )
            if row["outcome"]:
                decided.append(row)
        self._create("contacts", "contact_id", objects, rows)
        decisions = []
        for row in decided:
            level = _level(documents, row["decided_at"].date(), row["threshold_level"])
            if level is None:
                raise LoadError(
                    f"Contact {row['contact_id']}: no threshold document with level "
                    f"{row['threshold_level']} was in force on {row['decided_at']:%-d %B %Y}"
                )
            decisions.append(
                ThresholdDecision(
                    contact_id=self.live["contacts"][row["contact_id"]],
                    level=level,
                    outcome=row["outcome"],
                    reasoning=NOT_RECORDED,
                    feedback_for_referrer=NOT_RECORDED,
                    decided_by=self.by,
                    decided_at=row["decided_at"],
                )
            )
        if decisions:
            bulk_create_with_history(decisions, ThresholdDecision, batch_size=1000)
        links = [
            (self.live["referrals"][r["referral_id"]], self.live["contacts"][r["contact_id"]])
            for r in rows
            if r["referral_id"]
        ]
        for referral_pk, contact_pk in links:
            Referral.objects.filter(pk=referral_pk).update(contact_id=contact_pk)


def _agency_for(kind: str) -> Agency:
    """An agency of this kind: the partnership's own if it has one, else one named for the kind."""
    found = Agency.objects.filter(kind=kind).order_by("pk").first()
    if found is not None:
        return found
    label = AgencyKind(kind).label if kind in AgencyKind.values else kind
    return Agency.objects.create(name=f"{label} (brought in from the journey dataset)", kind=kind)


def _level(documents: list[ThresholdDocument], day: date, number: int | None):
    in_force = [d for d in documents if d.in_force_from <= day]
    if not in_force or number is None:
        return None
    return next((lvl for lvl in in_force[-1].levels.all() if lvl.number == number), None)
