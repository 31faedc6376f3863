"""Reaching pathway records: each is opened through its child, so scope, restriction and the
access log apply exactly as for the child's own record."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from safeguard.casework.models import (
    Assessment,
    ChildInNeedPlan,
    ProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from safeguard.frontdoor.models import Referral
from safeguard.people.access import get_child_for_user


def _through_child(request: HttpRequest, record, child_id: int, purpose: str):
    get_child_for_user(request, child_id, purpose)
    return record


def get_referral_for_user(request: HttpRequest, referral_id: int, purpose: str) -> Referral:
    referral = get_object_or_404(Referral.objects.select_related("child"), pk=referral_id)
    return _through_child(request, referral, referral.child_id, purpose)


def get_assessment_for_user(request: HttpRequest, pk: int, purpose: str) -> Assessment:
    record = get_object_or_404(Assessment.objects.select_related("referral__child"), pk=pk)
    return _through_child(request, record, record.referral.child_id, purpose)


def get_discussion_for_user(request: HttpRequest, pk: int, purpose: str) -> StrategyDiscussion:
    record = get_object_or_404(StrategyDiscussion.objects.select_related("referral__child"), pk=pk)
    return _through_child(request, record, record.referral.child_id, purpose)


def get_enquiry_for_user(request: HttpRequest, pk: int, purpose: str) -> Section47Enquiry:
    record = get_object_or_404(Section47Enquiry.objects.select_related("referral__child"), pk=pk)
    return _through_child(request, record, record.referral.child_id, purpose)


def get_plan_for_user(request: HttpRequest, pk: int, purpose: str) -> ProtectionPlan:
    record = get_object_or_404(ProtectionPlan.objects.select_related("child", "referral"), pk=pk)
    return _through_child(request, record, record.child_id, purpose)


def get_cin_plan_for_user(request: HttpRequest, pk: int, purpose: str) -> ChildInNeedPlan:
    record = get_object_or_404(ChildInNeedPlan.objects.select_related("referral__child"), pk=pk)
    return _through_child(request, record, record.referral.child_id, purpose)
