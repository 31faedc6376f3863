"""`refresh` end to end: a small generated council loaded into the live records, measured and
stored; refreshing again with nothing changed finds the same run.

The expected figures are counted here straight from the generated dataset's rows (not from the
engine): referrals starting in the year, and children with a plan open at 31 March.
"""

from datetime import date

import pyarrow.compute as pc
import pytest
from django.core.management import CommandError, call_command
from factories import ChildFactory, UserFactory
from factories_frontdoor import make_threshold_document

from safeguard.journey.dataset import Dataset
from safeguard.journey.generate import generate
from safeguard.journey.generate.council import Council
from safeguard.journey.load import load
from safeguard.measures import engine, refresh
from safeguard.measures.comparators.models import ComparatorFile, Level, PopulationEstimate
from safeguard.measures.models import MeasureRun

pytestmark = pytest.mark.django_db

YEARS = ["2015-16", "2016-17"]
CHILDREN_2016_17 = 36_050  # Herefordshire's children aged 0-17 (MEASURES.md: 115 = 31.9 per 10k)


@pytest.fixture
def dataset(settings) -> Dataset:
    settings.LA_CODE = "884"
    generated = generate([Council("884", 1_200)], 2015, 2016, seed=7)
    # The population comes from the imported ONS estimates, as it does for the live records.
    generated = Dataset.build({**generated.tables, "population": []})
    make_threshold_document(in_force_from=date(2000, 4, 1))
    load(generated, by=UserFactory(role="system_administrator"))
    source = ComparatorFile.objects.create(
        table="population", name="ons.csv", sha256="0" * 64, rows=1
    )
    PopulationEstimate.objects.create(
        source=source,
        level=Level.LOCAL,
        area="884",
        area_name="Herefordshire",
        year="2016-17",
        mid_year=2016,
        children=CHILDREN_2016_17,
    )
    return generated


def referrals_in(dataset: Dataset, first: date, last: date) -> int:
    day = dataset["referrals"].column("referral_date")
    return pc.sum(pc.and_(pc.greater_equal(day, first), pc.less_equal(day, last))).as_py()


def children_on_plans(dataset: Dataset, day: date) -> int:
    plans = dataset["cp_plans"]
    started = pc.less_equal(plans.column("start_date"), day)
    not_ended = pc.or_kleene(
        pc.is_null(plans.column("end_date")), pc.greater(plans.column("end_date"), day)
    )
    open_then = plans.filter(pc.and_kleene(started, not_ended))
    return len(set(open_then.column("child_id").to_pylist()))


def test_refresh_stores_every_measure_for_the_years(dataset):
    run = refresh.refresh(YEARS)

    assert run.years == YEARS
    referrals = run.figure("referrals_rate", "884", "2016-17")
    assert referrals.numerator == referrals_in(dataset, date(2016, 4, 1), date(2017, 3, 31)) > 0
    assert referrals.denominator == CHILDREN_2016_17
    assert referrals.value == pytest.approx(referrals.numerator * 10_000 / CHILDREN_2016_17)
    plans = run.figure("cpp_rate", "884", "2016-17")
    assert plans.numerator == children_on_plans(dataset, date(2017, 3, 31))
    # No estimate imported for 2015-16: a count but no rate.
    earlier = run.figure("referrals_rate", "884", "2015-16")
    assert earlier.numerator > 0 and earlier.value is None
    # The partnership measures are stored with the journey ones (no training yet: 0 attended).
    assert run.figure("training_attended", "884", "2016-17").value == 0


def test_refreshing_with_nothing_changed_keeps_the_run_without_computing_again(
    dataset, monkeypatch
):
    first = refresh.refresh(YEARS)
    computed = []
    monkeypatch.setattr(engine, "compute", lambda *a, **k: computed.append(a) or None)

    again = refresh.refresh(list(reversed(YEARS)))

    assert again == first
    assert computed == []
    assert MeasureRun.objects.count() == 1


def test_a_change_in_the_records_makes_a_new_run(dataset):
    first = refresh.refresh(YEARS)
    ChildFactory()

    second = refresh.refresh(YEARS)

    assert second != first
    assert second.dataset_fingerprint != first.dataset_fingerprint
    assert MeasureRun.objects.count() == 2


def test_other_years_make_another_run(dataset):
    assert refresh.refresh(YEARS) != refresh.refresh(["2016-17"])


def test_the_command_stores_a_run_then_keeps_it(dataset, capsys):
    call_command("measures", "refresh", "--years", "2015-16:2016-17")
    call_command("measures", "refresh", "--years", "2015-16:2016-17")

    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith("Stored run ")
    assert said[1].startswith("Nothing had changed: kept run ")
    assert MeasureRun.objects.get().made_by == "safeguard measures refresh"


def test_the_command_refuses_years_it_cannot_read(db):
    with pytest.raises(CommandError, match="--years"):
        call_command("measures", "refresh", "--years", "2016-18")
