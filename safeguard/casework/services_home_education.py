"""The register of children educated at home: adding a child, the authority's contacts and visits
(with any concerns), coming off the register, and the flag raised when a child on the register is
on a protection plan or under a section 47 enquiry.

The flag goes to two people: the allocated worker (a task in their work tray, until they record
that they have talked with the education lead) and the education lead (the register lists flagged
children first).
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import User
from safeguard.casework import capabilities as cap
from safeguard.casework import timescales_around
from safeguard.casework.codes_around import ContactKind, HomeEducationEnd, HomeEducationReason
from safeguard.casework.models import (
    HomeEducationContact,
    HomeEducationEntry,
    ProtectionPlan,
    Section47Enquiry,
)
from safeguard.casework.rules import Problem, not_before, not_in_future, refuse_if
from safeguard.people.models import Child

# Compulsory school age, near enough for a register: from the term after the fifth birthday
# (a four-year-old may already be in reception) to the summer of the sixteenth.
YOUNGEST, OLDEST = 4, 16


def _today() -> date:
    return timezone.localdate()


def possible_leads() -> list[User]:
    users = User.objects.filter(is_active=True).select_related("role")
    return [user for user in users if user.can(cap.HOME_EDUCATION)]


@transaction.atomic
def add_to_register(
    child: Child,
    *,
    started_on: date,
    reason: str,
    reason_details: str = "",
    previous_school: str = "",
    education_lead: User,
    by: User,
) -> HomeEducationEntry:
    child = Child.objects.select_for_update().get(pk=child.pk)
    problems = not_in_future(started_on, _today(), "started_on", "date home education began")
    if reason not in HomeEducationReason.values:
        problems.append(Problem("reason", "Select the reason the parents gave"))
    if reason == HomeEducationReason.OTHER and not reason_details.strip():
        problems.append(Problem("reason_details", "Enter the reason the parents gave"))
    if not education_lead.can(cap.HOME_EDUCATION):
        problems.append(Problem("education_lead", f"{education_lead} does not keep the register"))
    age = child.age_on(started_on)
    if age is None or not YOUNGEST <= age <= OLDEST:
        problems.append(
            Problem("started_on", f"{child.full_name} was not of school age on that date")
        )
    if HomeEducationEntry.objects.filter(child=child, ended_on__isnull=True).exists():
        problems.append(Problem(None, f"{child.full_name} is already on the register"))
    refuse_if(problems)
    return HomeEducationEntry.objects.create(
        child=child,
        started_on=started_on,
        reason=reason,
        reason_details=reason_details,
        previous_school=previous_school,
        education_lead=education_lead,
        added_by=by,
    )


def record_contact(
    entry: HomeEducationEntry,
    *,
    contacted_on: date,
    kind: str,
    child_seen: bool,
    notes: str = "",
    concerns: str = "",
    by: User,
) -> HomeEducationContact:
    problems = not_in_future(contacted_on, _today(), "contacted_on", "contact")
    problems += not_before(
        contacted_on, entry.started_on, "contacted_on", "contact", "start of home education"
    )
    if entry.ended_on and contacted_on > entry.ended_on:
        problems.append(Problem("contacted_on", "The child had left the register by then"))
    if kind not in ContactKind.values:
        problems.append(Problem("kind", "Select the kind of contact"))
    refuse_if(problems)
    return HomeEducationContact.objects.create(
        entry=entry,
        contacted_on=contacted_on,
        kind=kind,
        child_seen=child_seen,
        notes=notes,
        concerns=concerns,
        recorded_by=by,
    )


@transaction.atomic
def end_registration(
    entry: HomeEducationEntry, *, version: int, ended_on: date, reason: str
) -> HomeEducationEntry:
    entry.ensure_version(version)
    problems = [] if entry.is_open else [Problem(None, "The child has already left the register")]
    last = max([entry.started_on, *entry.contacts.values_list("contacted_on", flat=True)])
    problems += not_in_future(ended_on, _today(), "ended_on", "date")
    problems += not_before(ended_on, last, "ended_on", "date", "last contact")
    if reason not in HomeEducationEnd.values:
        problems.append(Problem("reason", "Select why the child left the register"))
    refuse_if(problems)
    entry.ended_on, entry.end_reason = ended_on, reason
    entry.save_from(version)
    return entry


@dataclass(frozen=True)
class Flag:
    reason: str
    since: date
    liaison_recorded: bool


def flag_for(entry: HomeEducationEntry) -> Flag | None:
    """Why a child on the register needs the allocated worker and the education lead to talk."""
    if not entry.is_open:
        return None
    plan = ProtectionPlan.objects.filter(child_id=entry.child_id, ended_on__isnull=True).first()
    enquiry = (
        Section47Enquiry.objects.filter(
            referral__child_id=entry.child_id, completed_on__isnull=True
        )
        .order_by("-started_on")
        .first()
    )
    if plan is not None:
        reason, since = "On a child protection plan", max(plan.started_on, entry.started_on)
    elif enquiry is not None:
        reason, since = "Under a section 47 enquiry", max(enquiry.started_on, entry.started_on)
    else:
        return None
    talked = entry.contacts.filter(kind=ContactKind.SOCIAL_CARE, contacted_on__gte=since).exists()
    return Flag(reason, since, talked)


def next_contact_due(entry: HomeEducationEntry) -> date:
    contacts = [c.contacted_on for c in entry.contacts.all()]
    return timescales_around.home_education_contact_due(entry.started_on, contacts)
