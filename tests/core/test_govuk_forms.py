import datetime
import html

from django import forms
from django.db import models
from django.template.loader import render_to_string
from django.test.utils import isolate_apps
from django.utils import timezone

from safeguard.core.forms import GovukDateField, GovukForm, GovukModelForm


class ReferralForm(GovukForm):
    referrer_name = forms.CharField(
        label="Your name",
        help_text="As it appears on your work email",
        error_messages={"required": "Enter your name"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "name"}),
    )
    received_on = GovukDateField(
        label="Date of referral",
        help_text="For example, 27 3 2024",
        must_be_today_or_past=True,
        error_messages={"required": "Enter the date of the referral"},
    )
    date_of_birth = GovukDateField(label="Date of birth", must_be_past=True, required=False)
    consent = forms.ChoiceField(
        label="Has the family agreed to the referral?",
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select if the family has agreed to the referral"},
    )
    agency = forms.ChoiceField(
        label="Agency",
        choices=[("", "Choose an agency"), ("police", "Police"), ("health", "Health")],
    )


def valid_data(**changes: str) -> dict[str, str]:
    data = {
        "referrer_name": "Sam Patel",
        "received_on_day": "3",
        "received_on_month": "4",
        "received_on_year": "2024",
        "consent": "yes",
        "agency": "police",
    }
    return data | changes


def errors_for(data: dict[str, str], field: str) -> list[str]:
    form = ReferralForm(data)
    form.is_valid()
    return form.errors.get(field, [])


def test_it_cleans_a_valid_form_into_a_date():
    data = valid_data(date_of_birth_day="09", date_of_birth_month="12", date_of_birth_year="2015")
    form = ReferralForm(data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["received_on"] == datetime.date(2024, 4, 3)
    assert form.cleaned_data["date_of_birth"] == datetime.date(2015, 12, 9)


def test_it_links_each_error_in_the_summary_to_its_control():
    form = ReferralForm({})
    page = render_to_string("core/error_summary.html", {"form": form})
    assert "There is a problem" in page
    assert '<a href="#id_referrer_name">Enter your name</a>' in page
    assert '<a href="#id_received_on_day">Enter the date of the referral</a>' in page
    assert '<a href="#id_consent_0">Select if the family has agreed to the referral</a>' in page
    assert '<a href="#id_agency">Select agency</a>' in page


def test_it_links_a_partial_date_to_the_first_missing_box():
    form = ReferralForm(valid_data(received_on_month=""))
    page = render_to_string("core/error_summary.html", {"form": form})
    assert '<a href="#id_received_on_month">Date of referral must include a month</a>' in page


def test_it_renders_no_error_summary_for_a_form_without_errors():
    assert render_to_string("core/error_summary.html", {"form": ReferralForm()}).strip() == ""
    page = render_to_string("core/error_summary.html", {"form": ReferralForm(valid_data())})
    assert page.strip() == ""


def test_it_renders_the_error_message_and_marks_the_group_and_input():
    page = ReferralForm(valid_data(referrer_name=""))["referrer_name"].as_field_group()
    assert 'class="govuk-form-group govuk-form-group--error"' in page
    assert (
        '<p id="id_referrer_name_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter your name</p>'
    ) in page
    assert 'class="govuk-input govuk-input--width-20 govuk-input--error"' in page
    assert 'aria-describedby="id_referrer_name_helptext id_referrer_name_error"' in page


def test_it_renders_labels_hints_and_controls_the_govuk_way():
    page = str(ReferralForm())
    assert (
        '<label class="govuk-label govuk-label--s" for="id_referrer_name">Your name</label>' in page
    )
    assert '<div id="id_referrer_name_helptext" class="govuk-hint">' in page
    assert 'autocomplete="name"' in page
    assert '<div class="govuk-radios" data-module="govuk-radios">' in page
    assert 'class="govuk-radios__input"' in page
    assert '<label class="govuk-label govuk-radios__label" for="id_consent_0">Yes</label>' in page
    assert 'class="govuk-select"' in page
    assert '<fieldset class="govuk-fieldset" role="group"' in page
    assert '<div class="govuk-date-input" id="id_received_on">' in page
    assert 'inputmode="numeric"' in page
    assert "govuk-form-group--error" not in page
    assert " required" not in page


def test_it_keeps_what_was_typed_when_the_form_has_errors():
    data = valid_data(
        referrer_name="Sam Patel",
        received_on_day="31",
        received_on_month="2",
        consent="no",
        agency="",
    )
    page = str(ReferralForm(data))
    assert 'value="Sam Patel"' in page
    assert 'name="received_on_day" value="31"' in page
    assert 'name="received_on_month" value="2"' in page
    assert 'name="received_on_year" value="2024"' in page
    assert 'value="no" id="id_consent_1" class="govuk-radios__input" checked' in page


def test_it_asks_for_the_date_with_the_fields_own_required_message():
    assert errors_for(
        valid_data(received_on_day="", received_on_month="", received_on_year=""), "received_on"
    ) == ["Enter the date of the referral"]


def test_it_builds_the_required_message_from_the_label():
    class Form(GovukForm):
        decided_on = GovukDateField(label="Date of the decision")

    form = Form({})
    assert form.errors["decided_on"] == ["Enter date of the decision"]


def test_it_names_what_a_partial_date_is_missing():
    assert errors_for(valid_data(received_on_month=""), "received_on") == [
        "Date of referral must include a month"
    ]
    assert errors_for(valid_data(received_on_day="", received_on_year=""), "received_on") == [
        "Date of referral must include a day and year"
    ]


def test_it_marks_only_the_missing_box_as_in_error():
    page = ReferralForm(valid_data(received_on_month=""))["received_on"].as_field_group()
    assert (
        'id="id_received_on_month" class="govuk-input govuk-date-input__input '
        'govuk-input--width-2 govuk-input--error"'
    ) in page
    assert (
        'id="id_received_on_day" class="govuk-input govuk-date-input__input govuk-input--width-2"'
        in page
    )


def test_it_rejects_dates_that_do_not_exist():
    for day, month, year in [("31", "2", "2024"), ("1", "13", "2024"), ("1", "x", "2024")]:
        data = valid_data(received_on_day=day, received_on_month=month, received_on_year=year)
        assert errors_for(data, "received_on") == ["Date of referral must be a real date"]


def test_it_asks_for_a_four_digit_year():
    assert errors_for(valid_data(received_on_year="24"), "received_on") == [
        "Year must include 4 numbers"
    ]


def test_it_rejects_a_date_of_referral_in_the_future_but_accepts_today():
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)

    def on(date: datetime.date) -> dict[str, str]:
        return valid_data(
            received_on_day=str(date.day),
            received_on_month=str(date.month),
            received_on_year=str(date.year),
        )

    assert errors_for(on(tomorrow), "received_on") == [
        "Date of referral must be today or in the past"
    ]
    assert errors_for(on(today), "received_on") == []


