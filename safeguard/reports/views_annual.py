"""The annual report's pages: the years, one year's report with its sections and sign-offs, the
pages to write a section and see its earlier wordings, and sign-off."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from safeguard.access.decorators import capability_required
from safeguard.core.refusals import attempt
from safeguard.reports import builds as building
from safeguard.reports import capabilities as cap
from safeguard.reports import services_narrative as services
from safeguard.reports.forms import BuildForm, EditionForm, OpenReportForm, SectionForm, SignOffForm
from safeguard.reports.models import AnnualReport, CabinetItem, NarrativeSection
from safeguard.reports.views_common import posted, report_for


@capability_required(cap.READ)
def annual_reports(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reports/annual_reports.html",
        {"reports": AnnualReport.objects.all(), "can_write": request.user.can(cap.WRITE)},
    )


@capability_required(cap.WRITE)
@require_http_methods(["GET", "POST"])
def open_report(request: HttpRequest) -> HttpResponse:
    form = OpenReportForm(posted(request))
    if request.method == "POST" and form.is_valid():
        report = attempt(
            form, lambda: services.open_report(year=form.cleaned_data["year"], by=request.user)
        )
        if report is not None:
            messages.success(request, f"The annual report for {report.year_label} is open.")
            return redirect(report)
    return render(request, "reports/open_report.html", {"form": form})


@capability_required(cap.READ)
def annual_report(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    can_write = request.user.can(cap.WRITE)
    if can_write and not services.is_frozen(report):
        # A priority added to the business plan since the report was started gets its section.
        services.add_priority_sections(report)
    to_sign = services.partners_to_sign(report, timezone.localdate())
    # The business manager records anyone's sign-off; a lead partner signs only their own.
    may_sign = request.user.can(cap.SIGN_OFF) and any(
        can_write or p.member.user_id == request.user.pk for p in to_sign
    )
    runs = building.runs_for(report.year)
    return render(
        request,
        "reports/annual_report.html",
        {
            "report": report,
            "sections": services.ordered_sections(report),
            "frozen": services.is_frozen(report),
            "signed_off": services.is_signed_off(report),
            "sign_offs": services.current_sign_offs(report),
            "to_sign": to_sign,
            "builds": report.builds.defer("html", "pdf").select_related("built_by"),
            "build_form": BuildForm(runs=runs) if can_write and runs else None,
            "cabinet_item": CabinetItem.objects.filter(report=report).first(),
            "can_write": can_write,
            "may_sign": may_sign,
        },
    )


def _section(report: AnnualReport, report_section_id: int) -> NarrativeSection:
    return get_object_or_404(NarrativeSection, report=report, pk=report_section_id)


@capability_required(cap.WRITE)
@require_http_methods(["GET", "POST"])
def edit_section(request: HttpRequest, report_year: str, report_section_id: int) -> HttpResponse:
    report = report_for(report_year)
    section = _section(report, report_section_id)
    form = SectionForm(
        posted(request),
        initial={"version": section.version, "heading": section.heading, "text": section.text},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = attempt(
            form,
            lambda: services.save_section(
                section,
                version=data["version"],
                heading=data["heading"],
                text=data["text"],
                by=request.user,
            ),
        )
        if saved is not None:
            messages.success(request, f"‘{saved.heading}’ is saved.")
            return redirect(report)
    return render(
        request,
        "reports/section_edit.html",
        {
            "report": report,
            "section": section,
            "form": form,
            "frozen": services.is_frozen(report),
        },
    )


@capability_required(cap.READ)
def section_history(request: HttpRequest, report_year: str, report_section_id: int) -> HttpResponse:
    report = report_for(report_year)
    section = _section(report, report_section_id)
    versions = section.history.select_related("history_user").order_by("-history_date")
    return render(
        request,
        "reports/section_history.html",
        {"report": report, "section": section, "versions": versions},
    )


@capability_required(cap.SIGN_OFF)
@require_http_methods(["GET", "POST"])
def sign_off(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    partners = services.partners_to_sign(report, timezone.localdate())
    if not request.user.can(cap.WRITE):
        # A lead partner signs for themselves; other board members have nothing to sign.
        partners = [p for p in partners if p.member.user_id == request.user.pk]
        if not partners:
            raise Http404("Nothing for this user to sign")
    form = SignOffForm(posted(request), partners=partners)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        signed = attempt(
            form,
            lambda: services.sign_off(
                report, member=data["member"], signed_on=data["signed_on"], by=request.user
            ),
        )
        if signed is not None:
            messages.success(request, f"{signed.partner_name}'s sign-off is recorded.")
            return redirect(report)
    return render(
        request,
        "reports/sign_off.html",
        {
            "report": report,
            "form": form,
            "partners": partners,
            "unwritten": [s for s in services.ordered_sections(report) if not s.is_written],
        },
    )


@capability_required(cap.WRITE)
@require_POST
def new_edition(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    form = EditionForm(request.POST)
    if form.is_valid():
        started = attempt(
            form,
            lambda: services.start_new_edition(
                report, version=form.cleaned_data["version"], by=request.user
            ),
        )
        if started is not None:
            messages.success(
                request,
                f"Version {started.edition} is open for changes: it needs signing off again.",
            )
            return redirect(report)
    for error in form.non_field_errors() or form.errors.get("version", []):
        messages.error(request, error)
    return redirect(report)
