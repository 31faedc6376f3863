"""Factories for the suite: people and organisations made the way the service makes them."""

import random
from datetime import date, timedelta

import factory
from factory.django import DjangoModelFactory

from safeguard.access.models import Agency, AgencyKind, Role, Team, User
from safeguard.core.identifiers import nhs_check_digit
from safeguard.people.models import Address, Child

PASSWORD = "correct horse battery staple"


def valid_nhs_number(seed: int) -> str:
    rng = random.Random(seed)
    while True:
        first_nine = f"{rng.randint(400_000_000, 799_999_999)}"
        digit = nhs_check_digit(first_nine)
        if digit is not None:
            return f"{first_nine}{digit}"


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Agency {n}")
    kind = AgencyKind.CHILDRENS_SERVICES


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class UserFactory(DjangoModelFactory):
    """A user holding one of the standard roles: `UserFactory(role="mash_manager")`."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    agency = factory.SubFactory(AgencyFactory)
    role = "social_worker"
    password = PASSWORD

    @classmethod
    def _create(cls, model_class: type[User], *args: object, **kwargs: object) -> User:
        role = kwargs.pop("role")
        kwargs["role"] = role if isinstance(role, Role) else Role.objects.get(key=role)
        return model_class.objects.create_user(*args, **kwargs)


class ChildFactory(DjangoModelFactory):
    class Meta:
        model = Child

    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    date_of_birth = factory.Sequence(lambda n: date(2012, 1, 1) + timedelta(days=n * 37 % 3000))
    nhs_number = factory.Sequence(valid_nhs_number)


class AddressFactory(DjangoModelFactory):
    class Meta:
        model = Address

    child = factory.SubFactory(ChildFactory)
    line_1 = factory.Faker("street_address", locale="en_GB")
    town = "Hereford"
    postcode = "HR1 2HX"


def sign_in_as(client, user: User) -> None:
    """Sign the test client in. django-axes' backend comes first but cannot load users back."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def make_threshold_document(version: int = 1, in_force_from: date = date(2015, 4, 1)):
    """A threshold document with the four levels most partnerships use."""
    from safeguard.frontdoor.models import ThresholdDocument, ThresholdLevel

    document = ThresholdDocument.objects.create(
        version=version, title="Continuum of need", in_force_from=in_force_from
    )
    for number, name in enumerate(
        ["Universal", "Early help", "Child in need", "Child protection"], start=1
    ):
        ThresholdLevel.objects.create(
            document=document, number=number, name=name, descriptors=f"{name} needs"
        )
    return document


def make_contact(*, referrer: User, child: Child | None = None, **fields: object):
    """A contact as the online form makes it, through the front door's own rules."""
    from safeguard.frontdoor.codes import EarlyHelpOffered, LawfulBasis
    from safeguard.frontdoor.models import Contact
    from safeguard.frontdoor.services import open_contact

    values: dict[str, object] = {
        "referrer": referrer,
        "referrer_name": referrer.full_name,
        "referrer_agency": referrer.agency,
        "child": child,
        "child_first_name": child.first_name if child else "Jayden",
        "child_last_name": child.last_name if child else "Smith",
        "child_date_of_birth": child.date_of_birth if child else date(2015, 6, 1),
        "lives_with": "Mother",
        "concerns": ["neglect"],
        "what_happened": "Came to school hungry again",
        "early_help_offered": EarlyHelpOffered.NO,
        "lawful_basis": LawfulBasis.CONSENT,
    }
    values.update(fields)
    return open_contact(Contact(**values), recorded_by=referrer)
