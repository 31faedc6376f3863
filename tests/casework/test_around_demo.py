"""The demo's records around the pathway: made by the same rules as real ones, at plausible
proportions, and showing each thing a user can do."""

from itertools import pairwise

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from safeguard.casework import services_home_education, services_missing
from safeguard.casework.codes_around import Band, InterviewOutcome
from safeguard.casework.models import (
    CareEpisode,
    EarlyHelpEpisode,
    ExploitationScreening,
    HomeEducationEntry,
    IndicatorCatalogue,
    MissingEpisode,
    NeglectAssessment,
    ReturnHomeInterview,
    StepUp,
)
from safeguard.demo.around import seed_around
from safeguard.demo.families import seed_families
from safeguard.demo.frontdoor import seed_front_door
from safeguard.demo.partnership import seed_partnership
from safeguard.demo.pathway import seed_pathway
from safeguard.frontdoor.models import ContactStatus


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker, tmp_path_factory):
    """One demo for the module, in a transaction rolled back at its end (each test's own
    transaction nests inside it), so the tests after these find the database as it was."""
    var_dir = settings.VAR_DIR
    settings.VAR_DIR = tmp_path_factory.mktemp("var")
    with django_db_blocker.unblock(), transaction.atomic():
        seed_partnership()
        seed_families(250, seed=7)
        seed_front_door(seed=7, per_year=600)
        seed_pathway(seed=7)
        yield seed_around(seed=7)
        transaction.set_rollback(True)
    settings.VAR_DIR = var_dir


@pytest.mark.django_db
def test_the_demo_makes_each_kind_of_record(counts):
    for key in ("looked_after", "missing_episodes", "return_interviews", "screenings"):
        assert counts[key] > 0, key
    for key in ("early_help", "steps_up", "home_education", "home_education_flagged"):
        assert counts[key] > 0, key
    assert IndicatorCatalogue.objects.count() == counts["catalogue_versions"] == 2
    assert counts.get("refused", 0) < counts["looked_after"] + counts["early_help"]


@pytest.mark.django_db
def test_every_period_of_care_runs_episode_after_episode(counts):
    for child_id in CareEpisode.objects.values_list("child_id", flat=True).distinct():
        episodes = list(CareEpisode.objects.filter(child_id=child_id).order_by("started_on", "id"))
        assert episodes[0].reason_new == "S"
        for before, after in pairwise(episodes):
            if before.reason_ceased == "X1":
                assert after.started_on == before.ended_on and after.reason_new != "S"


@pytest.mark.django_db
def test_most_return_home_interviews_are_held_within_72_hours(counts):
    interviews = list(ReturnHomeInterview.objects.select_related("episode"))
    held = [i for i in interviews if i.outcome == InterviewOutcome.HELD]
    on_time = [i for i in held if services_missing.held_on_time(i)]
    assert len(on_time) >= len(held) / 2
    assert all(i.late_reason for i in held if i not in on_time)
    assert MissingEpisode.objects.count() >= len(interviews)


@pytest.mark.django_db
def test_screenings_cite_the_catalogue_in_force_and_some_reach_the_panel(counts):
    for screening in ExploitationScreening.objects.select_related("catalogue"):
        assert screening.catalogue == IndicatorCatalogue.in_force_on(screening.screened_on)
    bands = set(ExploitationScreening.objects.values_list("practitioner_band", flat=True))
    assert len(bands) >= 2
    assert Band.NONE in bands or Band.LOW in bands


@pytest.mark.django_db
def test_steps_up_wait_in_the_mash_queue_and_early_help_is_led_across_agencies(counts):
    assert all(s.contact.status == ContactStatus.OPEN for s in StepUp.objects.all())
    agencies = set(EarlyHelpEpisode.objects.values_list("lead_agency__name", flat=True))
    assert len(agencies) >= 2
    assert EarlyHelpEpisode.objects.filter(
        ended_on__isnull=True, lead_practitioner__email="amy.watkins@earlyhelp.example.org"
    ).exists()


@pytest.mark.django_db
def test_children_on_plans_and_educated_at_home_are_flagged(counts):
    entries = HomeEducationEntry.objects.filter(ended_on__isnull=True)
    flags = [services_home_education.flag_for(e) for e in entries]
    assert sum(flag is not None for flag in flags) == counts["home_education_flagged"]


@pytest.mark.django_db
def test_nothing_is_dated_after_today(counts):
    today = timezone.localdate()
    assert not NeglectAssessment.objects.filter(assessed_on__gt=today).exists()
    assert not CareEpisode.objects.filter(started_on__gt=today).exists()
    assert not ExploitationScreening.objects.filter(screened_on__gt=today).exists()
