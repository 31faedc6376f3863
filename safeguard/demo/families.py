"""Children and families for the demo partnership: realistic names, dates and postcodes.

Deterministic for a seed. Identifiers are valid (NHS numbers with their check digit, UPNs with
their check letter) because they are made with the same functions the forms validate with.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from faker import Faker
from simple_history.utils import bulk_create_with_history

from safeguard.access.models import RestrictedRecord, User
from safeguard.core.identifiers import nhs_check_digit, upn_check_letter
from safeguard.people.codes import Disability, Ethnicity, Gender, RelationshipKind
from safeguard.people.models import Address, Child, Person, Relationship
from safeguard.people.names import phonetic_key

# Roughly the ethnic mix of a rural English county's children (mostly White British).
ETHNICITY_WEIGHTS = {
    Ethnicity.WBRI: 86,
    Ethnicity.WOTH: 5,
    Ethnicity.WROM: 1,
    Ethnicity.WIRT: 0.5,
    Ethnicity.MWBC: 1,
    Ethnicity.MWAS: 1,
    Ethnicity.MOTH: 1,
    Ethnicity.AIND: 0.5,
    Ethnicity.APKN: 0.5,
    Ethnicity.AOTH: 0.5,
    Ethnicity.BAFR: 0.5,
    Ethnicity.CHNE: 0.3,
    Ethnicity.OOTH: 0.7,
    Ethnicity.NOBT: 1.5,
}
TOWNS = {
    "Hereford": ["HR1", "HR2", "HR4"],
    "Leominster": ["HR6"],
    "Ledbury": ["HR8"],
    "Ross-on-Wye": ["HR9"],
    "Bromyard": ["HR7"],
    "Kington": ["HR5"],
    "Hay-on-Wye": ["HR3"],
}
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters used in an inward code


@dataclass
class Household:
    surname: str
    address: tuple[str, str, str]


def _unique(make, used: set[str]) -> str:
    """Identifiers are unique per child: draw again on the rare repeat."""
    while (value := make()) in used:
        pass
    used.add(value)
    return value


def _nhs_number(rng: random.Random) -> str:
    while True:
        first_nine = f"{rng.randint(400_000_000, 799_999_999)}"
        digit = nhs_check_digit(first_nine)
        if digit is not None:
            return f"{first_nine}{digit}"


def _upn(rng: random.Random, la_number: str = "884") -> str:
    rest = f"{la_number}{rng.randint(2000, 2999)}{rng.randint(0, 99):02d}{rng.randint(0, 999):03d}"
    return f"{upn_check_letter(rest)}{rest}"


def _address(fake: Faker, rng: random.Random) -> tuple[str, str, str]:
    town = rng.choice(list(TOWNS))
    outward = rng.choice(TOWNS[town])
    inward = f"{rng.randint(1, 9)}{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}"
    return fake.street_address(), town, f"{outward} {inward}"


@transaction.atomic
def seed_families(households: int, *, seed: int = 2017, today: date | None = None) -> int:
    """Create `households` families with one to four children each; return the children made."""
    today = today or date.today()
    rng = random.Random(seed)
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    next_id = (Child.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    children, addresses, people, relationships, siblings = [], [], [], [], []
    used_nhs = set(Child.objects.exclude(nhs_number="").values_list("nhs_number", flat=True))
    used_upn = set(Child.objects.exclude(upn="").values_list("upn", flat=True))
    for _ in range(households):
        surname = fake.last_name()
        address = _address(fake, rng)
        family: list[Child] = []
        for _child in range(rng.choices([1, 2, 3, 4], weights=[40, 35, 17, 8])[0]):
            gender = rng.choice([Gender.MALE, Gender.FEMALE])
            first = fake.first_name_male() if gender == Gender.MALE else fake.first_name_female()
            unborn = rng.random() < 0.01
            born = None if unborn else today - timedelta(days=rng.randint(0, 17 * 365 + 364))
            school_age = born is not None and (today - born).days > 5 * 365
            child = Child(
                la_child_id=f"C{next_id:07d}",
                first_name=first,
                last_name=surname,
                first_name_key=phonetic_key(first),
                last_name_key=phonetic_key(surname),
                date_of_birth=born,
                expected_date_of_birth=None
                if born
                else today + timedelta(days=rng.randint(20, 200)),
                gender=Gender.NOT_KNOWN if unborn else gender,
                ethnicity=rng.choices(
                    list(ETHNICITY_WEIGHTS), weights=list(ETHNICITY_WEIGHTS.values())
                )[0],
                disabilities=[rng.choice([d for d in Disability if d != Disability.NONE])]
                if rng.random() < 0.05
                else [Disability.NONE],
                nhs_number="" if unborn else _unique(lambda: _nhs_number(rng), used_nhs),
                upn=_unique(lambda: _upn(rng), used_upn)
                if school_age and rng.random() < 0.9
                else "",
                first_language="English"
                if rng.random() < 0.93
                else rng.choice(["Polish", "Romanian", "Bulgarian", "Lithuanian", "Urdu"]),
            )
            next_id += 1
            family.append(child)
            children.append(child)
            addresses.append((child, address))
        mother = Person(
            first_name=fake.first_name_female(),
            last_name=surname,
            date_of_birth=today - timedelta(days=rng.randint(19 * 365, 45 * 365)),
        )
        people.append(mother)
        relationships += [(c, mother, RelationshipKind.MOTHER, True) for c in family]
        if rng.random() < 0.6:
            father = Person(
                first_name=fake.first_name_male(),
                last_name=surname,
                date_of_birth=today - timedelta(days=rng.randint(20 * 365, 50 * 365)),
            )
            people.append(father)
            lives = rng.random() < 0.7
            relationships += [(c, father, RelationshipKind.FATHER, lives) for c in family]
        siblings += [(a, b) for a in family for b in family if a is not b]
    bulk_create_with_history(children, Child, batch_size=500)
    saved = {
        c.la_child_id: c
        for c in Child.objects.filter(la_child_id__in=[c.la_child_id for c in children])
    }
    Address.objects.bulk_create(
        [
            Address(
                child=saved[c.la_child_id],
                line_1=a[0],
                town=a[1],
                postcode=a[2],
                moved_in=saved[c.la_child_id].date_of_birth,
            )
            for c, a in addresses
        ],
        batch_size=500,
    )
    Person.objects.bulk_create(people, batch_size=500)
    Relationship.objects.bulk_create(
        [
            Relationship(
                child=saved[c.la_child_id],
                person=p,
                kind=k,
                lives_with_child=lives,
                parental_responsibility=k == RelationshipKind.MOTHER,
            )
            for c, p, k, lives in relationships
        ]
        + [
            Relationship(
                child=saved[a.la_child_id],
                related_child=saved[b.la_child_id],
                kind=RelationshipKind.SIBLING,
                lives_with_child=True,
            )
            for a, b in siblings
        ],
        batch_size=500,
    )
    return len(children)


def restrict_some(count: int, by: User, *, seed: int = 2017) -> list[Child]:
    """Restrict a few records, as a partnership does for staff members' children."""
    rng = random.Random(seed)
    pool = list(Child.objects.filter(restriction__isnull=True).values_list("pk", flat=True)[:500])
    chosen = Child.objects.filter(pk__in=rng.sample(pool, min(count, len(pool))))
    for child in chosen:
        RestrictedRecord.objects.create(
            child=child,
            reason="Child of a member of staff in children's services",
            restricted_by=by,
        )
    return list(chosen)
