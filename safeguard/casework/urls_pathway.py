from django.urls import path

from safeguard.casework import views_pathway as views

urlpatterns = [
    path("children/<id:child_id>/allocate/", views.allocate, name="allocate"),
    path("referrals/<id:referral_id>/", views.referral_detail, name="referral"),
    path(
        "referrals/<id:referral_id>/assessment/new/",
        views.new_assessment,
        name="assessment-new",
    ),
    path("assessments/<id:assessment_id>/", views.assessment_detail, name="assessment"),
    path(
        "referrals/<id:referral_id>/strategy-discussions/new/",
        views.new_strategy_discussion,
        name="strategy-new",
    ),
    path(
        "strategy-discussions/<id:discussion_id>/enquiry/new/",
        views.new_enquiry,
        name="enquiry-new",
    ),
    path("enquiries/<id:enquiry_id>/", views.enquiry_detail, name="enquiry"),
    path(
        "enquiries/<id:enquiry_id>/conference/new/",
        views.new_conference,
        name="conference-new",
    ),
    path("referrals/<id:referral_id>/close/", views.close, name="close"),
]
