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
