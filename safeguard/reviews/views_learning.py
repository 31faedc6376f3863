"""Learning dissemination: briefings, events and training courses, open to every practitioner."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.reviews import capabilities as cap
from safeguard.reviews.forms_learning import BriefingForm, CourseLinkForm, EventForm
from safeguard.reviews.models import Briefing, CourseLink, LearningEvent
from safeguard.reviews.views_common import posted


@capability_required(cap.LEARNING)
def learning(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reviews/learning.html",
        {
            "briefings": Briefing.objects.select_related("review__incident"),
            "events": LearningEvent.objects.select_related("review__incident"),
            "courses": CourseLink.objects.select_related("review__incident"),
            "can_run": request.user.can(cap.RUN),
        },
    )


@capability_required(cap.LEARNING)
def briefing(request: HttpRequest, briefing_id: int) -> HttpResponse:
    found = get_object_or_404(
        Briefing.objects.select_related("review__incident").prefetch_related("themes"),
        pk=briefing_id,
    )
    return render(request, "reviews/briefing.html", {"briefing": found})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_briefing(request: HttpRequest) -> HttpResponse:
    form = BriefingForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = Briefing.objects.create(
            title=data["title"],
            text=data["text"],
            published_on=data["published_on"],
            review=data["review"],
            written_by=request.user,
        )
        made.themes.set(data["themes"])
        messages.success(request, "Briefing published.")
        return redirect("reviews:briefing", briefing_id=made.pk)
    return render(request, "reviews/learning_new.html", {"form": form, "what": "a briefing"})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_event(request: HttpRequest) -> HttpResponse:
    form = EventForm(posted(request))
    if request.method == "POST" and form.is_valid():
        LearningEvent.objects.create(**form.cleaned_data, added_by=request.user)
        messages.success(request, "Learning event added.")
        return redirect("reviews:learning")
    return render(request, "reviews/learning_new.html", {"form": form, "what": "a learning event"})


@capability_required(cap.RUN)
@require_http_methods(["GET", "POST"])
def new_course(request: HttpRequest) -> HttpResponse:
    form = CourseLinkForm(posted(request))
    if request.method == "POST" and form.is_valid():
        CourseLink.objects.create(**form.cleaned_data, added_by=request.user)
        messages.success(request, "Training course added.")
        return redirect("reviews:learning")
    return render(request, "reviews/learning_new.html", {"form": form, "what": "a training course"})