def test_it_rejects_a_date_of_birth_that_is_not_in_the_past():
    today = timezone.localdate()
    data = valid_data(
        date_of_birth_day=str(today.day),
        date_of_birth_month=str(today.month),
        date_of_birth_year=str(today.year),
    )
    assert errors_for(data, "date_of_birth") == ["Date of birth must be in the past"]


def test_it_leaves_an_empty_optional_date_empty():
    form = ReferralForm(valid_data())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] is None


def test_it_escapes_what_was_typed():
    typed = '<script>alert("x")</script>'
    form = ReferralForm(valid_data(referrer_name=typed, received_on_day=typed))
    page = str(form) + render_to_string("core/error_summary.html", {"form": form})
    assert "<script>" not in page
    assert f'value="{html.escape(typed)}"' in page


def test_it_uses_govuk_date_inputs_for_model_date_fields():
    with isolate_apps("safeguard.core"):

        class Visit(models.Model):
            visited_on = models.DateField("Date of the visit")
            notes = models.TextField(blank=True)

            class Meta:
                app_label = "core"

            def __str__(self) -> str:
                return str(self.visited_on)

        class VisitForm(GovukModelForm):
            class Meta:
                model = Visit
                fields = ["visited_on", "notes"]

        form = VisitForm({"visited_on_day": "2", "visited_on_month": "", "visited_on_year": ""})
        assert isinstance(form.fields["visited_on"], GovukDateField)
        assert form.errors["visited_on"] == ["Date of the visit must include a month and year"]
        assert 'class="govuk-textarea"' in form["notes"].as_field_group()
