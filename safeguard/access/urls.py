from django.urls import path

from safeguard.access import views

app_name = "access"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("signed-out/", views.timed_out, name="timed-out"),
    path("session/keep-alive/", views.keep_alive, name="keep-alive"),
    path("account/two-factor/", views.two_factor, name="two-factor"),
    path("access-log/", views.access_log, name="log"),
    path("access-log/break-glass/", views.break_glass_log, name="break-glass-log"),
]
