"""Missing episodes: the child's episodes (with the repeat-missing flag), recording a new one, and
the episode's page, where the return and the return home interview are recorded."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.casework import capabilities as cap
from safeguard.casework import services_missing as services
from safeguard.casework.forms_missing import InterviewForm, MissingForm, ReturnForm
from safeguard.casework.models import AroundSettings, MissingEpisode
from safeguard.casework.views_around import break_glass_when_restricted, posted, reach
from safeguard.core.refusals import attempt
from safeguard.people.access import get_child_for_user


@capability_required(cap.MISSING)
@break_glass_when_restricted
def missing(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Missing episodes")
    episodes = [
        (episode, services.interview_due(episode), getattr(episode, "return_interview", None))
        for episode in MissingEpisode.objects.filter(child=child).select_related("return_interview")
    ]
    return render(
        request,
        "casework/around/missing.html",
        {
            "child": child,
            "episodes": episodes,
            "repeat": services.repeat_missing_since(child, timezone.localdate()),
            "settings": AroundSettings.current(),
            "now": timezone.now(),
        },
    )


@capability_required(cap.MISSING)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def missing_new(request: HttpRequest, child_id: int) -> HttpResponse:
    child = get_child_for_user(request, child_id, "Record a missing episode")
    form = MissingForm(posted(request))
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        episode = attempt(
            form,
            lambda: services.record_missing(
                child,
                kind=data["kind"],
                started_at=data["started_at"],
                reported_by=data["reported_by"],
                police_reference=data["police_reference"],
                circumstances=data["circumstances"],
                by=request.user,
            ),
        )
        if episode is not None:
            messages.success(request, f"{child.full_name}'s missing episode is recorded.")
            return redirect("casework:missing-episode", episode_id=episode.pk)
    return render(request, "casework/around/missing_new.html", {"child": child, "form": form})


@capability_required(cap.MISSING)
@require_http_methods(["GET", "POST"])
@break_glass_when_restricted
def missing_episode(request: HttpRequest, episode_id: int) -> HttpResponse:
    episode = reach(
        request,
        MissingEpisode.objects.select_related("child", "recorded_by"),
        episode_id,
        "Missing episode",
    )
    return_form = ReturnForm(posted(request, "return"), initial={"version": episode.version})
    interview_form = InterviewForm(posted(request, "interview"))
    if return_form.is_bound and return_form.is_valid():
        data = return_form.cleaned_data
        done = attempt(
            return_form,
            lambda: services.record_return(
                episode,
                version=data["version"],
                returned_at=data["returned_at"],
                where_found=data["where_found"],
            ),
        )
        if done is not None:
            messages.success(request, "The child's return is recorded.")
            return redirect("casework:missing-episode", episode_id=episode.pk)
        episode.refresh_from_db()
    if interview_form.is_bound and interview_form.is_valid():
        data = interview_form.cleaned_data
        done = attempt(
            interview_form,
            lambda: services.record_return_interview(
                episode,
                outcome=data["outcome"],
                offered_on=data["offered_on"],
                held_at=data["held_at"],
                interviewer=data["interviewer"],
                interviewer_agency=data["interviewer_agency"],
                independent=bool(data["independent"]),
                reason=data["reason"],
                late_reason=data["late_reason"],
                what_was_learned=data["what_was_learned"],
                by=request.user,
            ),
        )
        if done is not None:
            messages.success(request, "What happened about the return home interview is recorded.")
            return redirect("casework:missing-episode", episode_id=episode.pk)
    interview = getattr(episode, "return_interview", None)
    return render(
        request,
        "casework/around/missing_episode.html",
        {
            "episode": episode,
            "child": episode.child,
            "interview": interview,
            "due": services.interview_due(episode),
            "on_time": services.held_on_time(interview) if interview else None,
            "return_form": return_form,
            "interview_form": interview_form,
            "repeat": services.repeat_missing_since(episode.child, episode.started_on),
        },
    )
