"""The board's figures for a reporting year."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board import figures, years
from safeguard.board.codes import GroupKind
from safeguard.board.views_common import chosen_year, year_options
from safeguard.board.views_meetings import meeting_years


@capability_required(cap.READ)
def figures_page(request: HttpRequest) -> HttpResponse:
    offered = meeting_years()
    current = years.year_of(timezone.localdate())
    ended = [y for y in offered if y < current]
    year = chosen_year(request, offered, max(ended or offered or [current]))
    return render(
        request,
        "board/figures.html",
        {
            "year": year,
            "years": year_options(offered),
            "period": years.period(year),
            "board": figures.attendance_by_agency(year),
            "sub_groups": figures.attendance_by_agency(year, kind=GroupKind.SUB_GROUP),
            "actions": figures.actions_due(year),
            "definitions": figures.DEFINITIONS,
        },
    )
