"""Pages anyone may use without signing in: licence applicants booking a course, any booker's own
booking (reached by the private link in their email), evaluations, and checking a certificate."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.training import attendance, bookings
from safeguard.training.codes import BookingStatus
from safeguard.training.forms_booking import ApplicantBookingForm, EvaluationForm, VerifyForm
from safeguard.training.models import Booking, Certificate, TrainingSession


def _public_session(session_id: int) -> TrainingSession:
    return get_object_or_404(
        TrainingSession.objects.select_related("course"),
        pk=session_id,
        course__open_to_public=True,
        on__gte=timezone.localdate(),
    )


def _booking(token: str) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("session__course", "agency"), token=token
    )


@require_http_methods(["GET"])
def public_sessions(request: HttpRequest) -> HttpResponse:
    sessions = (
        TrainingSession.objects.filter(course__open_to_public=True, on__gte=timezone.localdate())
        .select_related("course")
        .order_by("on", "starts_at")
    )
    return render(request, "training/public_sessions.html", {"sessions": sessions})


@require_http_methods(["GET", "POST"])
def public_book(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _public_session(session_id)
    form = ApplicantBookingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = bookings.book_for_applicant(
                session,
                reference=data["reference"],
                full_name=data["full_name"],
                date_of_birth=data["date_of_birth"],
                email=data["email"],
            )
        except bookings.BookingRefused as refused:
            form.add_error(None, str(refused))
        else:
            return redirect("training:booking", token=booking.token)
    full = session.places_taken() >= session.capacity
    return render(
        request, "training/public_book.html", {"session": session, "form": form, "full": full}
    )


@require_http_methods(["GET"])
def booking(request: HttpRequest, token: str) -> HttpResponse:
    found = _booking(token)
    return render(
        request,
        "training/booking.html",
        {
            "booking": found,
            "session": found.session,
            "certificate": Certificate.objects.filter(booking=found).first(),
            "can_cancel": found.status in (BookingStatus.BOOKED, BookingStatus.WAITING)
            and found.session.on >= timezone.localdate(),
            "can_evaluate": found.status == BookingStatus.ATTENDED
            and not hasattr(found, "evaluation"),
        },
    )


@require_http_methods(["GET", "POST"])
def booking_cancel(request: HttpRequest, token: str) -> HttpResponse:
    found = _booking(token)
    problem = ""
    if request.method == "POST":
        try:
            bookings.cancel(found)
        except bookings.BookingRefused as refused:
            problem = str(refused)
        else:
            messages.success(request, "Your booking is cancelled.")
            return redirect("training:booking", token=found.token)
    return render(
        request,
        "training/booking_cancel.html",
        {"booking": found, "session": found.session, "problem": problem},
    )


@require_http_methods(["GET", "POST"])
def evaluation(request: HttpRequest, token: str) -> HttpResponse:
    found = _booking(token)
    if found.status != BookingStatus.ATTENDED:
        raise Http404("Only people who attended can evaluate a session")
    if hasattr(found, "evaluation"):
        messages.success(request, "You have already evaluated this session. Thank you.")
        return redirect("training:booking", token=found.token)
    form = EvaluationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            attendance.evaluate(found, **form.cleaned_data)
        except bookings.BookingRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, "Thank you for your evaluation.")
            return redirect("training:booking", token=found.token)
    return render(
        request,
        "training/evaluation.html",
        {"booking": found, "session": found.session, "form": form},
    )


@require_http_methods(["GET"])
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone shown a certificate can check it here: course, name, date and expiry only."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    certificate = None
    searched = form.is_bound and form.is_valid()
    if searched:
        certificate = (
            Certificate.objects.filter(code=form.cleaned_data["code"])
            .select_related("course")
            .first()
        )
    return render(
        request,
        "training/verify.html",
        {
            "form": form,
            "searched": searched,
            "certificate": certificate,
            "valid": certificate is not None and certificate.is_valid_on(timezone.localdate()),
        },
    )
