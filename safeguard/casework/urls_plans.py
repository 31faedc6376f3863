from django.urls import path

from safeguard.casework import views_plans

urlpatterns = [
    path("plans/<id:plan_id>/", views_plans.plan_detail, name="plan"),
    path("plans/<id:plan_id>/category/", views_plans.plan_category, name="plan-category"),
    path("plans/<id:plan_id>/core-groups/new/", views_plans.core_group_new, name="core-group-new"),
    path("children/<id:child_id>/visits/new/", views_plans.visit_new, name="visit-new"),
    path("plans/<id:plan_id>/reviews/new/", views_plans.review_new, name="review-new"),
    path("plans/<id:plan_id>/end/", views_plans.plan_end, name="plan-end"),
    path(
        "referrals/<id:referral_id>/cin-plans/new/",
        views_plans.cin_plan_new,
        name="cin-plan-new",
    ),
    path("cin-plans/<id:cin_plan_id>/", views_plans.cin_plan_detail, name="cin-plan"),
]
