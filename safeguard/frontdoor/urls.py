from django.urls import path

from safeguard.frontdoor import views_mash, views_partnership, views_referrer, views_requests

app_name = "frontdoor"

urlpatterns = [
    path("referrals/new/", views_referrer.refer, name="refer"),
    path("referrals/", views_referrer.my_referrals, name="my-referrals"),
    path("referrals/<id:contact_id>/", views_referrer.referral, name="referral"),
    path("referrals/our-agency/", views_referrer.agency_summary, name="agency-summary"),
    path("mash/", views_mash.queue, name="queue"),
    path("mash/contacts/new/", views_mash.record_contact, name="record-contact"),
    path("mash/contacts/<id:contact_id>/", views_mash.contact_detail, name="contact"),
    path("mash/contacts/<id:contact_id>/rag/", views_mash.contact_rag, name="contact-rag"),
    path("mash/contacts/<id:contact_id>/child/", views_mash.contact_child, name="contact-child"),
    path(
        "mash/contacts/<id:contact_id>/information-requests/new/",
        views_mash.contact_request,
        name="contact-request",
    ),
    path(
        "mash/contacts/<id:contact_id>/decision/",
        views_mash.contact_decision,
        name="contact-decision",
    ),
    path("information-requests/", views_requests.information_requests, name="information-requests"),
    path(
        "information-requests/<id:request_id>/",
        views_requests.information_request,
        name="information-request",
    ),
    path("front-door/figures/", views_partnership.dashboard, name="dashboard"),
    path(
        "front-door/figures/contacts/",
        views_partnership.dashboard_contacts,
        name="dashboard-contacts",
    ),
    path("front-door/thresholds/", views_partnership.thresholds, name="thresholds"),
    path(
        "front-door/thresholds/new/", views_partnership.new_threshold_version, name="threshold-new"
    ),
    path("front-door/agency-feedback/", views_partnership.advice_list, name="advice"),
    path(
        "front-door/agency-feedback/<id:contact_id>/",
        views_partnership.give_advice,
        name="give-advice",
    ),
]
