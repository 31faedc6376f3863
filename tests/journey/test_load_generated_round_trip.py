"""extract(load(dataset)) == dataset, for datasets the calibrated generator makes: every table,
over years whose codes differ (special guardianship ended care as E43/E44 before 2018-19)."""

from datetime import date

import pytest
from factories import UserFactory
from factories_frontdoor import make_threshold_document

from safeguard.journey.extract import extract
from safeguard.journey.generate import generate
from safeguard.journey.generate.council import Council
from safeguard.journey.load import load
from safeguard.journey.schema import TABLES


# Each seed is a different population of journeys (a property over generated data; each case
# needs a fresh database, so the seeds are parameters rather than hypothesis examples).
@pytest.mark.django_db
@pytest.mark.parametrize("seed", [7, 2017, 90210])
def test_a_generated_dataset_survives_load_and_extract(seed, settings):
    settings.LA_CODE = "884"
    dataset = generate([Council("884", 3_000)], 2016, 2016, seed)
    assert dataset["referrals"].num_rows > 100  # enough journeys to exercise every table
    for name in TABLES:
        assert dataset[name].num_rows > 0, name
    make_threshold_document(in_force_from=date(2000, 4, 1))
    load(dataset, by=UserFactory(role="system_administrator"))
    assert extract().same_facts_as(dataset)


@pytest.mark.django_db
def test_the_codes_of_years_before_2018_19_load_and_come_back(settings):
    settings.LA_CODE = "884"
    dataset = generate([Council("884", 4_000)], 2013, 2016, "sgo")
    assert {"E43", "E44"} & set(dataset["cla_episodes"].column("reason_ceased").to_pylist())
    make_threshold_document(in_force_from=date(2000, 4, 1))
    load(dataset, by=UserFactory(role="system_administrator"))
    assert extract().same_facts_as(dataset)
