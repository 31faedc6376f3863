"""What the records around the pathway put in the work tray of the worker who holds the child:
looked-after reviews and visits, returns and return home interviews, screening reviews and the
home education flag. (A neglect plan's missing assessment or reasoning shows on the plan's own
page instead.) Early help episodes have their own tray, by lead practitioner (`early_help_tasks`).
"""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from safeguard.casework import services_home_education, services_looked_after, timescales_around
from safeguard.casework.models import (
    CareEpisode,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    MissingEpisode,
)
from safeguard.casework.services_missing import interview_due
from safeguard.casework.tray import Task, register_tasks


def _name(child) -> str:
    return f"{child.first_name} {child.last_name}"


def _looked_after(children: QuerySet) -> Iterable[Task]:
    for episode in CareEpisode.objects.filter(
        child_id__in=children, ended_on__isnull=True
    ).select_related("child"):
        child = episode.child
        due = services_looked_after.timescales_for(episode)
        url = reverse("casework:looked-after", args=[child.pk])
        yield Task(child.pk, _name(child), "Looked-after review due", due.review_due, url)
        yield Task(child.pk, _name(child), "Looked-after visit due", due.visit_due, url)


def _missing(children: QuerySet) -> Iterable[Task]:
    episodes = MissingEpisode.objects.filter(
        child_id__in=children, return_interview__isnull=True
    ).select_related("child")
    for episode in episodes:
        child, url = episode.child, reverse("casework:missing-episode", args=[episode.pk])
        if episode.is_open:
            yield Task(
                child.pk, _name(child), "Missing: record the return", episode.started_on, url
            )
        else:
            due = timezone.localdate(interview_due(episode))
            yield Task(child.pk, _name(child), "Return home interview due", due, url)


def _screening_reviews(children: QuerySet) -> Iterable[Task]:
    latest: dict[int, ExploitationScreening] = {}
    for screening in ExploitationScreening.objects.filter(child_id__in=children).select_related(
        "child"
    ):
        latest.setdefault(screening.child_id, screening)  # newest first, by the model's order
    for screening in latest.values():
        child = screening.child
        url = reverse("casework:screenings", args=[child.pk])
        yield Task(
            child.pk, _name(child), "Exploitation screening review due", screening.review_on, url
        )


def _home_education(children: QuerySet) -> Iterable[Task]:
    entries = HomeEducationEntry.objects.filter(
        child_id__in=children, ended_on__isnull=True
    ).select_related("child")
    for entry in entries:
        flag = services_home_education.flag_for(entry)
        if flag is None or flag.liaison_recorded:
            continue
        child = entry.child
        yield Task(
            child.pk,
            _name(child),
            f"Educated at home and {flag.reason[0].lower()}{flag.reason[1:]}: "
            "talk with the education lead",
            flag.since,
            reverse("casework:home-education-entry", args=[entry.pk]),
        )


def early_help_tasks(episodes: Iterable[EarlyHelpEpisode]) -> list[Task]:
    """The assessment, the plan or the next review of each open episode, soonest first."""
    tasks = []
    for episode in episodes:
        child, url = episode.child, reverse("casework:early-help", args=[episode.pk])
        if episode.assessment_completed_on is None:
            due = timescales_around.early_help_assessment_due(episode.started_on)
            tasks.append(Task(child.pk, _name(child), "Early help assessment due", due, url))
        elif episode.plan_agreed_on is None:
            due = episode.assessment_completed_on
            tasks.append(Task(child.pk, _name(child), "Agree the early help plan", due, url))
        else:
            held = list(episode.reviews.values_list("held_on", flat=True))
            due = timescales_around.early_help_review_due(episode.plan_agreed_on, held)
            tasks.append(Task(child.pk, _name(child), "Early help review due", due, url))
    return sorted(tasks, key=lambda t: (t.due_on, t.child_name, t.kind))


for _provider in (_looked_after, _missing, _screening_reviews, _home_education):
    register_tasks(_provider)
