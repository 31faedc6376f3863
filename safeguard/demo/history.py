"""The partnership's history: the calibrated generator's five reporting years, 2012-13 to 2016-17
(the annual report for 2016-17 shows a five-year trend), brought into the live records by the
journey loader, the path a council takes to bring its history across from a legacy system.

The council is Herefordshire-sized by default (36,050 children aged 0-17). A dataset holds no
names: Faker gives each child one to suit the gender recorded. The load is recorded as done by a
user of its own, who can sign in to nothing, so every record says where it came from.
"""

import random

import pyarrow.compute as pc
from django.conf import settings
from faker import Faker

from safeguard.access.models import Agency, AgencyKind, Role, User
from safeguard.journey.dataset import Dataset
from safeguard.journey.generate import Council, generate
from safeguard.journey.generate.rates import DEFAULT_POPULATION
from safeguard.journey.load import LoadReport, load

FIRST_YEAR, LAST_YEAR = 2012, 2016  # the reporting years 2012-13 to 2016-17
LOADED_BY = "records.import@council.example.org"


class FakerNamer:
    """Names for the children of a dataset, the same for the same seed."""

    def __init__(self, seed: int) -> None:
        self.fake = Faker("en_GB")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)

    def __call__(self, row: dict) -> tuple[str, str]:
        boy = row["gender"] == "1" or (row["gender"] != "2" and self.rng.random() < 0.5)
        first = self.fake.first_name_male() if boy else self.fake.first_name_female()
        return first, self.fake.last_name()


def _loader() -> User:
    user, made = User.objects.get_or_create(
        email=LOADED_BY,
        defaults={
            "full_name": "Records brought across from the legacy system",
            "agency": Agency.objects.get(kind=AgencyKind.CHILDRENS_SERVICES),
            "role": Role.objects.get(key="system_administrator"),
            "job_title": "Data migration",
        },
    )
    if made:
        user.set_unusable_password()
        user.save()
    return user


def history(children: int = DEFAULT_POPULATION, seed: int = 2017) -> Dataset:
    """The council's five years as the generator makes them, less the contacts the MASH had not
    decided when they end: the demo's MASH queue is today's, and a contact still open on
    31 March 2017 counts in no measure of those years (it made no referral yet)."""
    dataset = generate([Council(settings.LA_CODE, children)], FIRST_YEAR, LAST_YEAR, seed)
    contacts = dataset["contacts"]
    decided = contacts.filter(pc.is_valid(contacts.column("outcome")))
    return Dataset.build(dict(dataset.tables) | {"contacts": decided})


def seed_history(*, children: int = DEFAULT_POPULATION, seed: int = 2017) -> LoadReport:
    """Generate the council's five years and load them; what the load created."""
    return load(history(children, seed), by=_loader(), namer=FakerNamer(seed))
