"""Multi-agency case file audits: tools, audits with their drawn sample, each agency's answers,
and findings that feed actions as a review's do."""

from collections import Counter

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.core.refusals import attempt
from safeguard.reviews import capabilities as cap
from safeguard.reviews import services_audits as services
from safeguard.reviews.access import show_children
from safeguard.reviews.codes import AuditGrade
from safeguard.reviews.forms_actions import FindingForm
from safeguard.reviews.forms_audits import AnswersForm, AuditForm, AuditToolForm
from safeguard.reviews.models import AuditAnswer, AuditCase, AuditTool, CaseFileAudit
from safeguard.reviews.services_audits import Answer
from safeguard.reviews.views_common import PAGE_SIZE, posted, record_finding_page
from safeguard.reviews.views_reviews import findings_with_actions


def _audit(audit_id: int) -> CaseFileAudit:
    return get_object_or_404(CaseFileAudit.objects.select_related("tool"), pk=audit_id)


@capability_required(cap.VIEW)
def audits(request: HttpRequest) -> HttpResponse:
    found = CaseFileAudit.objects.select_related("tool").prefetch_related("agencies")
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reviews/audits.html",
        {"page": page, "tools": AuditTool.objects.all(), "can_run": request.user.can(cap.RUN)},
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_audit_tool(request: HttpRequest) -> HttpResponse:
    form = AuditToolForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        tool = attempt(
            form,
            lambda: services.create_tool(
                name=data["name"],
                description=data["description"],
                questions=data["questions"].splitlines(),
            ),
        )
        if tool is not None:
            messages.success(request, f"Audit tool ‘{tool.name}’ saved.")
            return redirect("reviews:audits")
    return render(request, "reviews/audit_tool_new.html", {"form": form})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_audit(request: HttpRequest) -> HttpResponse:
    form = AuditForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        audit = attempt(
            form,
            lambda: services.start_audit(
                title=data["title"],
                tool=data["tool"],
                agencies=data["agencies"],
                known_from=data["known_from"],
                known_to=data["known_to"],
                sample_size=data["sample_size"],
                by=request.user,
            ),
        )
        if audit is not None:
            messages.success(request, f"Audit started: {audit.sample_size} children drawn.")
            return redirect("reviews:audit", audit_id=audit.pk)
    return render(request, "reviews/audit_new.html", {"form": form})


def grade_summary(audit: CaseFileAudit) -> list[tuple[object, list[int]]]:
    """For each question, how many answers gave each grade (best to worst)."""
    counts = Counter(
        AuditAnswer.objects.filter(case__audit=audit).values_list("question_id", "grade")
    )
    return [
        (q, [counts[(q.pk, grade)] for grade in AuditGrade.values])
        for q in audit.tool.questions.all()
    ]


@capability_required(cap.VIEW)
def audit_detail(request: HttpRequest, audit_id: int) -> HttpResponse:
    audit = _audit(audit_id)
    cases = list(audit.cases.all())
    shown = show_children(
        request, [c.child_id for c in cases], purpose=f"Multi-agency audit {audit}"
    )
    agencies = list(audit.agencies.all())
    answered = set(
        AuditAnswer.objects.filter(case__audit=audit).values_list("case_id", "agency_id")
    )
    rows = [
        (case, who, [(a, (case.pk, a.pk) in answered) for a in agencies])
        for case, who in zip(cases, shown, strict=True)
    ]
    return render(
        request,
        "reviews/audit.html",
        {
            "audit": audit,
            "agencies": agencies,
            "rows": rows,
            "grades": AuditGrade.labels,
            "summary": grade_summary(audit),
            "findings": findings_with_actions(audit.findings.all()),
            "can_run": request.user.can(cap.RUN),
            "today": timezone.localdate(),
        },
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def audit_answers(request: HttpRequest, audit_id: int, case_id: int) -> HttpResponse:
    audit = _audit(audit_id)
    case = get_object_or_404(AuditCase, pk=case_id, audit=audit)
    questions = list(audit.tool.questions.all())
    form = AnswersForm(posted(request), audit=audit, questions=questions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answers = [Answer(q, data[f"grade_{q.pk}"], data[f"comment_{q.pk}"]) for q in questions]
        if attempt(
            form,
            lambda: services.record_answers(
                case, agency=data["agency"], answers=answers, by=request.user
            ),
        ):
            messages.success(request, f"{data['agency']}'s answers on case {case.number} saved.")
            return redirect("reviews:audit", audit_id=audit.pk)
    return render(
        request, "reviews/audit_answers.html", {"audit": audit, "case": case, "form": form}
    )


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_audit_finding(request: HttpRequest, audit_id: int) -> HttpResponse:
    audit = _audit(audit_id)
    form = FindingForm(posted(request))
    return record_finding_page(request, form, audit, audit=audit)
