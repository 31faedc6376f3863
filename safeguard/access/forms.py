from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest

from safeguard.access.models import AccessKind, User
from safeguard.core.forms import GovukDateField, GovukForm


class SignInForm(GovukForm):
    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "username", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request: HttpRequest, *args: object, **kwargs: object) -> None:
        self.request = request
        self.user: User | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, object]:
        data = super().clean()
        if self.errors:
            return data
        # authenticate() is where django-axes counts failures and refuses locked accounts.
        user = authenticate(self.request, username=data["email"].lower(), password=data["password"])
        if user is None:
            raise forms.ValidationError(
                "Enter the email address and password for your account", code="invalid_login"
            )
        self.user = user
        return data


class AccessLogFilterForm(GovukForm):
    user = forms.CharField(
        label="User", required=False, help_text="Part of a name or email address"
    )
    child = forms.CharField(label="Child's LA child ID", required=False)
    kind = forms.ChoiceField(
        label="Kind of access",
        required=False,
        choices=[("", "Any kind"), *AccessKind.choices],
    )
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return data


class TwoFactorForm(GovukForm):
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app",
        max_length=6,
        min_length=6,
        error_messages={
            "required": "Enter the security code",
            "min_length": "Enter the 6-digit security code",
            "max_length": "Enter the 6-digit security code",
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "govuk-input--width-5",
            }
        ),
    )
