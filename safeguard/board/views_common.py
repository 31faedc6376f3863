"""What the board's views share: the form page, and choosing a reporting year from the query
string."""

from collections.abc import Iterable
from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from safeguard.board import years

PAGE_SIZE = 50


def posted(request: HttpRequest) -> QueryDict | None:
    """The form's data on a POST, even an empty one, so an empty form shows its errors."""
    return request.POST if request.method == "POST" else None


def form_page(
    request: HttpRequest,
    form: Form,
    *,
    heading: str,
    caption: str,
    back_url: str,
    back_label: str = "Back",
    button: str = "Save",
    intro: str = "",
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        "board/form_page.html",
        {
            "form": form,
            "heading": heading,
            "caption": caption,
            "back_url": back_url,
            "back_label": back_label,
            "button": button,
            "intro": intro,
            **extra,
        },
    )


def chosen_year(request: HttpRequest, offered: Iterable[str], default: str) -> str:
    """The year asked for in ?year=, if it is one offered; else the default."""
    asked = request.GET.get("year", "")
    return asked if asked in set(offered) and years.is_reporting_year(asked) else default


def year_options(offered: Iterable[str]) -> list[tuple[str, str]]:
    return [(year, year) for year in sorted(set(offered), reverse=True)]
