"""Search before create: the records that may be this child are shown before a new one is added."""

import re
from datetime import date

import pytest
from django.utils.html import escape
from factories import AddressFactory, ChildFactory, sign_in_as, valid_nhs_number
from hypothesis import assume, given
from hypothesis import strategies as st

from safeguard.access.models import AccessEvent, AccessKind, Outcome
from safeguard.people.models import Child, FormerName
from safeguard.people.search import Criteria, find_candidates, score

# Valid by the modulus 11 rule, worked by hand:
# 9 4 3 4 7 6 5 9 1 weighted 10..2 sum to 299; 299 % 11 = 2; 11 - 2 = 9.
NHS_NUMBER = "9434765919"
# 4 0 1 0 2 3 2 1 3 weighted 10..2 sum to 92; 92 % 11 = 4; 11 - 4 = 7.
OTHER_NHS_NUMBER = "4010232137"
# 8 8 4 2 0 0 1 2 4 0 0 2 weighted 2..13 sum to 158; 158 % 23 = 20, the letter X.
UPN = "X884200124002"

BORN = date(2015, 3, 7)

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz'- ", min_size=1, max_size=20)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2024, 12, 31))


def candidates_for(**details: object) -> list:
    return find_candidates(Criteria.from_form(details), Child.objects.all())


def only_candidate(**details: object):
    candidates = candidates_for(**details)
    assert len(candidates) == 1, candidates
    return candidates[0]


# Identifiers -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_it_treats_an_identical_nhs_number_as_the_same_child_whatever_the_name():
    child = ChildFactory(
        first_name="Amara",
        last_name="Okafor",
        date_of_birth=date(2016, 9, 12),
        nhs_number=NHS_NUMBER,
    )
    candidate = only_candidate(
        first_name="Tom",
        last_name="Baker",
        date_of_birth=date(2010, 1, 1),
        nhs_number="943 476 5919",
    )
    assert candidate.child == child
    assert candidate.strength == "Same child"
    assert candidate.reasons == ["same NHS number"]


@pytest.mark.django_db
def test_it_treats_an_identical_upn_as_the_same_child_whatever_the_name():
    child = ChildFactory(first_name="Amara", last_name="Okafor", nhs_number="", upn=UPN)
    candidate = only_candidate(first_name="Tom", last_name="Baker", upn="x884 2001 24002")
    assert candidate.child == child
    assert candidate.strength == "Same child"
    assert candidate.reasons == ["same UPN"]


@pytest.mark.django_db
def test_it_treats_an_identical_la_child_id_as_the_same_child_whatever_the_name():
    child = ChildFactory(first_name="Amara", last_name="Okafor")
    candidate = only_candidate(
        first_name="Tom", last_name="Baker", la_child_id=f" {child.la_child_id.lower()} "
    )
    assert candidate.child == child
    assert candidate.strength == "Same child"
    assert candidate.reasons == ["same LA child ID"]


@given(child_first=names, child_last=names, wanted_first=names, wanted_last=names, born=dates)
def test_an_identical_nhs_number_is_decisive_for_any_names(
    child_first, child_last, wanted_first, wanted_last, born
):
    child = Child(first_name=child_first, last_name=child_last, nhs_number=NHS_NUMBER)
    wanted = Criteria(
        first_name=wanted_first, last_name=wanted_last, date_of_birth=born, nhs_number=NHS_NUMBER
    )
    candidate = score(wanted, child)
    assert candidate is not None
    assert candidate.decisive
    assert candidate.strength == "Same child"


@pytest.mark.django_db
def test_a_different_nhs_number_rules_out_an_otherwise_perfect_match():
    ChildFactory(first_name="Jaden", last_name="Smith", date_of_birth=BORN, nhs_number=NHS_NUMBER)
    details = {"first_name": "Jaden", "last_name": "Smith", "date_of_birth": BORN}
    assert len(candidates_for(**details)) == 1, "without an NHS number the child is found"
    assert candidates_for(**details, nhs_number=OTHER_NHS_NUMBER) == []


