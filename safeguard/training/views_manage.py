"""The training coordinator's pages: courses, sessions, attendance, rules, staff compliance."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Max, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.training import attendance as attendance_service
from safeguard.training import capabilities as cap
from safeguard.training.bookings import BookingRefused
from safeguard.training.codes import Audience, BookingStatus, OutcomesMet
from safeguard.training.compliance import staff_compliance
from safeguard.training.forms_manage import AttendanceForm, CourseForm, RuleForm, SessionForm
from safeguard.training.models import ComplianceRule, Course, Evaluation, TrainingSession

_PLACE_COUNTS = {
    "taken": Count("bookings", filter=Q(bookings__status__in=BookingStatus.holding_a_place())),
    "waiting": Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING)),
    "attended": Count("bookings", filter=Q(bookings__status=BookingStatus.ATTENDED)),
}


@capability_required(cap.MANAGE)
@require_http_methods(["GET"])
def manage(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    sessions = TrainingSession.objects.select_related("course").annotate(**_PLACE_COUNTS)
    past = sessions.filter(on__lt=today).order_by("-on", "-starts_at")
    return render(
        request,
        "training/manage.html",
        {
            "upcoming": sessions.filter(on__gte=today).order_by("on", "starts_at"),
            "past": Paginator(past, 20).get_page(request.GET.get("page")),
            "courses": Course.objects.annotate(n=Count("sessions")),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def course_new(request: HttpRequest) -> HttpResponse:
    return _course_form(request, Course())


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, course_id: int) -> HttpResponse:
    return _course_form(request, get_object_or_404(Course, pk=course_id))


def _course_form(request: HttpRequest, course: Course) -> HttpResponse:
    form = CourseForm(request.POST if request.method == "POST" else None, instance=course)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"{saved.title} is saved.")
        return redirect("training:manage")
    return render(request, "training/course_form.html", {"form": form, "course": course})


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def session_new(request: HttpRequest) -> HttpResponse:
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        initial={"course": request.GET.get("course")},
    )
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.created_by = request.user
        session.save()
        messages.success(request, f"The session on {session.on:%-d %B %Y} is open for booking.")
        return redirect("training:session-manage", session_id=session.pk)
    return render(request, "training/session_new.html", {"form": form})


@capability_required(cap.MANAGE)
@require_http_methods(["GET"])
def session_manage(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=session_id)
    everyone = session.bookings.select_related("agency", "certificate")
    evaluations = Evaluation.objects.filter(booking__session=session)
    summary = evaluations.aggregate(n=Count("id"), mean=Avg("usefulness"))
    met = {
        row["outcomes_met"]: row["n"]
        for row in evaluations.values("outcomes_met").annotate(n=Count("id"))
    }
    return render(
        request,
        "training/session_manage.html",
        {
            "session": session,
            "places": everyone.filter(status__in=BookingStatus.holding_a_place()),
            "waiting": everyone.filter(status=BookingStatus.WAITING),
            "cancelled": everyone.filter(status=BookingStatus.CANCELLED),
            "evaluations": summary,
            "outcomes_met": [(label, met.get(value, 0)) for value, label in OutcomesMet.choices],
            "comments": [e.comments for e in evaluations if e.comments.strip()],
            "can_mark": session.on <= timezone.localdate(),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=session_id)
    places = list(
        session.bookings.filter(status__in=BookingStatus.holding_a_place()).select_related("agency")
    )
    attended = [str(b.pk) for b in places if b.status == BookingStatus.ATTENDED]
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        places=places,
        initial={"attended": attended},
    )
    if request.method == "POST" and form.is_valid():
        try:
            issued = attendance_service.mark_attendance(
                session, {int(pk) for pk in form.cleaned_data["attended"]}
            )
        except BookingRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                f"Attendance is saved. {len(issued)} certificate{'s' if len(issued) != 1 else ''} "
                "issued.",
            )
            return redirect("training:session-manage", session_id=session.pk)
    return render(
        request,
        "training/attendance.html",
        {
            "session": session,
            "form": form,
            "places": places,
            "can_mark": session.on <= timezone.localdate(),
        },
    )


@capability_required(cap.MANAGE)
@require_http_methods(["GET"])
def rules(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    by_audience = []
    for value, label in Audience.choices:
        versions = ComplianceRule.objects.filter(audience=value).select_related(
            "course", "published_by"
        )
        by_audience.append((label, versions, ComplianceRule.in_force_on(value, today)))
    return render(request, "training/rules.html", {"by_audience": by_audience})


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def rule_new(request: HttpRequest) -> HttpResponse:
    form = RuleForm(
        request.POST if request.method == "POST" else None,
        initial={"audience": request.GET.get("audience")},
    )
    if request.method == "POST" and form.is_valid():
        rule = form.save(commit=False)
        rule.published_by = request.user
        try:
            with transaction.atomic():
                latest = ComplianceRule.objects.filter(audience=rule.audience).aggregate(
                    v=Max("version")
                )["v"]
                rule.version = (latest or 0) + 1
                rule.save()
        except IntegrityError:
            # Someone published a version for the same audience at the same moment.
            form.add_error(None, "Someone else published a version just now. Check and try again.")
        else:
            messages.success(
                request,
                f"Version {rule.version} for {rule.get_audience_display().lower()} is published, "
                f"in force from {rule.in_force_from:%-d %B %Y}.",
            )
            return redirect("training:rules")
    return render(request, "training/rule_new.html", {"form": form})


@capability_required(cap.MANAGE)
@require_http_methods(["GET"])
def staff_compliance_report(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "training/staff_compliance.html",
        {"reports": staff_compliance(today), "today": today},
    )
