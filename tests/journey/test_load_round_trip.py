"""A dataset loaded into the live records extracts back to itself; loading twice changes nothing;
a dataset that cannot be loaded leaves the database as it was."""

from datetime import UTC, date, datetime

import pytest
from factories import UserFactory
from factories_frontdoor import make_threshold_document

from safeguard.casework.models import ProtectionPlan
from safeguard.journey import ids
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import extract
from safeguard.journey.load import LoadError, load
from safeguard.people.models import Child

LA = "884"


def _dataset() -> Dataset:
    referral = ids.referral_id("C1", date(2016, 5, 3))
    second = ids.referral_id("C2", date(2016, 9, 12))
    plan = ids.cp_plan_id(referral, date(2016, 6, 1))
    child = {
        "la": LA,
        "upn": None,
        "former_upn": None,
        "upn_unknown": "UN1",
        "expected_date_of_birth": None,
        "ethnicity": "WBRI",
        "date_of_death": None,
        "uasc": False,
    }
    return Dataset.build(
        {
            "children": [
                child
                | {
                    "child_id": "C1",
                    "date_of_birth": date(2012, 2, 1),
                    "gender": "1",
                    "disabilities": ["NONE"],
                },
                child
                | {
                    "child_id": "C2",
                    "date_of_birth": date(2010, 7, 9),
                    "gender": "2",
                    "disabilities": ["AUT", "COMM"],
                },
            ],
            "referrals": [
                {
                    "la": LA,
                    "child_id": "C1",
                    "referral_id": referral,
                    "referral_date": date(2016, 5, 3),
                    "source": "6",
                    "primary_need": "N1",
                    "nfa": False,
                    "closure_date": None,
                    "closure_reason": None,
                },
                {
                    "la": LA,
                    "child_id": "C2",
                    "referral_id": second,
                    "referral_date": date(2016, 9, 12),
                    "source": "2A",
                    "primary_need": "N4",
                    "nfa": True,
                    "closure_date": date(2016, 10, 20),
                    "closure_reason": "RC8",
                },
            ],
            "assessments": [
                {
                    "la": LA,
                    "child_id": "C1",
                    "referral_id": referral,
                    "assessment_id": ids.assessment_id(referral, date(2016, 5, 4)),
                    "start_date": date(2016, 5, 4),
                    "authorisation_date": date(2016, 6, 20),
                    "factors": ["3A", "16A"],
                },
                {
                    "la": LA,
                    "child_id": "C2",
                    "referral_id": second,
                    "assessment_id": ids.assessment_id(second, date(2016, 9, 13)),
                    "start_date": date(2016, 9, 13),
                    "authorisation_date": date(2016, 10, 20),
                    "factors": ["21"],
                },
            ],
            "strategy_discussions": [
                {
                    "la": LA,
                    "child_id": "C1",
                    "referral_id": referral,
                    "discussion_id": ids.discussion_id(referral, date(2016, 5, 10)),
                    "held_date": date(2016, 5, 10),
                    "decision": "s47_joint",
                },
            ],
            "section47": [
                {
                    "la": LA,
                    "child_id": "C1",
                    "referral_id": referral,
                    "s47_id": ids.s47_id(referral, date(2016, 5, 10)),
                    "start_date": date(2016, 5, 10),
                    "icpc_target_date": date(2016, 6, 1),
                    "icpc_date": date(2016, 6, 1),
                    "icpc_not_required": False,
                },
            ],
            "cp_plans": [
                {
                    "la": LA,
                    "child_id": "C1",
                    "referral_id": referral,
                    "cp_plan_id": plan,
                    "start_date": date(2016, 6, 1),
                    "end_date": None,
                    "initial_category": "NEG",
                    "latest_category": "EMO",
                    "previous_plans": 0,
                },
            ],
            "cp_reviews": [
                {"la": LA, "child_id": "C1", "cp_plan_id": plan, "review_date": date(2016, 8, 30)}
            ],
            "cin_plans": [],
            "contacts": [
                {
                    "la": LA,
                    "child_id": "C1",
                    "contact_id": "FD16-000001",
                    "received_at": datetime(2016, 5, 3, 9, 30, tzinfo=UTC),
                    "source": "6",
                    "referrer_agency_kind": None,
                    "rag": "amber",
                    "rag_deadline": datetime(2016, 5, 6, 9, 30, tzinfo=UTC),
                    "outcome": "strategy",
                    "threshold_level": 4,
                    "decided_at": datetime(2016, 5, 3, 15, 0, tzinfo=UTC),
                    "referral_id": referral,
                },
            ],
        }
    )


@pytest.fixture
def loader(db):
    make_threshold_document(in_force_from=date(2015, 4, 1))
    return UserFactory(role="system_administrator")


def test_a_loaded_dataset_extracts_back_to_itself(loader, settings):
    settings.LA_CODE = LA
    dataset = _dataset()
    report = load(dataset, by=loader)
    assert report.created["children"] == 2 and report.matched["children"] == 0
    assert extract().same_facts_as(dataset)
    plan = ProtectionPlan.objects.get()
    assert plan.conference is not None and plan.conference.held_on == date(2016, 6, 1)


def test_loading_the_same_dataset_twice_changes_nothing(loader, settings):
    settings.LA_CODE = LA
    load(_dataset(), by=loader)
    before = extract().fingerprint()
    report = load(_dataset(), by=loader)
    assert sum(report.created.values()) == 0
    assert report.matched["referrals"] == 2
    assert extract().fingerprint() == before


def test_a_dataset_that_fails_part_way_leaves_the_database_as_it_was(loader, settings):
    settings.LA_CODE = LA
    broken = _dataset()
    contacts = broken["contacts"].to_pylist()
    contacts[0]["threshold_level"] = 9  # no such level in any threshold document
    tables = dict(broken.tables) | {"contacts": contacts}
    with pytest.raises(LoadError, match="no threshold document with level 9"):
        load(Dataset.build(tables), by=loader)
    assert Child.objects.count() == 0


def test_another_councils_data_is_refused(loader, settings):
    settings.LA_CODE = "201"
    with pytest.raises(LoadError, match="this system is council 201"):
        load(_dataset(), by=loader)


def test_the_command_loads_a_dataset_folder_and_reports_what_it_did(loader, settings, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    settings.LA_CODE = LA
    _dataset().write(tmp_path / "ds")
    out = StringIO()
    call_command("journey", "load", str(tmp_path / "ds"), "--as", loader.email, stdout=out)
    assert "children: 2 created, 0 matched" in out.getvalue()
    call_command("journey", "extract", "--out", str(tmp_path / "again"), stdout=StringIO())
    assert Dataset.read(tmp_path / "again").same_facts_as(_dataset())


def test_the_command_refuses_a_folder_that_is_not_a_dataset(loader, tmp_path):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=r"Nothing was loaded: .* is not a journey dataset"):
        call_command("journey", "load", str(tmp_path), "--as", loader.email)
