"""Building the report from the page, and reading or downloading a build exactly as it was made.

A build is one self-contained HTML file whose styles sit in the page. The page keeps the site's
strict content security policy and allows that one stylesheet by its hash, so nothing else
inline could run or style the page.
"""

import base64
import hashlib
import re

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from safeguard.access.decorators import capability_required
from safeguard.reports import builds as building
from safeguard.reports import capabilities as cap
from safeguard.reports.forms import BuildForm
from safeguard.reports.models import ReportBuild
from safeguard.reports.rules import ReportError
from safeguard.reports.views_common import report_for

_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


@capability_required(cap.WRITE)
@require_POST
def build(request: HttpRequest, report_year: str) -> HttpResponse:
    report = report_for(report_year)
    form = BuildForm(request.POST, runs=building.runs_for(report.year))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(report)
    try:
        made = building.build(report, run=form.cleaned_data["run"], by=request.user)
    except ReportError as refused:
        messages.error(request, str(refused))
        return redirect(report)
    messages.success(request, f"The report is built from measure run {made.run_number}.")
    return redirect(report)


def _build(report_year: str, report_build_id: int) -> ReportBuild:
    return get_object_or_404(
        ReportBuild.objects.select_related("report"), report__year=report_year, pk=report_build_id
    )


def style_hashes(html: str) -> list[str]:
    """CSP source expressions allowing exactly the page's own <style> blocks."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in _STYLE.findall(html)
    ]


@capability_required(cap.READ)
def build_html(request: HttpRequest, report_year: str, report_build_id: int) -> HttpResponse:
    made = _build(report_year, report_build_id)
    response = HttpResponse(made.html, content_type="text/html; charset=utf-8")
    response._csp_update = {"style-src": style_hashes(made.html)}  # type: ignore[attr-defined]
    return response


@capability_required(cap.READ)
def build_html_download(
    request: HttpRequest, report_year: str, report_build_id: int
) -> HttpResponse:
    made = _build(report_year, report_build_id)
    response = HttpResponse(made.html, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{made.file_stem}.html"'
    return response


@capability_required(cap.READ)
def build_pdf(request: HttpRequest, report_year: str, report_build_id: int) -> HttpResponse:
    made = _build(report_year, report_build_id)
    response = HttpResponse(bytes(made.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{made.file_stem}.pdf"'
    return response
