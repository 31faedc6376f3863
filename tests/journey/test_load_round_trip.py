"""A dataset loaded into the live records extracts back to itself; loading twice changes nothing;
a dataset that cannot be loaded leaves the database as it was."""

from datetime import UTC, date, datetime

import pytest
from factories import UserFactory
from factories_frontdoor import make_threshold_document

from safeguard.casework.models import CareEpisode, ProtectionPlan
from safeguard.frontdoor.models import Contact
from safeguard.journey import ids
from safeguard.journey.dataset import Dataset
from safeguard.journey.extract import extract
from safeguard.journey.load import LoadError, load
from safeguard.journey.models import PopulationEstimate
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
            **_looked_after(),
            **_around(),
        }
    )


def _looked_after() -> dict[str, list[dict]]:
    episode = {"la": LA, "child_id": "C1", "category_of_need": "N1"}
    episode |= dict.fromkeys(("home_postcode", "placement_postcode", "urn"))
    missing = {"la": LA, "child_id": "C2"}
    return {
        "cla_episodes": [
            episode
            | {
                "start_date": date(2016, 6, 20),
                "reason_new_episode": "S",
                "legal_status": "V2",
                "placement": "U6",
                "placement_provider": "PR1",
                "end_date": date(2016, 8, 1),
                "reason_ceased": "X1",
                "reason_place_change": "CARPL",
            },
            episode
            | {
                "start_date": date(2016, 8, 1),
                "reason_new_episode": "P",
                "legal_status": "V2",
                "placement": "U4",
                "placement_provider": "PR4",
                "end_date": date(2017, 2, 10),
                # A special guardianship order before 2018-19: the return's code then.
                "reason_ceased": "E43",
                "reason_place_change": None,
                "urn": "SC123456",
            },
        ],
        "cla_reviews": [
            {"la": LA, "child_id": "C1", "review_date": date(2016, 7, 15), "participation": "PN1"},
            {"la": LA, "child_id": "C1", "review_date": date(2016, 10, 10), "participation": None},
        ],
        "missing_episodes": [
            # Back the next day and interviewed two days later; declined; not offered; still away.
            missing
            | {
                "kind": "M",
                "start_date": date(2016, 9, 3),
                "end_date": date(2016, 9, 4),
                "interview_offered": True,
                "interview_date": date(2016, 9, 6),
            },
            missing
            | {
                "kind": "A",
                "start_date": date(2016, 11, 20),
                "end_date": date(2016, 11, 20),
                "interview_offered": True,
                "interview_date": None,
            },
            missing
            | {
                "kind": "M",
                "start_date": date(2016, 12, 24),
                "end_date": date(2016, 12, 26),
                "interview_offered": False,
                "interview_date": None,
            },
            missing
            | {
                "kind": "M",
                "start_date": date(2017, 1, 30),
                "end_date": None,
                "interview_offered": None,
                "interview_date": None,
            },
        ],
    }


def _around() -> dict[str, list[dict]]:
    child = {"la": LA, "child_id": "C2"}
    return {
        "early_help": [
            child
            | {
                "episode_id": ids.early_help_id("C2", date(2016, 10, 25)),
                "start_date": date(2016, 10, 25),
                "end_date": date(2017, 2, 1),
                "lead_agency_kind": "education",
                "outcome": "needs_met",
            },
            child
            | {
                "episode_id": ids.early_help_id("C2", date(2017, 2, 20)),
                "start_date": date(2017, 2, 20),
                "end_date": None,
                "lead_agency_kind": None,
                "outcome": None,
            },
        ],
        "exploitation_screenings": [
            child | {"screened_on": date(2016, 11, 1), "band": "medium", "referred_to_panel": True},
            child | {"screened_on": date(2017, 1, 5), "band": "low", "referred_to_panel": False},
        ],
        "home_education": [
            child
            | {
                "start_date": date(2016, 11, 1),
                "reason": "sen",
                "end_date": date(2017, 1, 9),
                "end_reason": "school",
            },
            child
            | {
                "start_date": date(2017, 2, 1),
                "reason": None,
                "end_date": None,
                "end_reason": None,
            },
        ],
        "population": [
            {"la": LA, "year": "2015-16", "children": 36_050},
            {"la": LA, "year": "2016-17", "children": 36_050},
        ],
    }


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
    counts = _row_counts()
    report = load(_dataset(), by=loader)
    assert sum(report.created.values()) == 0
    # Counted from _dataset: 2 referrals, 2 episodes of care, 4 missing episodes, 2 estimates.
    assert report.matched["referrals"] == 2
    assert report.matched["cla_episodes"] == 2
    assert report.matched["missing_episodes"] == 4
    assert report.matched["population"] == 2
    assert extract().fingerprint() == before
    assert _row_counts() == counts


def _row_counts() -> dict[str, int]:
    """Rows in every table the load writes, history included."""
    from django.apps import apps

    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_a_dataset_that_fails_part_way_leaves_the_database_as_it_was(loader, settings):
    settings.LA_CODE = LA
    broken = _dataset()
    contacts = broken["contacts"].to_pylist()
    contacts[0]["threshold_level"] = 9  # no such level in any threshold document
    tables = dict(broken.tables) | {"contacts": contacts}
    with pytest.raises(LoadError, match="no threshold document with level 9"):
        load(Dataset.build(tables), by=loader)
    assert Child.objects.count() == 0


@pytest.mark.parametrize(
    ("table", "change", "message"),
    [
        # E45 replaced E43 from the SSDA903 of 2018-19: in 2016-17 it was not a code.
        ("cla_episodes", {"reason_ceased": "E45"}, "'E45', which is not a code for 2016-17"),
        ("cla_reviews", {"review_date": date(2016, 1, 4)}, "before any episode of care"),
        ("missing_episodes", {"interview_offered": False}, "an interview held but not offered"),
        ("early_help", {"outcome": None}, "ends without an outcome"),
        ("home_education", {"end_date": date(2016, 10, 1)}, "ending on 1 October 2016"),
        ("population", {"children": 0}, "must be 1 child or more"),
    ],
)
def test_a_table_that_fails_late_in_the_load_leaves_the_database_as_it_was(
    loader, settings, table, change, message
):
    settings.LA_CODE = LA
    broken = _dataset()
    rows = broken[table].to_pylist()
    rows[0] |= change
    with pytest.raises(LoadError, match=message):
        load(Dataset.build(dict(broken.tables) | {table: rows}), by=loader)
    # The children, referrals and contacts written before the failing table are gone again.
    assert Child.objects.count() == 0 and Contact.objects.count() == 0
    assert not CareEpisode.objects.exists() and not PopulationEstimate.objects.exists()


def test_a_different_population_for_a_year_already_loaded_is_refused(loader, settings):
    settings.LA_CODE = LA
    load(_dataset(), by=loader)
    revised = _dataset()
    rows = revised["population"].to_pylist()
    rows[1]["children"] = 36_100
    with pytest.raises(LoadError, match="2016-17 is 36,050 children here and 36,100 in the data"):
        load(Dataset.build(dict(revised.tables) | {"population": rows}), by=loader)
    assert PopulationEstimate.objects.get(year="2016-17").children == 36_050


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
