"""Forms for children looked after: a period of care starting, changing and ending, and reviews."""

from django import forms

from safeguard.casework.codes_903 import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
)
from safeguard.casework.forms_around import date_field, line, radios, select, text
from safeguard.casework.forms_plans import VersionedForm
from safeguard.casework.services_looked_after import Placement
from safeguard.core.forms import GovukForm
from safeguard.core.identifiers import normalise_postcode, validate_postcode


def _postcode(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        validators=[validate_postcode],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )


class PlacementFields(GovukForm):
    """The placement's fields, shared by a start and a change (where they may be left blank)."""

    placement_type = select(
        "Type of placement", PlacementType, "Select the type of placement", required=False
    )
    placement_provider = select(
        "Who provides the placement?",
        PlacementProvider,
        "Select who provides the placement",
        required=False,
    )
    provider_name = line("Carer, home or provider's name")
    placement_postcode = _postcode("Postcode of the placement")
    home_postcode = _postcode("Postcode of the child's home before care")
    urn = line("Ofsted unique reference number (URN)", width="10")

    def placement(self) -> Placement | None:
        data = self.cleaned_data
        if not data.get("placement_type"):
            return None
        return Placement(
            placement_type=data["placement_type"],
            placement_provider=data["placement_provider"],
            provider_name=data["provider_name"],
            placement_postcode=normalise_postcode(data["placement_postcode"]),
            home_postcode=normalise_postcode(data["home_postcode"]),
            urn=data["urn"].strip().upper(),
        )


class StartCareForm(PlacementFields):
    field_order = ["started_on", "legal_status", "category_of_need"]
    started_on = date_field("Date the child started to be looked after", "the start date")
    legal_status = select("Legal status", LegalStatus, "Select the legal status")
    category_of_need = select("Category of need", CategoryOfNeed, "Select the category of need")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["placement_type"].required = True


class EpisodeForm(VersionedForm):
    """Carries the episode the person saw as well as its version: a change in the meantime ends
    that episode, and the open one is then another."""

    episode = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={"required": "Reload the page and make your changes again"},
    )


class ChangeCareForm(EpisodeForm, PlacementFields):
    field_order = ["version", "episode", "on", "reason_new", "legal_status", "category_of_need"]
    on = date_field("Date of the change", "the date of the change")
    reason_new = radios("What changed?", ReasonNewEpisode.changes(), "Select what changed")
    legal_status = select(
        "New legal status", LegalStatus, "Select the legal status", required=False
    )
    category_of_need = select("Category of need", CategoryOfNeed, "Select the category of need")

    reason_place_change = select(
        "Why did the placement change?",
        ReasonPlaceChange,
        "Select the reason the placement changed",
        required=False,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["legal_status"].help_text = "Only if the legal status changed"
        self.fields["placement_type"].help_text = "Only if the placement changed: the new one"


class CeaseCareForm(EpisodeForm):
    on = date_field("Date the child stopped being looked after", "the date care ended")
    reason = select(
        "Why did the child stop being looked after?",
        ReasonEpisodeCeased.leaving_care(),
        "Select why the child stopped being looked after",
    )


class CareReviewForm(GovukForm):
    held_on = date_field("Date of the review", "the date of the review")
    participation = radios(
        "How did the child take part?",
        ReviewParticipation.choices,
        "Select how the child took part",
    )
    notes = text("Notes")
