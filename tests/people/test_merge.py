"""Merging two records of the same child: everything moves to the record kept, or nothing does."""

from datetime import date

import pytest
from django.utils.html import escape
from factories import AddressFactory, ChildFactory, sign_in_as

from safeguard.access.models import RestrictedRecord
from safeguard.people import merge
from safeguard.people.codes import RelationshipKind
from safeguard.people.merge import MergeRefused, merge_children, register_merge_check
from safeguard.people.models import Address, Child, FormerName, Merge, Person, Relationship

# 9 4 3 4 7 6 5 9 1 weighted 10..2 sum to 299; 11 - 299 % 11 = 9.
NHS_NUMBER = "9434765919"
# 4 0 1 0 2 3 2 1 3 weighted 10..2 sum to 92; 11 - 92 % 11 = 7.
OTHER_NHS_NUMBER = "4010232137"
# 8 8 4 2 0 0 1 2 4 0 0 2 weighted 2..13 sum to 158; 158 % 23 = 20, the letter X.
UPN = "X884200124002"
BORN = date(2015, 3, 7)
WHY = "The school confirmed these are the same child"


@pytest.fixture
def kept(db):
    return ChildFactory(
        first_name="Jaden", last_name="Smith", date_of_birth=BORN, nhs_number=NHS_NUMBER, upn=""
    )


@pytest.fixture
def duplicate(db):
    """A second record of the same child, with an address, a mother, a sibling and a former name."""
    child = ChildFactory(
        first_name="Jayden", last_name="Smyth", date_of_birth=BORN, nhs_number="", upn=UPN
    )
    AddressFactory(child=child, line_1="3 Eign Street", postcode="HR4 0AA")
    mother = Person.objects.create(first_name="Dawn", last_name="Smyth")
    Relationship.objects.create(
        child=child, person=mother, kind=RelationshipKind.MOTHER, parental_responsibility=True
    )
    sibling = ChildFactory(first_name="Kai", last_name="Smyth")
    Relationship.objects.create(child=sibling, related_child=child, kind=RelationshipKind.SIBLING)
    FormerName.objects.create(child=child, first_name="Jayden", last_name="Carter")
    return child


@pytest.fixture
def register_check():
    """Register merge checks for one test; they are removed from the registry afterwards."""
    added = []

    def register(check: merge.MergeCheck) -> None:
        register_merge_check(check)
        added.append(check)

    yield register
    for check in added:
        merge._checks.remove(check)


def everything() -> dict[str, object]:
    """The state a merge changes, to show that a refused merge changed none of it."""
    return {
        "children": list(
            Child.objects.order_by("pk").values_list(
                "pk", "first_name", "last_name", "nhs_number", "upn", "merged_into"
            )
        ),
        "addresses": list(Address.objects.order_by("pk").values_list("pk", "child")),
        "relationships": list(
            Relationship.objects.order_by("pk").values_list("pk", "child", "related_child")
        ),
        "former_names": list(FormerName.objects.order_by("pk").values_list("pk", "child")),
        "merges": Merge.objects.count(),
    }


def test_merging_moves_addresses_relationships_and_former_names(kept, duplicate, personas):
    merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert [a.line_1 for a in kept.addresses.all()] == ["3 Eign Street"]
    assert [(r.person.first_name, r.kind) for r in kept.relationships.all()] == [
        ("Dawn", RelationshipKind.MOTHER)
    ]
    assert Relationship.objects.get(kind=RelationshipKind.SIBLING).related_child == kept
    assert not duplicate.addresses.exists()
    assert not duplicate.relationships.exists()


def test_merging_records_the_duplicates_name_as_a_former_name(kept, duplicate, personas):
    merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert sorted((f.first_name, f.last_name) for f in kept.former_names.all()) == [
        ("Jayden", "Carter"),
        ("Jayden", "Smyth"),
    ]
    kept.refresh_from_db()
    assert (kept.first_name, kept.last_name) == ("Jaden", "Smith")


def test_merging_marks_the_duplicate_as_merged_into_the_record_kept(kept, duplicate, personas):
    manager = personas["mash_manager"]
    merge_children(kept, duplicate, by=manager, reason=WHY)

    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept
    assert set(Child.objects.current()) == {kept, Child.objects.get(first_name="Kai")}
    record = Merge.objects.get()
    assert (record.kept, record.duplicate, record.merged_by, record.reason) == (
        kept,
        duplicate,
        manager,
        WHY,
    )


