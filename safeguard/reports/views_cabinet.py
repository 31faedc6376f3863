"""The cabinet item that receives the report: its page, the business manager's record of it and
of the discussion, and the item as a document (HTML or tagged PDF) for the council's papers."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from safeguard.access.decorators import capability_required
from safeguard.core.refusals import attempt
from safeguard.reports import capabilities as cap
from safeguard.reports import document, pdf
from safeguard.reports import services_cabinet as services
from safeguard.reports.forms import (
    CabinetItemEditForm,
    CabinetItemForm,
    QuestionEditForm,
    QuestionForm,
    RemoveQuestionForm,
)
from safeguard.reports.models import AnnualReport, CabinetItem, CabinetQuestion
from safeguard.reports.views_builds import style_hashes
from safeguard.reports.views_common import posted, report_for

ITEM_FIELDS = [
    "meeting",
    "meeting_on",
    "title",
    "purpose",
    "presented_by",
    "resolution",
    "supporting_build",
]
QUESTION_FIELDS = ["asked_by", "question", "answered_by", "response"]


def _item(report: AnnualReport) -> CabinetItem:
    found = CabinetItem.objects.filter(report=report).select_related("supporting_build").first()
    if found is None:
        raise Http404("This year's report has no cabinet item yet")
    return found


def _suggested(report: AnnualReport) -> dict[str, str]:
    """How the reference case's council worded its item, for a first draft."""
    return {
        "meeting": "Cabinet",
        "title": f"Safeguarding children partnership annual report {report.year_label}",
        "purpose": "To receive a presentation from the chair of the safeguarding children "
        f"partnership on the annual report {report.year_label}.",
        "resolution": "The annual report was noted.",
    }


@capability_required(cap.READ)
def cabinet_item(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    item = _item(report)
    return render(
        request,
        "reports/cabinet_item.html",
        {
            "report": report,
            "item": item,
            "questions": item.questions.all(),
            "can_write": request.user.can(cap.WRITE),
        },
    )


@capability_required(cap.WRITE)
@require_http_methods(["GET", "POST"])
def edit_cabinet_item(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    item = CabinetItem.objects.filter(report=report).first()
    builds = list(report.builds.defer("html", "pdf"))
    if item is None:
        initial = _suggested(report) | {"supporting_build": builds[0] if builds else None}
        form = CabinetItemForm(posted(request), builds=builds, initial=initial)
    else:
        initial = {"version": item.version} | {f: getattr(item, f) for f in ITEM_FIELDS}
        form = CabinetItemEditForm(posted(request), builds=builds, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in ITEM_FIELDS}
        if item is None:
            saved = attempt(form, lambda: services.record_item(report, by=request.user, **data))
        else:
            version = form.cleaned_data["version"]
            saved = attempt(form, lambda: services.update_item(item, version=version, **data))
        if saved is not None:
            messages.success(request, "The cabinet item is saved.")
            return redirect(saved)
    return render(
        request, "reports/cabinet_edit.html", {"report": report, "item": item, "form": form}
    )


@capability_required(cap.WRITE)
@require_http_methods(["GET", "POST"])
def new_question(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    item = _item(report)
    form = QuestionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in QUESTION_FIELDS}
        added = attempt(form, lambda: services.add_question(item, **data))
        if added is not None:
            messages.success(request, f"Question {added.number} is recorded.")
            return redirect(item)
    return render(
        request,
        "reports/question_edit.html",
        {"report": report, "item": item, "form": form, "entry": None},
    )


def _question(item: CabinetItem, cabinet_question_id: int) -> CabinetQuestion:
    return get_object_or_404(CabinetQuestion, item=item, pk=cabinet_question_id)


@capability_required(cap.WRITE)
@require_http_methods(["GET", "POST"])
def edit_question(request: HttpRequest, report_year: str, cabinet_question_id: int) -> HttpResponse:
    report = report_for(report_year)
    item = _item(report)
    entry = _question(item, cabinet_question_id)
    initial = {"version": entry.version} | {f: getattr(entry, f) for f in QUESTION_FIELDS}
    form = QuestionEditForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {f: form.cleaned_data[f] for f in QUESTION_FIELDS}
        version = form.cleaned_data["version"]
        saved = attempt(form, lambda: services.update_question(entry, version=version, **data))
        if saved is not None:
            messages.success(request, f"Question {saved.number} is saved.")
            return redirect(item)
    return render(
        request,
        "reports/question_edit.html",
        {"report": report, "item": item, "form": form, "entry": entry},
    )


@capability_required(cap.WRITE)
@require_POST
def remove_question(
    request: HttpRequest, report_year: str, cabinet_question_id: int
) -> HttpResponse:
    item = _item(report_for(report_year))
    entry = _question(item, cabinet_question_id)
    form = RemoveQuestionForm(request.POST)
    if form.is_valid():
        number = entry.number
        attempt(form, lambda: services.remove_question(entry, version=form.cleaned_data["version"]))
        if not form.errors:
            messages.success(request, f"Question {number} is taken out of the minutes.")
            return redirect(item)
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect(item)


@capability_required(cap.READ)
def cabinet_html(request: HttpRequest, report_year: str) -> HttpResponse:
    item = _item(report_for(report_year))
    html = document.cabinet_item_html(item, link_base="")
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response._csp_update = {"style-src": style_hashes(html)}  # type: ignore[attr-defined]
    return response


@capability_required(cap.READ)
def cabinet_pdf(request: HttpRequest, report_year: str) -> HttpResponse:
    item = _item(report_for(report_year))
    response = HttpResponse(
        pdf.write_pdf(document.cabinet_item_html(item)), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="cabinet-item-annual-report-{item.report.year}.pdf"'
    )
    return response
