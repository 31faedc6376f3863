"""Reading a CIN census file into the journey dataset: real dates, the year's codes, natural-key
ids; anything that does not fit refuses the whole file, listing the first problems by line."""

from datetime import date
from pathlib import Path

import pytest

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse
from safeguard.returns.cin_xml.strict import left_out, read, to_dataset


def census_file(tmp_path: Path, children: str, *, year: int = 2017, lea: str = "884") -> Path:
    path = tmp_path / "census.xml"
    path.write_text(
        "<Message>\n"
        f"<Header><CollectionDetails><Collection>CIN</Collection><Year>{year}</Year>"
        f"<ReferenceDate>{year}-03-31</ReferenceDate></CollectionDetails>"
        f"<Source><SourceLevel>L</SourceLevel><LEA>{lea}</LEA></Source></Header>\n"
        f"<Children>\n{children}</Children>\n</Message>\n"
    )
    return path


def child(child_id: str = "A1", *episodes: str, gender: str = "1") -> str:
    episodes = episodes or (episode(),)
    return (
        f"<Child>\n<ChildIdentifiers><LAchildID>{child_id}</LAchildID>"
        f"<GenderCurrent>{gender}</GenderCurrent></ChildIdentifiers>\n"
        "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>\n"
        + "".join(episodes)
        + "</Child>\n"
    )


def episode(referred: str = "2016-06-01", *modules: str, nfa: str = "false") -> str:
    return (
        f"<CINdetails>\n<CINreferralDate>{referred}</CINreferralDate>"
        f"<ReferralSource>1A</ReferralSource>\n{''.join(modules)}"
        f"<ReferralNFA>{nfa}</ReferralNFA>\n</CINdetails>\n"
    )


def assessment(start: str = "2016-06-02", *factors: str) -> str:
    listed = "".join(f"<AssessmentFactors>{f}</AssessmentFactors>" for f in factors)
    return (
        f"<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate>"
        f"<FactorsIdentifiedAtAssessment>{listed}</FactorsIdentifiedAtAssessment>"
        "</Assessments>\n"
    )


def refusal(path: Path, **options) -> str:
    with pytest.raises(ReturnFileError) as refused:
        read(path, **options)
    return str(refused.value)


def test_cin2rows_becomes_a_dataset_with_natural_key_ids(shared_data):
    dataset = read(shared_data / "fixtures" / "cin" / "CIN2rows.xml")
    (referral,) = dataset["referrals"].to_pylist()
    assert referral == {
        "la": "201",
        "child_id": "DfEX0000001",
        "referral_id": "DfEX0000001/R20221006",
        "referral_date": date(2022, 10, 6),
        "source": "1A",
        "primary_need": "N4",
        "nfa": False,  # written 0
        "closure_date": date(2023, 2, 27),
        "closure_reason": "RC1",
    }
    # The file's two protection plans start the same day: the second id is numbered.
    plans = dataset["cp_plans"].to_pylist()
    assert [p["cp_plan_id"] for p in plans] == [
        "DfEX0000001/R20221006/P20220217",
        "DfEX0000001/R20221006/P20220217.2",
    ]
    assert [p["previous_plans"] for p in plans] == [10, 10]
    reviews = dataset["cp_reviews"].to_pylist()
    assert [(r["cp_plan_id"], r["review_date"]) for r in reviews] == [
        ("DfEX0000001/R20221006/P20220217", date(2023, 2, 15)),
        ("DfEX0000001/R20221006/P20220217.2", date(2023, 2, 15)),
    ]
    (assessment_row,) = dataset["assessments"].to_pylist()
    assert assessment_row["assessment_id"] == "DfEX0000001/R20221006/A20230124"
    assert assessment_row["factors"] == []  # the file gives no factors
    (child_row,) = dataset["children"].to_pylist()
    assert child_row["disabilities"] == ["HAND", "HEAR"]
    assert child_row["uasc"] is False  # the census does not say; the dataset's default
    assert dataset["section47"].column("s47_id").to_pylist() == ["DfEX0000001/R20221006/S20220602"]
    assert dataset["cin_plans"].column("cin_plan_id").to_pylist() == [
        "DfEX0000001/R20221006/N20230124"
    ]


def test_fake_cin_data_reads_as_council_975s_2021_22_census(shared_data):
    dataset = read(shared_data / "fixtures" / "cin" / "fake_CIN_data.xml", "2021-22")
    # Counted with grep: 332 children and 402 episodes.
    assert dataset["children"].num_rows == 332
    assert dataset["referrals"].num_rows == 402
    assert dataset.councils() == ["975"]


def test_two_referrals_of_a_child_on_one_day_get_numbered_ids_in_file_order(tmp_path):
    path = census_file(
        tmp_path,
        child("A1", episode("2016-06-01", nfa="true"), episode("2016-06-01"), episode()),
    )
    referrals = read(path)["referrals"].to_pylist()
    assert [(r["referral_id"], r["nfa"]) for r in referrals] == [
        ("A1/R20160601", True),
        ("A1/R20160601.2", False),
        ("A1/R20160601.3", False),
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [("true", True), ("TRUE", True), ("1", True), ("false", False), ("0", False)],
)
def test_flags_are_true_false_1_or_0(tmp_path, written, meant):
    path = census_file(tmp_path, child("A1", episode(nfa=written)))
    assert read(path)["referrals"].column("nfa").to_pylist() == [meant]


