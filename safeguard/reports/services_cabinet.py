"""The cabinet item that receives the annual report, and the minutes of its discussion: each
question raised and the response given, numbered in the order they came."""

from datetime import date

from django.db import transaction
from django.db.models import F, Max

from safeguard.access.models import User
from safeguard.reports.models import AnnualReport, CabinetItem, CabinetQuestion, ReportBuild
from safeguard.reports.rules import Problem, refuse_if


def _build_problems(report: AnnualReport, build: ReportBuild | None) -> list[Problem]:
    if build is not None and build.report_id != report.pk:
        return [Problem("supporting_build", "Select a build of this year's report")]
    return []


@transaction.atomic
def record_item(
    report: AnnualReport,
    *,
    meeting: str,
    meeting_on: date,
    title: str,
    purpose: str,
    presented_by: str,
    resolution: str,
    supporting_build: ReportBuild | None,
    by: User,
) -> CabinetItem:
    problems = _build_problems(report, supporting_build)
    if CabinetItem.objects.filter(report=report).exists():
        problems.append(Problem(None, "This year's report already has its cabinet item"))
    refuse_if(problems)
    return CabinetItem.objects.create(
        report=report,
        meeting=meeting,
        meeting_on=meeting_on,
        title=title,
        purpose=purpose,
        presented_by=presented_by,
        resolution=resolution,
        supporting_build=supporting_build,
        recorded_by=by,
    )


@transaction.atomic
def update_item(
    item: CabinetItem,
    *,
    version: int,
    meeting: str,
    meeting_on: date,
    title: str,
    purpose: str,
    presented_by: str,
    resolution: str,
    supporting_build: ReportBuild | None,
) -> CabinetItem:
    item.ensure_version(version)
    refuse_if(_build_problems(item.report, supporting_build))
    item.meeting, item.meeting_on, item.title = meeting, meeting_on, title
    item.purpose, item.presented_by, item.resolution = purpose, presented_by, resolution
    item.supporting_build = supporting_build
    item.save_from(version)
    return item


@transaction.atomic
def add_question(
    item: CabinetItem, *, asked_by: str, question: str, answered_by: str, response: str
) -> CabinetQuestion:
    # Lock the item so two questions recorded at once cannot take the same number.
    CabinetItem.objects.select_for_update().filter(pk=item.pk).first()
    number = (item.questions.aggregate(n=Max("number"))["n"] or 0) + 1
    return CabinetQuestion.objects.create(
        item=item,
        number=number,
        asked_by=asked_by,
        question=question,
        answered_by=answered_by,
        response=response,
    )


@transaction.atomic
def update_question(
    entry: CabinetQuestion,
    *,
    version: int,
    asked_by: str,
    question: str,
    answered_by: str,
    response: str,
) -> CabinetQuestion:
    entry.ensure_version(version)
    entry.asked_by, entry.question = asked_by, question
    entry.answered_by, entry.response = answered_by, response
    entry.save_from(version)
    return entry


@transaction.atomic
def remove_question(entry: CabinetQuestion, *, version: int) -> None:
    """Take a question out of the minutes; the ones after it move up a number."""
    entry.ensure_version(version)
    CabinetItem.objects.select_for_update().filter(pk=entry.item_id).first()
    later = CabinetQuestion.objects.filter(item_id=entry.item_id, number__gt=entry.number)
    entry.delete()
    # One at a time, lowest first, so the unique (item, number) is never broken on the way.
    for moved in later.order_by("number"):
        CabinetQuestion.objects.filter(pk=moved.pk).update(number=F("number") - 1)
