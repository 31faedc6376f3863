"""The generator's records around the pathway: early help that follows the MASH's decisions, steps
down after a closure and steps up at a referral; screenings after exploitation is found or a
child in care goes missing; return home interviews mostly within 72 hours; and each council's
population for each year."""

from datetime import timedelta

import pytest

from safeguard.journey.generate import councils_for, generate

SEED = "around"


@pytest.fixture(scope="module")
def dataset():
    return generate(councils_for(1, 36_050, SEED), 2014, 2016, SEED)


def _rows(dataset, table: str) -> list[dict]:
    return dataset[table].to_pylist()


def test_early_help_follows_the_mash_closures_and_referrals(dataset):
    decided = {
        (c["child_id"], c["decided_at"].date())
        for c in _rows(dataset, "contacts")
        if c["outcome"] == "early_help"
    }
    closed = {
        (r["child_id"], r["closure_date"])
        for r in _rows(dataset, "referrals")
        if r["closure_reason"] in ("RC7", "RC8")
    }
    episodes = _rows(dataset, "early_help")

    def within(row: dict, known: set, days: range) -> bool:
        return any((row["child_id"], row["start_date"] - timedelta(d)) in known for d in days)

    # The MASH's decisions are 1 to 10 days before (the UTC date of the decision may be the day
    # before London's); a step down 1 to 5 days after the closure.
    after_mash = [e for e in episodes if within(e, decided, range(0, 12))]
    stepped_down = [e for e in episodes if within(e, closed, range(1, 6))]
    assert len(after_mash) > len(episodes) / 4
    assert len(stepped_down) > len(episodes) / 20
    assert any(e["outcome"] == "stepped_up" for e in episodes)
    assert {e["lead_agency_kind"] for e in episodes} == {
        "early_help", "education", "health_trust", "voluntary",
    }  # fmt: skip


def test_screenings_follow_exploitation_found_or_going_missing_from_care(dataset):
    screenings = _rows(dataset, "exploitation_screenings")
    assert {s["band"] for s in screenings} == {"none", "low", "medium", "high"}
    missing = {m["child_id"] for m in _rows(dataset, "missing_episodes")}
    assert any(s["child_id"] in missing for s in screenings)

    def panel_share(band: str) -> float:
        chosen = [s for s in screenings if s["band"] == band]
        return sum(s["referred_to_panel"] for s in chosen) / len(chosen)

    assert panel_share("high") > 0.5 > panel_share("medium") > panel_share("low")
    assert panel_share("none") == 0


def test_most_return_home_interviews_are_held_within_72_hours(dataset):
    returned = [m for m in _rows(dataset, "missing_episodes") if m["end_date"] is not None]
    known = [m for m in returned if m["interview_offered"] is not None]
    held = [m for m in known if m["interview_date"] is not None]
    on_time = [m for m in held if (m["interview_date"] - m["end_date"]).days <= 3]
    assert len(known) > 0.9 * len(returned)
    assert sum(m["interview_offered"] for m in known) > 0.8 * len(known)
    assert len(on_time) > 0.7 * len(held)


def test_each_council_has_its_population_for_each_year_of_the_dataset():
    councils = councils_for(3, 20_000, SEED)
    generated = generate(councils, 2015, 2016, SEED)
    expected = {
        (c.la, year, c.population) for c in councils for year in ("2014-15", "2015-16", "2016-17")
    }
    found = {(r["la"], r["year"], r["children"]) for r in _rows(generated, "population")}
    assert found == expected


def test_home_education_ends_by_the_end_of_school_age(dataset):
    entries = _rows(dataset, "home_education")
    assert len({e["reason"] for e in entries}) >= 8
    ended = {e["end_reason"] for e in entries if e["end_date"]}
    assert {"school", "school_age"} <= ended
