"""The child protection pathway: allocation, assessment, strategy discussion, section 47 enquiry,
initial and review conferences, protection plans, children in need plans, visits, chronology.

Every record hangs off a referral (the CIN census episode, `frontdoor.Referral`) and carries the
fields the CIN census needs. The rules that keep dates in order live in `rules.py`; the
timescales in `timescales.py`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeguard.casework.codes import (
    AssessmentOutcome,
    CategoryOfAbuse,
    ConferenceOutcome,
    EnquiryOutcome,
    IcpcAnchor,
    PlanEndReason,
    ReviewDecision,
    StrategyDecision,
)
from safeguard.core.models import Versioned

USER = settings.AUTH_USER_MODEL


class CaseworkSettings(models.Model):
    """The partnership's casework settings: one row, defaults from RULES.md."""

    icpc_anchor = models.CharField(
        "Initial conference timescale counts from",
        max_length=10,
        choices=IcpcAnchor.choices,
        default=IcpcAnchor.LAST_STRATEGY_DISCUSSION,
    )
    visit_working_days = models.PositiveSmallIntegerField(
        default=10, help_text="Working days between visits to a child on a protection plan"
    )
    cin_review_months = models.PositiveSmallIntegerField(
        default=3, help_text="Months between reviews of a child in need plan"
    )
    due_soon_working_days = models.PositiveSmallIntegerField(
        default=3, help_text="The work tray marks tasks due within this many working days"
    )

    class Meta:
        verbose_name_plural = "casework settings"

    def __str__(self) -> str:
        return "Casework settings"

    @classmethod
    def current(cls) -> "CaseworkSettings":
        return cls.objects.get_or_create(pk=1)[0]