@given(seeds=st.tuples(st.integers(), st.integers()), first=names, last=names, born=dates)
def test_two_different_nhs_numbers_are_never_the_same_child(seeds, first, last, born):
    known, wanted = (valid_nhs_number(seed) for seed in seeds)
    assume(known != wanted)
    child = Child(first_name=first, last_name=last, date_of_birth=born, nhs_number=known)
    criteria = Criteria(first_name=first, last_name=last, date_of_birth=born, nhs_number=wanted)
    assert score(criteria, child) is None


# Names and dates of birth ------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("known", "typed"),
    [
        (("Jaden", "Smyth"), ("Jaden", "Smith")),
        (("Jayden", "Smith"), ("Jaden", "Smith")),
        (("Jayden", "Smyth"), ("Jaden", "Smith")),
    ],
)
def test_it_shows_a_misspelt_name_with_the_same_date_of_birth_as_a_likely_match(known, typed):
    child = ChildFactory(first_name=known[0], last_name=known[1], date_of_birth=BORN)
    candidate = only_candidate(first_name=typed[0], last_name=typed[1], date_of_birth=BORN)
    assert candidate.child == child
    assert candidate.strength == "Likely match"
    assert "same date of birth" in candidate.reasons


@pytest.mark.django_db
def test_it_finds_a_date_of_birth_with_day_and_month_swapped():
    child = ChildFactory(first_name="Olivia", last_name="Hughes", date_of_birth=date(2014, 5, 9))
    candidate = only_candidate(
        first_name="Olivia", last_name="Hughes", date_of_birth=date(2014, 9, 5)
    )
    assert candidate.child == child
    assert "date of birth with day and month swapped" in candidate.reasons
    # 50 for the name and two thirds of 35 (23) for the date: 73 of 85 is above 85%.
    assert candidate.strength == "Likely match"


@pytest.mark.django_db
def test_it_searches_former_names():
    child = ChildFactory(first_name="Amelia", last_name="Jones", date_of_birth=date(2013, 11, 20))
    FormerName.objects.create(child=child, first_name="Amelia", last_name="Whitlock")
    candidate = only_candidate(
        first_name="Amelia", last_name="Whitlock", date_of_birth=date(2013, 11, 20)
    )
    assert candidate.child == child
    assert "similar former name" in candidate.reasons
    assert candidate.strength == "Likely match"


@pytest.mark.django_db
def test_a_postcode_alone_lists_the_children_living_there():
    at_home = [AddressFactory(postcode="HR1 2HX").child, AddressFactory(postcode="HR1 2HX").child]
    AddressFactory(postcode="WR1 1AA")
    listed = [c.child for c in candidates_for(postcode="hr12hx")]
    assert sorted(listed, key=lambda c: c.pk) == at_home


@pytest.mark.django_db
def test_it_shows_nothing_for_an_unrelated_child():
    AddressFactory(
        child=ChildFactory(
            first_name="Priya", last_name="Sharma", date_of_birth=date(2011, 11, 22)
        ),
        postcode="HR1 2HX",
    )
    assert (
        candidates_for(
            first_name="Oliver",
            last_name="Bennett",
            date_of_birth=date(2014, 5, 10),
            postcode="WR1 1AA",
        )
        == []
    )


# Scope -------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "finds"),
    [("mash_worker", True), ("partner_practitioner", False), ("early_help_practitioner", False)],
)
def test_it_only_finds_children_in_the_users_scope(personas, role, finds):
    child = ChildFactory(first_name="Jaden", last_name="Smith", date_of_birth=BORN)
    criteria = Criteria(first_name="Jaden", last_name="Smith", date_of_birth=BORN)
    children = Child.objects.in_scope_of(personas[role])
    assert [c.child for c in find_candidates(criteria, children)] == ([child] if finds else [])


@pytest.mark.django_db
def test_an_early_help_practitioner_finds_no_child_outside_their_allocations(client, personas):
    ChildFactory(first_name="Jaden", last_name="Smith", date_of_birth=BORN)
    sign_in_as(client, personas["early_help_practitioner"])
    response = client.get("/children/", {"last_name": "Smith"})
    assert response.status_code == 200
    assert "No children match these details." in response.content.decode()
    assert "Jaden" not in response.content.decode()


