"""Multi-agency case file audits: the tool, the sample the system draws, each agency's answers."""

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Agency, RestrictedRecord, User
from safeguard.people.models import Child
from safeguard.reviews.codes import AuditGrade
from safeguard.reviews.models import (
    AuditAnswer,
    AuditCase,
    AuditQuestion,
    AuditTool,
    CaseFileAudit,
)
from safeguard.reviews.rules import Problem, not_before, refuse_if

MAX_SAMPLE = 30


@transaction.atomic
def create_tool(*, name: str, description: str, questions: Iterable[str]) -> AuditTool:
    questions = [q.strip() for q in questions if q.strip()]
    problems = []
    if not questions:
        problems.append(Problem("questions", "Enter the audit's questions, one on each line"))
    if AuditTool.objects.filter(name__iexact=name.strip()).exists():
        problems.append(Problem("name", "An audit tool already has this name"))
    refuse_if(problems)
    tool = AuditTool.objects.create(name=name.strip(), description=description)
    AuditQuestion.objects.bulk_create(
        AuditQuestion(tool=tool, number=n, text=text) for n, text in enumerate(questions, start=1)
    )
    return tool


def sampling_frame(known_from: date, known_to: date) -> list[int]:
    """Children known to social care (a referral) in the period, restricted records left out:
    a staff member's child is not handed to auditors from several agencies."""
    return list(
        Child.objects.current()
        .filter(referrals__referral_date__range=(known_from, known_to))
        .exclude(pk__in=RestrictedRecord.objects.values("child_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


@transaction.atomic
def start_audit(
    *,
    title: str,
    tool: AuditTool,
    agencies: Iterable[Agency],
    known_from: date,
    known_to: date,
    sample_size: int,
    by: User,
    rng: random.Random | None = None,
) -> CaseFileAudit:
    """Create the audit and draw its sample at random, once: the sample is stored, not redrawn."""
    agencies = list(agencies)
    problems = not_before(known_to, known_from, "known_to", "end of the period", "start")
    if not 1 <= sample_size <= MAX_SAMPLE:
        problems.append(
            Problem("sample_size", f"The sample must be between 1 and {MAX_SAMPLE} children")
        )
    if not agencies:
        problems.append(Problem("agencies", "Select the agencies taking part"))
    refuse_if(problems)
    frame = sampling_frame(known_from, known_to)
    if len(frame) < sample_size:
        refuse_if(
            [
                Problem(
                    "sample_size",
                    f"Only {len(frame)} {'child was' if len(frame) == 1 else 'children were'} "
                    "referred to social care in that period: choose a smaller sample or a longer "
                    "period",
                )
            ]
        )
    drawn = (rng or random.SystemRandom()).sample(frame, sample_size)
    audit = CaseFileAudit.objects.create(
        title=title,
        tool=tool,
        known_from=known_from,
        known_to=known_to,
        sample_size=sample_size,
        drawn_on=timezone.localdate(),
        created_by=by,
    )
    audit.agencies.set(agencies)
    AuditCase.objects.bulk_create(
        AuditCase(audit=audit, number=n, child_id=child_id)
        for n, child_id in enumerate(drawn, start=1)
    )
    return audit


@dataclass(frozen=True)
class Answer:
    question: AuditQuestion
    grade: str
    comment: str = ""


@transaction.atomic
def record_answers(
    case: AuditCase, *, agency: Agency, answers: list[Answer], by: User
) -> list[AuditAnswer]:
    """One agency's grades on one case; answering again replaces that agency's answers."""
    problems = []
    if not case.audit.agencies.filter(pk=agency.pk).exists():
        problems.append(Problem("agency", "Select an agency taking part in this audit"))
    asked = set(case.audit.tool.questions.values_list("pk", flat=True))
    if {a.question.pk for a in answers} != asked:
        problems.append(Problem(None, "Grade every question"))
    if any(a.grade not in AuditGrade.values for a in answers):
        problems.append(Problem(None, "Choose each grade from the list"))
    refuse_if(problems)
    AuditAnswer.objects.filter(case=case, agency=agency).delete()
    return AuditAnswer.objects.bulk_create(
        AuditAnswer(
            case=case,
            agency=agency,
            question=a.question,
            grade=a.grade,
            comment=a.comment,
            answered_by=by,
        )
        for a in answers
    )