class Allocation(models.Model):
    """Who holds a child's case. A new allocation ends the last one, so the history stays."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="allocations")
    team = models.ForeignKey("access.Team", on_delete=models.PROTECT, related_name="allocations")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    allocated_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_on__isnull=True), name="one_current_allocation"
            )
        ]

    def __str__(self) -> str:
        return f"Child {self.child_id} allocated to {self.worker} from {self.started_on}"


class Assessment(Versioned):
    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="assessments"
    )
    worker = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", null=True)
    started_on = models.DateField("Start date")
    due_on = models.DateField()
    factors = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=20, choices=AssessmentOutcome.choices, blank=True)
    completed_on = models.DateField("Date the assessment was completed", null=True, blank=True)
    authorised_on = models.DateField("Date the manager authorised it", null=True, blank=True)
    authorised_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    late_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(authorised_on__isnull=True)
                | Q(authorised_on__gte=models.F("started_on")),
                name="assessment_authorised_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"Assessment started {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.authorised_on is None


class StrategyDiscussion(Versioned):
    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    held_on = models.DateField()
    attendees = models.JSONField(default=list)
    what_was_known = models.TextField()
    decision = models.CharField(max_length=20, choices=StrategyDecision.choices)
    rationale = models.TextField()
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Strategy discussion {self.held_on}"

    @property
    def starts_enquiry(self) -> bool:
        return self.decision != StrategyDecision.NO_S47


class Section47Enquiry(Versioned):
    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="enquiries"
    )
    # Empty only for enquiries brought in from a statutory return, which does not record the
    # strategy discussion.
    strategy_discussion = models.ForeignKey(
        StrategyDiscussion,
        on_delete=models.PROTECT,
        related_name="enquiries",
        null=True,
        blank=True,
    )
    started_on = models.DateField()
    conference_due_on = models.DateField("Initial conference due")
    outcome = models.CharField(max_length=20, choices=EnquiryOutcome.choices, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"

    def __str__(self) -> str:
        return f"Section 47 enquiry started {self.started_on}"

    @property
    def conference_not_required(self) -> bool:
        """ICPCnotRequired in the CIN census."""
        return self.outcome in (EnquiryOutcome.NO_CONFERENCE, EnquiryOutcome.NOT_SUBSTANTIATED)


class InitialConference(Versioned):
    enquiry = models.OneToOneField(
        Section47Enquiry, on_delete=models.PROTECT, related_name="conference"
    )
    held_on = models.DateField()
    chair = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    attendees = models.JSONField(default=list)
    outcome = models.CharField(max_length=10, choices=ConferenceOutcome.choices)
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    dissent = models.TextField(blank=True)
    late_reason = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "initial child protection conference"

    def __str__(self) -> str:
        return f"Initial conference {self.held_on}"

    @property
    def quorate(self) -> bool:
        from safeguard.casework.codes import Attendee

        return Attendee.statutory() <= set(self.attendees)


class ProtectionPlanQuerySet(models.QuerySet["ProtectionPlan"]):
    def open_on(self, day) -> "ProtectionPlanQuerySet":
        return self.filter(started_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day)
        )


class ProtectionPlan(Versioned):
    child = models.ForeignKey(
        "people.Child", on_delete=models.PROTECT, related_name="protection_plans"
    )
    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="protection_plans"
    )
    conference = models.OneToOneField(
        InitialConference, on_delete=models.PROTECT, related_name="plan", null=True, blank=True
    )
    started_on = models.DateField()
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    objectives = models.TextField(blank=True)
    previous_plans = models.PositiveSmallIntegerField(
        default=0, help_text="NumberOfPreviousCPP: plans the child had before this one"
    )
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=PlanEndReason.choices, blank=True)

    history = HistoricalRecords()
    objects = ProtectionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=Q(ended_on__isnull=True), name="one_open_plan_per_child"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="plan_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | ~Q(end_reason=""),
                name="ended_plan_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Protection plan from {self.started_on} ({self.latest_category})"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class CategoryChange(models.Model):
    plan = models.ForeignKey(
        ProtectionPlan, on_delete=models.CASCADE, related_name="category_changes"
    )
    changed_on = models.DateField()
    from_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    to_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    reason = models.TextField()
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["changed_on", "id"]

    def __str__(self) -> str:
        return f"{self.from_category} to {self.to_category} on {self.changed_on}"


class CoreGroupMeeting(models.Model):
    plan = models.ForeignKey(ProtectionPlan, on_delete=models.CASCADE, related_name="core_groups")
    held_on = models.DateField()
    attendees = models.JSONField(default=list)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on"]

    def __str__(self) -> str:
        return f"Core group {self.held_on}"


class ReviewConference(models.Model):
    plan = models.ForeignKey(ProtectionPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField()
    chair = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    decision = models.CharField(max_length=10, choices=ReviewDecision.choices)
    category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["held_on"]

    def __str__(self) -> str:
        return f"Review conference {self.held_on}"


class Visit(models.Model):
    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="visits")
    plan = models.ForeignKey(
        ProtectionPlan, on_delete=models.PROTECT, related_name="visits", null=True, blank=True
    )
    visited_on = models.DateField()
    seen = models.BooleanField(default=True)
    seen_alone = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    visited_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-visited_on"]

    def __str__(self) -> str:
        return f"Visit {self.visited_on}"


class ChildInNeedPlan(Versioned):
    referral = models.ForeignKey(
        "frontdoor.Referral", on_delete=models.PROTECT, related_name="cin_plans"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    objectives = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on"]
        verbose_name = "child in need plan"
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="cin_plan_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"Child in need plan from {self.started_on}"


class ChildInNeedReview(models.Model):
    plan = models.ForeignKey(ChildInNeedPlan, on_delete=models.CASCADE, related_name="reviews")
    held_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on"]

    def __str__(self) -> str:
        return f"Child in need plan review {self.held_on}"


class ChronologyEntry(models.Model):
    """A practitioner's own chronology entry, marked significant with their analysis."""

    child = models.ForeignKey("people.Child", on_delete=models.PROTECT, related_name="chronology")
    occurred_on = models.DateField()
    title = models.CharField(max_length=200)
    detail = models.TextField(blank=True)
    significant = models.BooleanField(default=False)
    analysis = models.TextField(blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        verbose_name_plural = "chronology entries"

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.title}"
