"""What the report views share: finding a year's report, and running a service so that its
refusal becomes form errors and changes nothing."""

from collections.abc import Callable
from typing import TypeVar

from django.forms import Form
from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404

from safeguard.core.models import StaleEdit
from safeguard.reports.models import AnnualReport
from safeguard.reports.rules import ReportError

T = TypeVar("T")

STALE_EDIT = (
    "Someone else changed this while you were working on it. "
    "Reload the page to see their changes, then make yours again."
)


def report_for(year: str) -> AnnualReport:
    return get_object_or_404(AnnualReport, year=year)


def attempt(form: Form, action: Callable[[], T]) -> T | None:
    try:
        return action()
    except ReportError as refused:
        for problem in refused.problems:
            form.add_error(problem.field if problem.field in form.fields else None, problem.message)
    except StaleEdit:
        form.add_error(None, STALE_EDIT)
    return None


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None
