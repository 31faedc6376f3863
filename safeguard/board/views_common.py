"""What the board's views share: running a service so that its refusal becomes form errors, the
form page, and choosing a reporting year from the query string."""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from safeguard.board import years
from safeguard.board.rules import BoardError
from safeguard.core.models import StaleEdit

T = TypeVar("T")

STALE_EDIT = (
    "Someone else changed this record while you were working on it. "
    "Reload the page to see their changes, then make yours again."
)
PAGE_SIZE = 50


def attempt(form: Form, action: Callable[[], T]) -> T | None:
    """Run a service call; a refusal becomes the form's errors and changes nothing."""
    try:
        return action()
    except BoardError as refused:
        for problem in refused.problems:
            form.add_error(problem.field if problem.field in form.fields else None, problem.message)
    except StaleEdit:
        form.add_error(None, STALE_EDIT)
    return None


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
