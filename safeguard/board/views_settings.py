"""The partnership's quorum rule and the largest paper it takes."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from safeguard.access.decorators import capability_required
from safeguard.board import capabilities as cap
from safeguard.board.forms_settings import BoardSettingsForm
from safeguard.board.models import BoardSettings
from safeguard.board.views_common import form_page, posted


@capability_required(cap.MANAGE)
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    form = BoardSettingsForm(posted(request), instance=BoardSettings.current())
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "The board's settings are saved.")
        return redirect("board:settings")
    return form_page(
        request,
        form,
        heading="Quorum and papers",
        caption="Board settings",
        back_url=reverse("board:home"),
        back_label="The board",
        intro="A meeting is quorate when enough members are there, and, for the board, when each "
        "statutory partner is represented. The rule applies to every meeting's page from now on.",
    )
