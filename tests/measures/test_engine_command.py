"""`safeguard measures compute`: every journey measure of a dataset folder, summarised and written
out as Parquet or CSV."""

from datetime import date

import pyarrow.csv
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command
from engine_rows import LA, dataset, referral

from safeguard.measures import engine
from safeguard.measures.catalogue import FORMULAS

DATASET = dataset(
    referrals=[
        referral("c1", date(2015, 9, 1), closed=date(2015, 10, 1), reason="RC7"),
        referral("c1", date(2016, 5, 2)),
        referral("c2", date(2016, 6, 1)),
    ],
    population=[
        {"la": LA, "year": "2015-16", "children": 20_000},
        {"la": LA, "year": "2016-17", "children": 20_000},
    ],
)


@pytest.fixture
def folder(tmp_path):
    return DATASET.write(tmp_path / "dataset")


def test_the_command_computes_every_measure_and_writes_parquet(folder, tmp_path, capsys):
    out = tmp_path / "results.parquet"
    call_command("measures", "compute", "--dataset", str(folder), "--out", str(out))
    written = pq.read_table(out)
    assert written.equals(engine.compute(DATASET))
    printed = capsys.readouterr().out
    # Both years of the population table, one council.
    assert f"Computed {len(FORMULAS)} journey measures for 1 council(s) and 2 year(s)" in printed
    # 2016-17: two referrals among 20,000 children = 1.0 per 10,000.
    assert "Headline measures, 2016-17" in printed
    assert "Referrals per 10,000 children: 1.0" in printed
    # c1's May 2016 referral came 8 months after its last: 1 of 2 re-referred.
    assert "Re-referrals within 12 months: 50.0%" in printed
    assert f"Wrote {written.num_rows:,} results to {out}" in printed


def test_the_command_writes_csv_for_the_years_asked(folder, tmp_path):
    out = tmp_path / "results.csv"
    call_command(
        "measures", "compute", "--dataset", str(folder), "--years", "2016-17", "--out", str(out)
    )
    written = pyarrow.csv.read_csv(out).to_pylist()
    assert {row["year"] for row in written} == {"2016-17"}
    rate = next(row for row in written if row["measure_id"] == "referrals_rate")
    assert (rate["numerator"], rate["denominator"], rate["value"]) == (2, 20_000, 1.0)


def test_a_folder_that_is_not_a_dataset_is_refused(tmp_path):
    with pytest.raises(CommandError, match="not a journey dataset"):
        call_command("measures", "compute", "--dataset", str(tmp_path))


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--years", "2016-18", "--years"), ("--out", "results.xlsx", ".parquet or .csv")],
)
def test_bad_options_are_refused(folder, option, value, message):
    with pytest.raises(CommandError, match=message):
        call_command("measures", "compute", "--dataset", str(folder), option, value)
