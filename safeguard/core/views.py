from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(settings.LOGIN_URL)
    return render(request, "core/home.html")


def _error_page(request: HttpRequest, template_name: str, status: int) -> HttpResponse:
    # A request rejected early (a bad Host header, say) has no user yet, and the context
    # processors need one: render such a page as Django renders a 500, with no context.
    if not hasattr(request, "user"):
        return HttpResponse(render_to_string(template_name), status=status)
    return render(request, template_name, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "errors/400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "errors/403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return _error_page(request, "errors/404.html", 404)


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered with an empty context, as Django does: whatever failed may fail again.
    return HttpResponse(render_to_string("errors/500.html"), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # Django has already logged the reason; the person only needs to know what to do.
    return _error_page(request, "errors/csrf.html", 403)
