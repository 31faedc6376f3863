"""Training for staff of every partner agency: the programme, booking a place, their own record."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.training import bookings
from safeguard.training import capabilities as cap
from safeguard.training.codes import BookingStatus
from safeguard.training.models import Booking, Certificate, TrainingSession


@capability_required(cap.BOOK)
@require_http_methods(["GET"])
def courses(request: HttpRequest) -> HttpResponse:
    sessions = (
        TrainingSession.objects.filter(on__gte=timezone.localdate())
        .select_related("course")
        .order_by("on", "starts_at")
    )
    return render(request, "training/courses.html", {"sessions": sessions})


@capability_required(cap.BOOK)
@require_http_methods(["GET", "POST"])
def session(request: HttpRequest, session_id: int) -> HttpResponse:
    found = get_object_or_404(TrainingSession.objects.select_related("course"), pk=session_id)
    problem = ""
    if request.method == "POST":
        try:
            booking = bookings.book_for_staff(found, request.user)
        except bookings.BookingRefused as refused:
            problem = str(refused)
        else:
            messages.success(
                request,
                "Your place is booked."
                if booking.status == BookingStatus.BOOKED
                else "The session is full: you are on the waiting list.",
            )
            return redirect("training:booking", token=booking.token)
    mine = (
        Booking.objects.filter(session=found, user=request.user)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )
    return render(
        request,
        "training/session.html",
        {
            "session": found,
            "mine": mine,
            "places_left": max(found.capacity - found.places_taken(), 0),
            "open": found.is_open_for_booking(timezone.localdate()),
            "problem": problem,
        },
    )


@capability_required(cap.BOOK)
@require_http_methods(["GET"])
def my_training(request: HttpRequest) -> HttpResponse:
    mine = (
        Booking.objects.filter(user=request.user)
        .select_related("session__course")
        .order_by("-session__on")
    )
    certificates = Certificate.objects.filter(
        user=request.user, withdrawn_at__isnull=True
    ).select_related("course")
    return render(
        request,
        "training/my_training.html",
        {"bookings": mine, "certificates": certificates, "today": timezone.localdate()},
    )
