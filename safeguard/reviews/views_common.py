"""What the reviews views share: the posted form and the finding page."""

from django.contrib import messages
from django.db.models import Model
from django.forms import Form
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from safeguard.core.refusals import attempt
from safeguard.reviews import services_actions as action_services

PAGE_SIZE = 50


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
