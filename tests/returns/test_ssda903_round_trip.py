"""Any looked-after facts of one year, written as an SSDA903 return (CSV files, a zip, or XML)
and read back, are the same facts."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.codes import return_codes
from safeguard.returns.ssda903.read import read
from safeguard.returns.ssda903.write import write

LA = "884"
YEARS = [CensusYear(end) for end in range(2017, 2025)]
# Text as councils write it, with the characters CSV and XML must take care over.
TEXT = (
    st.text(
        alphabet=st.sampled_from("ABCDEFGHJKLMNPRSTUWXYZ0123456789 ,\"'&<>/-"),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)


def codes(year: CensusYear, column: str) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(return_codes(year)[column]))


@st.composite
def looked_after(draw: st.DrawFn) -> tuple[CensusYear, Dataset]:
    """A year and children looked after in it, with every fact inside the year, so the return
    holds them all."""
    year = draw(st.sampled_from(YEARS))
    days = (year.reference_date - year.start).days

    def day(after: date = year.start) -> date:
        return after + timedelta(days=draw(st.integers(0, (year.reference_date - after).days)))

    def maybe(strategy: st.SearchStrategy) -> object:
        return draw(st.none() | strategy)

    child_ids = draw(st.lists(TEXT, min_size=1, max_size=4, unique=True))
    children, episodes, reviews, missing = [], [], [], []
    for child_id in child_ids:
        upn = draw(st.sampled_from(["A123456789012", "B12345678901C", "UN1", "UN7", None]))
        children.append(
            {
                "la": LA,
                "child_id": child_id,
                "upn": upn if upn and not upn.startswith("UN") else None,
                "upn_unknown": upn if upn and upn.startswith("UN") else None,
                "date_of_birth": maybe(st.dates(date(2000, 1, 1), year.start)),
                "gender": draw(codes(year, "SEX")),
                "ethnicity": draw(codes(year, "ETHNIC")),
                "disabilities": [],
                "uasc": draw(st.booleans()),
            }
        )
        starts = draw(st.lists(st.integers(0, days), min_size=1, max_size=3, unique=True))
        for offset in sorted(starts):
            start = year.start + timedelta(days=offset)
            end = maybe(st.just(day(start)))
            episodes.append(
                {
                    "la": LA,
                    "child_id": child_id,
                    "start_date": start,
                    "reason_new_episode": draw(codes(year, "RNE")),
                    "legal_status": draw(codes(year, "LS")),
                    "category_of_need": draw(codes(year, "CIN")),
                    "placement": draw(codes(year, "PLACE")),
                    "placement_provider": maybe(codes(year, "PLACE_PROVIDER")),
                    "end_date": end,
                    "reason_ceased": maybe(codes(year, "REC")),
                    "reason_place_change": maybe(codes(year, "REASON_PLACE_CHANGE")),
                    "home_postcode": maybe(TEXT),
                    "placement_postcode": maybe(TEXT),
                    "urn": maybe(TEXT),
                }
            )
        for held in draw(st.lists(st.integers(0, days), max_size=3, unique=True)):
            reviews.append(
                {
                    "la": LA,
                    "child_id": child_id,
                    "review_date": year.start + timedelta(days=held),
                    "participation": maybe(codes(year, "REVIEW_CODE")),
                }
            )
        for began in draw(st.lists(st.integers(0, days), max_size=3, unique=True)):
            start = year.start + timedelta(days=began)
            missing.append(
                {
                    "la": LA,
                    "child_id": child_id,
                    "kind": draw(codes(year, "MISSING")),
                    "start_date": start,
                    "end_date": maybe(st.just(day(start))),
                }
            )
    tables = {
        "children": children,
        "cla_episodes": episodes,
        "cla_reviews": reviews,
        "missing_episodes": missing,
    }
    return year, Dataset.build(tables)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(looked_after(), st.sampled_from(["return", "return.zip", "return.xml"]))
def test_a_years_looked_after_facts_come_back_from_their_return(case, name):
    year, dataset = case
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / name
        write(dataset, out, year.label)
        back = read(out, la=LA, year=year.label)
    assert back.dataset.same_facts_as(dataset)
    assert back.left_out == {}
