"""What the records around the pathway contribute to a child's chronology."""

from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone

from safeguard.casework.chronology import Entry, register_source
from safeguard.casework.codes_903 import ReasonEpisodeCeased, ReasonNewEpisode
from safeguard.casework.codes_around import InterviewOutcome
from safeguard.casework.models import (
    CareEpisode,
    CareReview,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    MissingEpisode,
    NeglectAssessment,
    NeglectReasoning,
)
from safeguard.casework.services_missing import held_on_time
from safeguard.people.models import Child

LOOKED_AFTER = "Looked after"
MISSING = "Missing"
EXPLOITATION = "Exploitation screening"
EARLY_HELP = "Early help"
HOME_EDUCATION = "Home education"
NEGLECT = "Neglect assessment"


def _looked_after(child: Child) -> Iterable[Entry]:
    url = reverse("casework:looked-after", args=[child.pk])
    for e in CareEpisode.objects.filter(child=child):
        placement = f"{e.get_legal_status_display()}; {e.get_placement_type_display()}"
        if e.reason_new == ReasonNewEpisode.STARTED:
            yield Entry(
                e.started_on, LOOKED_AFTER, "Started to be looked after", placement, url=url
            )
        else:
            yield Entry(e.started_on, LOOKED_AFTER, e.get_reason_new_display(), placement, url=url)
        if e.ended_on and e.reason_ceased != ReasonEpisodeCeased.NEW_EPISODE:
            yield Entry(
                e.ended_on,
                LOOKED_AFTER,
                "Stopped being looked after",
                e.get_reason_ceased_display(),
                url=url,
            )
    for r in CareReview.objects.filter(child=child).select_related("chair"):
        yield Entry(
            r.held_on,
            LOOKED_AFTER,
            "Looked-after review",
            r.get_participation_display(),
            recorded_by=r.chair.full_name,
            url=url,
        )


def _missing(child: Child) -> Iterable[Entry]:
    episodes = MissingEpisode.objects.filter(child=child).select_related("return_interview")
    for e in episodes:
        url = reverse("casework:missing-episode", args=[e.pk])
        reported = f"Reported by {e.reported_by}" + (
            f", police reference {e.police_reference}" if e.police_reference else ""
        )
        yield Entry(e.started_on, MISSING, e.get_kind_display(), reported, url=url)
        if e.returned_on:
            yield Entry(e.returned_on, MISSING, "Came back", e.where_found, url=url)
        interview = getattr(e, "return_interview", None)
        if interview is None:
            continue
        if interview.outcome == InterviewOutcome.HELD:
            timing = "within 72 hours" if held_on_time(interview) else "late"
            yield Entry(
                timezone.localdate(interview.held_at),
                MISSING,
                f"Return home interview held ({timing})",
                interview.what_was_learned,
                url=url,
            )
        else:
            yield Entry(
                interview.offered_on or e.returned_on,
                MISSING,
                f"Return home interview: {interview.get_outcome_display().lower()}",
                interview.reason,
                url=url,
            )


def _screenings(child: Child) -> Iterable[Entry]:
    for s in ExploitationScreening.objects.filter(child=child).select_related("screened_by"):
        url = reverse("casework:screening", args=[s.pk])
        panel = " Referred to the exploitation panel." if s.referred_to_panel else ""
        yield Entry(
            s.screened_on,
            EXPLOITATION,
            f"Exploitation screening: {s.get_practitioner_band_display().lower()}",
            f"{s.reasons}{panel}",
            recorded_by=s.screened_by.full_name,
            url=url,
        )


def _early_help(child: Child) -> Iterable[Entry]:
    episodes = EarlyHelpEpisode.objects.filter(child=child).select_related(
        "lead_practitioner", "lead_agency"
    )
    for e in episodes.prefetch_related("reviews", "steps_up__contact"):
        url = reverse("casework:early-help", args=[e.pk])
        lead = f"Led by {e.lead_practitioner}, {e.lead_agency}"
        yield Entry(
            e.started_on, EARLY_HELP, f"Early help started ({e.get_route_display()})", lead, url=url
        )
        if e.assessment_completed_on:
            yield Entry(
                e.assessment_completed_on, EARLY_HELP, "Early help assessment completed", url=url
            )
        if e.plan_agreed_on:
            yield Entry(e.plan_agreed_on, EARLY_HELP, "Early help plan agreed", e.plan, url=url)
        for r in e.reviews.all():
            yield Entry(r.held_on, EARLY_HELP, "Early help review", r.notes, url=url)
        for step in e.steps_up.all():
            yield Entry(
                step.stepped_up_on,
                EARLY_HELP,
                f"Stepped up to children's social care (contact {step.contact.reference})",
                step.reason,
                url=url,
            )
        if e.ended_on:
            yield Entry(
                e.ended_on,
                EARLY_HELP,
                f"Early help ended: {e.get_outcome_display()}",
                e.outcome_notes,
                url=url,
            )


def _home_education(child: Child) -> Iterable[Entry]:
    for entry in HomeEducationEntry.objects.filter(child=child).prefetch_related("contacts"):
        url = reverse("casework:home-education-entry", args=[entry.pk])
        yield Entry(
            entry.started_on,
            HOME_EDUCATION,
            "Educated at home",
            entry.get_reason_display(),
            url=url,
        )
        for c in entry.contacts.all():
            detail = c.notes + (f" Concerns: {c.concerns}" if c.concerns else "")
            yield Entry(
                c.contacted_on, HOME_EDUCATION, c.get_kind_display(), detail.strip(), url=url
            )
        if entry.ended_on:
            yield Entry(
                entry.ended_on,
                HOME_EDUCATION,
                "Left the home education register",
                entry.get_end_reason_display(),
                url=url,
            )


def _neglect(child: Child) -> Iterable[Entry]:
    url = reverse("casework:neglect", args=[child.pk])
    for a in NeglectAssessment.objects.filter(child=child).select_related("assessor"):
        grades = ", ".join(f"{label.lower()} {grade}" for label, grade in a.grades)
        yield Entry(
            a.assessed_on,
            NEGLECT,
            f"Neglect assessment of {a.carer_name}'s care",
            f"{grades}. {a.comments}".strip(),
            recorded_by=a.assessor.full_name,
            url=url,
        )
    for r in NeglectReasoning.objects.filter(plan__child=child).select_related("recorded_by"):
        yield Entry(
            r.recorded_on,
            NEGLECT,
            "Reasoning for the neglect category",
            r.reasoning,
            recorded_by=r.recorded_by.full_name,
            url=reverse("casework:plan", args=[r.plan_id]),
        )


register_source(_looked_after, [LOOKED_AFTER])
register_source(_missing, [MISSING])
register_source(_screenings, [EXPLOITATION])
register_source(_early_help, [EARLY_HELP])
register_source(_home_education, [HOME_EDUCATION])
register_source(_neglect, [NEGLECT])