def test_a_flag_that_is_neither_is_refused(tmp_path):
    message = refusal(census_file(tmp_path, child("A1", episode(nfa="yes"))))
    assert "line 7 (<CINdetails>): <ReferralNFA> is “yes”: expected true, false, 1 or 0" in message


@pytest.mark.parametrize("written", ["2016-02-30", "2016-2-3", "01/06/2016", "2016-06-01T00:00"])
def test_an_impossible_or_misshapen_date_is_refused_naming_line_element_and_value(
    tmp_path, written
):
    message = refusal(census_file(tmp_path, child("A1", episode(written))))
    assert message.startswith("census.xml: not read, because 1 value does not fit the 2016-17")
    assert "nothing was loaded" in message
    assert (
        f"line 7 (<CINdetails>): <CINreferralDate> is “{written}”: expected a real date "
        "written YYYY-MM-DD" in message
    )


def test_a_leap_day_is_a_real_date(tmp_path):
    path = census_file(tmp_path, child("A1", episode("2016-02-29")))
    assert read(path)["referrals"].column("referral_date").to_pylist() == [date(2016, 2, 29)]


def test_a_missing_referral_date_is_refused(tmp_path):
    path = census_file(tmp_path, child("A1", episode("")))
    assert "<CINreferralDate> is missing: expected a value" in refusal(path)


def test_a_factor_split_in_2021_is_refused_in_a_2016_17_file_and_its_old_code_accepted(tmp_path):
    path = census_file(
        tmp_path, child("A1", episode("2016-06-01", assessment("2016-06-02", "18B")))
    )
    message = refusal(path)
    assert (
        "<AssessmentFactors> is “18B”: expected a 2016-17 census assessment factor code" in message
    )
    path = census_file(
        tmp_path, child("A1", episode("2016-06-01", assessment("2016-06-02", "18A")))
    )
    assert read(path)["assessments"].column("factors").to_pylist() == [["18A"]]


def test_the_old_factor_is_refused_in_a_2023_24_file(tmp_path):
    path = census_file(
        tmp_path, child("A1", episode("2023-06-01", assessment("2023-06-02", "18A"))), year=2024
    )
    assert "<AssessmentFactors> is “18A”: expected a 2023-24 census" in refusal(path)


def test_an_unknown_gender_is_refused_listing_the_years_codes(tmp_path):
    message = refusal(census_file(tmp_path, child("A1", gender="M")))
    assert (
        "line 4 (<Child>): <GenderCurrent (or Sex)> is “M”: expected a 2016-17 census gender "
        "code (0, 1, 2, 9)" in message
    )


def test_a_child_given_twice_is_refused_naming_both_lines(tmp_path):
    message = refusal(census_file(tmp_path, child("A1") + child("A1")))
    assert (
        "line 12 (<Child>): <LAchildID> is “A1”: expected each child once in the file (this one "
        "is also on line 4)" in message
    )


def test_no_previous_plans_is_accepted_though_the_schema_says_positive(tmp_path):
    plan = (
        "<ChildProtectionPlans><CPPstartDate>2016-07-01</CPPstartDate>"
        "<InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>"
        "<LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>"
        "<NumberOfPreviousCPP>{n}</NumberOfPreviousCPP></ChildProtectionPlans>\n"
    )
    path = census_file(tmp_path, child("A1", episode("2016-06-01", plan.format(n=0))))
    assert read(path)["cp_plans"].column("previous_plans").to_pylist() == [0]
    path = census_file(tmp_path, child("A1", episode("2016-06-01", plan.format(n="two"))))
    assert "<NumberOfPreviousCPP> is “two”: expected a whole number, 0 or more" in refusal(path)


def test_only_the_first_ten_problems_are_listed_in_line_order_with_a_count_of_the_rest(tmp_path):
    children = "".join(child(f"A{n}", episode("2016-99-01"), gender="X") for n in range(8))
    message = refusal(census_file(tmp_path, children))
    assert "because 16 values do not fit" in message
    listed = [line for line in message.splitlines() if line.startswith("  line")]
    assert len(listed) == 10
    lines = [int(line.split()[1].rstrip(":")) for line in listed]
    assert lines == sorted(lines)
    assert message.endswith("… and 6 more")


def test_the_council_must_be_the_one_expected(tmp_path):
    path = census_file(tmp_path, child(), lea="201")
    message = refusal(path, la="884")
    assert (
        "line 2: the header is council 201's (<LEA>201</LEA>), but council 884 was expected"
        in message
    )


def test_a_header_without_a_council_is_refused(tmp_path):
    path = census_file(tmp_path, child(), lea="")
    assert "the header has no <LEA>: expected the council's three-digit LA code" in refusal(path)


def test_a_year_without_a_schema_is_refused(tmp_path):
    path = census_file(tmp_path, child("A1", episode("2025-06-01")), year=2026)
    assert "There is no CIN census schema for 2025-26" in refusal(path)


def test_what_the_dataset_has_no_place_for_is_counted(shared_data):
    raw = parse(shared_data / "fixtures" / "cin" / "CIN_Census_2021.xml")
    # The file's <CINdetails> has its own DateOfInitialCPC, and its assessment an internal
    # review date.
    assert left_out(raw) == {
        "DateOfInitialCPC (CIN details)": 1,
        "AssessmentInternalReviewDate": 1,
    }
    assert to_dataset(raw, source="CIN_Census_2021.xml")["referrals"].num_rows == 1