# Through the pages -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_search_before_adding_lists_the_child_already_known(client, personas):
    child = ChildFactory(first_name="Jayden", last_name="Smyth", date_of_birth=BORN)
    sign_in_as(client, personas["mash_worker"])
    response = client.get(
        "/children/add/",
        {
            "first_name": "Jaden",
            "last_name": "Smith",
            "date_of_birth_day": "7",
            "date_of_birth_month": "3",
            "date_of_birth_year": "2015",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Jayden Smyth" in page
    assert child.la_child_id in page
    assert "Likely match" in page
    assert AccessEvent.objects.filter(
        child_id=child.pk, user=personas["mash_worker"], kind=AccessKind.SEARCH
    ).exists()


@pytest.mark.django_db
def test_the_add_form_sends_you_to_search_first(client, personas):
    sign_in_as(client, personas["mash_worker"])
    response = client.get("/children/add/details/")
    assert response.status_code == 302
    assert response["Location"] == "/children/add/"


@pytest.mark.django_db
def test_it_refuses_to_add_a_child_with_the_nhs_number_of_a_known_child(adder, child_details):
    ChildFactory(first_name="Amara", last_name="Okafor", nhs_number=NHS_NUMBER)
    before = Child.objects.count()
    response = adder.post("/children/add/details/", {**child_details, "nhs_number": NHS_NUMBER})
    assert response.status_code == 200
    assert escape("A child with this NHS number or UPN is already known") in (
        response.content.decode()
    )
    assert Child.objects.count() == before


@pytest.mark.django_db
def test_it_refuses_to_add_a_child_with_the_upn_of_a_known_child(adder, child_details):
    ChildFactory(first_name="Amara", last_name="Okafor", nhs_number="", upn=UPN)
    before = Child.objects.count()
    response = adder.post("/children/add/details/", {**child_details, "upn": UPN.lower()})
    assert response.status_code == 200
    assert escape("A child with this NHS number or UPN is already known") in (
        response.content.decode()
    )
    assert Child.objects.count() == before


@pytest.mark.django_db
def test_it_adds_a_child_with_an_la_child_id_and_an_address(adder, personas, child_details):
    response = adder.post("/children/add/details/", {**child_details, "nhs_number": NHS_NUMBER})
    child = Child.objects.get(nhs_number=NHS_NUMBER)
    assert (child.first_name, child.last_name, child.date_of_birth) == (
        "Ruby",
        "Fenwick",
        date(2016, 6, 14),
    )
    assert re.fullmatch(r"C[0-9]{7}", child.la_child_id)
    assert int(child.la_child_id[1:]) == child.pk
    address = child.addresses.get()
    assert (address.line_1, address.town, address.postcode) == (
        "12 Bath Street",
        "Hereford",
        "HR1 2HX",
    )
    assert (
        AccessEvent.objects.filter(
            child_id=child.pk,
            user=personas["mash_worker"],
            kind=AccessKind.CREATE,
            outcome=Outcome.ALLOWED,
        ).count()
        == 1
    )
    assert response.status_code == 302
    assert response["Location"] == f"/children/{child.pk}/"


@pytest.mark.django_db
def test_it_adds_a_child_whose_nhs_number_is_typed_in_groups_as_on_the_nhs_card(
    adder, child_details
):
    # The form's own message asks for an NHS number "like 999 234 5675": typed so, it is taken.
    response = adder.post("/children/add/details/", {**child_details, "nhs_number": "943 476 5919"})
    assert response.status_code == 302
    assert Child.objects.get(first_name="Ruby").nhs_number == NHS_NUMBER


@pytest.mark.django_db
def test_a_second_child_needs_a_new_search(adder, child_details):
    adder.post("/children/add/details/", child_details)
    response = adder.get("/children/add/details/")
    assert response.status_code == 302
    assert response["Location"] == "/children/add/"