def test_the_record_kept_takes_identifiers_it_did_not_have(personas):
    kept = ChildFactory(first_name="Jaden", last_name="Smith", nhs_number="", upn=UPN)
    duplicate = ChildFactory(first_name="Jaden", last_name="Smith", nhs_number=NHS_NUMBER, upn="")
    merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert (kept.nhs_number, kept.upn) == (NHS_NUMBER, UPN)
    assert (duplicate.nhs_number, duplicate.upn) == ("", "")
    assert not kept.former_names.exists(), "the same name is not a former name"


def test_a_restriction_on_the_duplicate_protects_the_merged_record(kept, duplicate, personas):
    RestrictedRecord.objects.create(
        child=duplicate, reason="A member of staff's child", restricted_by=personas["team_manager"]
    )
    merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert RestrictedRecord.objects.get(child=kept).reason == "A member of staff's child"


@pytest.mark.parametrize("linked_from", ["kept", "duplicate"])
def test_a_child_is_never_their_own_relative_after_a_merge(kept, duplicate, personas, linked_from):
    # Before anyone saw they were one child, the two records were linked as siblings.
    one, other = (kept, duplicate) if linked_from == "kept" else (duplicate, kept)
    Relationship.objects.create(child=one, related_child=other, kind=RelationshipKind.SIBLING)

    merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert not Relationship.objects.filter(child=kept, related_child=kept).exists()


def test_it_refuses_to_merge_records_with_different_nhs_numbers(kept, duplicate, personas):
    duplicate.nhs_number = OTHER_NHS_NUMBER
    duplicate.save()
    before = everything()

    with pytest.raises(MergeRefused) as refused:
        merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert refused.value.reasons == [
        "The records have different NHS numbers, so they are different children"
    ]
    assert everything() == before


def test_it_refuses_when_a_registered_check_says_no_and_changes_nothing(
    kept, duplicate, personas, register_check
):
    register_check(lambda kept, duplicate: None)
    register_check(lambda kept, duplicate: "Both records have an open child in need episode")
    before = everything()

    with pytest.raises(MergeRefused) as refused:
        merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert refused.value.reasons == ["Both records have an open child in need episode"]
    assert everything() == before


def test_a_registered_check_that_has_no_objection_lets_the_merge_go_ahead(
    kept, duplicate, personas, register_check
):
    seen = []
    register_check(lambda kept, duplicate: seen.append((kept, duplicate)))

    merge_children(kept, duplicate, by=personas["mash_manager"], reason=WHY)

    assert seen == [(kept, duplicate)]
    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept


# Through the page --------------------------------------------------------------------------------


def test_a_mash_manager_merges_a_duplicate_by_its_la_child_id(client, kept, duplicate, personas):
    sign_in_as(client, personas["mash_manager"])
    response = client.post(
        f"/children/{kept.pk}/merge/",
        {"duplicate": f" {duplicate.la_child_id.lower()} ", "reason": WHY},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/children/{kept.pk}/"
    duplicate.refresh_from_db()
    assert duplicate.merged_into == kept
    assert [a.line_1 for a in kept.addresses.all()] == ["3 Eign Street"]


def test_the_merge_page_shows_why_a_merge_was_refused(client, kept, duplicate, personas):
    duplicate.nhs_number = OTHER_NHS_NUMBER
    duplicate.save()
    before = everything()
    sign_in_as(client, personas["mash_manager"])
    response = client.post(
        f"/children/{kept.pk}/merge/", {"duplicate": duplicate.la_child_id, "reason": WHY}
    )
    assert response.status_code == 200
    assert escape("The records have different NHS numbers, so they are different children") in (
        response.content.decode()
    )
    assert everything() == before


def test_the_merge_page_refuses_an_la_child_id_that_is_not_known(client, kept, personas):
    sign_in_as(client, personas["mash_manager"])
    response = client.post(f"/children/{kept.pk}/merge/", {"duplicate": "C9999999", "reason": WHY})
    assert response.status_code == 200
    assert '<a href="#id_duplicate">There is no record you can open with this LA child ID</a>' in (
        response.content.decode()
    )
    assert Merge.objects.count() == 0


def test_a_social_worker_may_not_merge_records(client, kept, duplicate, personas):
    before = everything()
    sign_in_as(client, personas["social_worker"])
    response = client.post(
        f"/children/{kept.pk}/merge/", {"duplicate": duplicate.la_child_id, "reason": WHY}
    )
    assert response.status_code == 403
    assert everything() == before
