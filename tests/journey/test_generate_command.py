"""`safeguard journey generate`: the same seed, the same dataset; a folder Dataset.read reads."""

import json

import pyarrow.compute as pc
import pytest
from django.core.management import CommandError, call_command

from safeguard.journey.dataset import Dataset
from safeguard.journey.generate import Council, councils_for, generate, reporting_years
from safeguard.journey.generate.authorities import LA_CODES


def test_the_same_seed_gives_the_same_dataset():
    first = generate(councils_for(1, 5_000, 7), 2015, 2016, 7)
    again = generate(councils_for(1, 5_000, 7), 2015, 2016, 7)
    assert first.fingerprint() == again.fingerprint()


def test_another_seed_gives_another_dataset():
    first = generate(councils_for(1, 5_000, 7), 2015, 2016, 7)
    other = generate(councils_for(1, 5_000, 8), 2015, 2016, 8)
    assert first.fingerprint() != other.fingerprint()
    assert first["referrals"].num_rows != other["referrals"].num_rows


def test_a_council_is_the_same_whatever_councils_come_with_it():
    # Each council has its own random streams: adding a council leaves the first one alone.
    alone = generate([Council("201", 5_000)], 2016, 2016, 3)
    together = generate([Council("201", 5_000), Council("202", 4_000)], 2016, 2016, 3)
    for name in ("children", "referrals", "cp_plans", "cla_episodes", "contacts"):
        in_201 = pc.equal(together[name].column("la"), "201")
        assert together[name].filter(in_201).equals(alone[name]), name


def test_the_command_writes_a_dataset_that_reads_back(tmp_path, capsys):
    out = tmp_path / "journey"
    call_command(
        "journey", "generate", "--children", "3000", "--years", "2016-17", "--out", str(out),
        "--seed", "11",
    )  # fmt: skip
    dataset = Dataset.read(out)
    assert dataset.councils() == ["884"]
    assert dataset["referrals"].num_rows > 0
    written = json.loads((out / "generator.json").read_text())
    assert written["councils"] == [{"la": "884", "population": 3000, "intensity": 1.0}]
    assert (written["first_day"], written["last_day"]) == ("2015-04-01", "2017-03-31")
    assert "Generated 1 council(s), 3,000 children" in capsys.readouterr().out


def test_three_authorities_give_three_la_codes_with_their_own_sizes(tmp_path):
    out = tmp_path / "region"
    call_command(
        "journey", "generate", "--children", "2000", "--years", "2016-17", "--out", str(out),
        "--authorities", "3",
    )  # fmt: skip
    dataset = Dataset.read(out)
    assert dataset.councils() == ["201", "202", "203"]
    councils = json.loads((out / "generator.json").read_text())["councils"]
    assert [c["la"] for c in councils] == ["201", "202", "203"]
    # Sizes vary around --children, which stays their average (up to rounding).
    assert abs(sum(c["population"] for c in councils) - 6000) <= 2
    assert len({c["population"] for c in councils}) == 3


def test_every_la_code_is_a_council_of_2016_17(shared_data):
    path = shared_data / "dfe" / "ons_mid-year_population_estimates_2012_to_2024.csv"
    lines = path.read_text().splitlines()
    header = lines[0].split(",")
    column, level, year = header.index("old_la_code"), header.index("geographic_level"), 0
    codes = {
        fields[column]
        for fields in (line.split(",") for line in lines[1:])
        if fields[level] == "Local authority" and fields[year] == "2017"
    }
    assert set(LA_CODES) == codes


@pytest.mark.parametrize(
    ("years", "message"),
    [
        ("2016", "'2016' is not a reporting year like 2016-17"),
        ("2016-18", "'2016-18' is not a reporting year like 2016-17"),
        ("2016-17:2014-15", "is not a range of reporting years"),
    ],
)
def test_a_wrong_years_option_says_what_was_expected(tmp_path, years, message):
    with pytest.raises(CommandError, match=message):
        call_command("journey", "generate", "--years", years, "--out", str(tmp_path / "x"))


def test_reporting_years_are_read_as_their_starting_years():
    assert reporting_years("2014-15:2016-17") == (2014, 2016)
    assert reporting_years("2016-17") == (2016, 2016)
    assert reporting_years("1999-00") == (1999, 1999)


def test_it_will_not_write_into_a_folder_of_other_things(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="has files in it and is not a journey dataset"):
        call_command("journey", "generate", "--children", "100", "--out", str(tmp_path))


def test_too_many_authorities_are_refused(tmp_path):
    with pytest.raises(CommandError, match="give 1 to 152 councils"):
        call_command("journey", "generate", "--authorities", "153", "--out", str(tmp_path / "x"))
