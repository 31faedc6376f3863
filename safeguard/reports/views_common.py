"""What the report views share: finding a year's report, and the posted form."""

from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404

from safeguard.reports.models import AnnualReport


def report_for(year: str) -> AnnualReport:
    return get_object_or_404(AnnualReport, year=year)


def posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None
