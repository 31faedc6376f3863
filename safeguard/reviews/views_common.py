"""What the reviews views share: running a service so that its refusal becomes form errors."""

from collections.abc import Callable
from typing import TypeVar

from django.contrib import messages
from django.db.models import Model
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from safeguard.core.models import StaleEdit
from safeguard.reviews import services_actions as action_services
from safeguard.reviews.rules import ReviewError

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
    except ReviewError as refused:
        for problem in refused.problems:
            form.add_error(problem.field if problem.field in form.fields else None, problem.message)
    except StaleEdit:
        form.add_error(None, STALE_EDIT)
    return None


def posted(request: HttpRequest) -> QueryDict | None:
    """The form's data on a POST, even an empty one, so an empty form shows its errors."""
    return request.POST if request.method == "POST" else None


def record_finding_page(
    request: HttpRequest, form: Form, source: Model, **where: Model
) -> HttpResponse:
    """A finding for a review or an audit (`where` names which): record it, then add actions."""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        finding = attempt(
            form,
            lambda: action_services.record_finding(
                **where,
                text=data["text"],
                recommendation=data["recommendation"],
                themes=data["themes"],
                by=request.user,
            ),
        )
        if finding is not None:
            messages.success(request, f"Finding {finding.number} recorded. Now add its actions.")
            return redirect("reviews:action-new", finding_id=finding.pk)
    return render(
        request,
        "reviews/finding_new.html",
        {"form": form, "source": source, "back": source.get_absolute_url()},
    )
