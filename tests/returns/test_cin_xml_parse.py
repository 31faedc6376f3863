"""Reading CIN census files into the raw tables: every value as written, every row with its line."""

from pathlib import Path

from safeguard.returns.cin_raw import RAW_TABLES
from safeguard.returns.cin_xml.parse import parse


def fixture(shared_data: Path, name: str) -> Path:
    return shared_data / "fixtures" / "cin" / name


def rows(tables: dict, name: str) -> list[dict]:
    return tables[name].to_pylist()


def test_every_synthetic_fixture_parses_into_tables_with_exactly_the_raw_schemas(shared_data):
    files = sorted((shared_data / "fixtures" / "cin").glob("*.xml"))
    assert len(files) == 9
    for path in files:
        tables = parse(path)
        assert set(tables) == set(RAW_TABLES), path.name
        for name, table in tables.items():
            assert table.schema.equals(RAW_TABLES[name]), (path.name, name)
        assert tables["header"].num_rows == 1


def test_cin2rows_gives_one_child_one_episode_and_two_protection_plans(shared_data):
    tables = parse(fixture(shared_data, "CIN2rows.xml"))
    # Counted by reading the file: one <Child> with one <CINdetails>, holding one <Assessments>,
    # one <CINPlanDates>, one <Section47> and two <ChildProtectionPlans> of one review each.
    counts = {name: table.num_rows for name, table in tables.items()}
    assert counts == {
        "header": 1,
        "children": 1,
        "cin_details": 1,
        "assessments": 1,
        "cin_plans": 1,
        "section47": 1,
        "cp_plans": 2,
        "cp_reviews": 2,
    }
    assert rows(tables, "header") == [
        {
            "collection": "CIN",
            "year": "2023",
            "reference_date": "2024-03-31",
            "source_level": "L",
            "la": "201",
            "software_code": "Local Authority",
            "release": "ver 3.1.21",
            "serial_no": "001",
            "datetime": "2023-05-23T11:14:05",
            "line": 2,
        }
    ]
    (child,) = rows(tables, "children")
    assert child == {
        "child_id": "DfEX0000001",
        "upn": "A123456789123",
        "former_upn": "X98765432123B",
        "upn_unknown": "UN3",
        "birth_date": "2015-03-27",
        "expected_birth_date": None,
        "gender": "1",
        "death_date": None,
        "ethnicity": "WBRI",
        "disabilities": ["HAND", "HEAR"],
        "line": 18,
    }
    (episode,) = rows(tables, "cin_details")
    assert episode["referral_index"] == 1
    assert episode["referral_date"] == "2022-10-06"
    assert episode["icpc_date"] == "2022-12-06"
    assert episode["nfa"] == "0"  # as written: flags are read by the strict reader
    assert episode["line"] == 34
    plans = rows(tables, "cp_plans")
    assert [(p["plan_index"], p["previous_plans"], p["line"]) for p in plans] == [
        (1, "10", 55),
        (2, "10", 65),
    ]
    reviews = rows(tables, "cp_reviews")
    assert [(r["plan_index"], r["review_date"], r["line"]) for r in reviews] == [
        (1, "2023-02-15", 62),
        (2, "2023-02-15", 72),
    ]


def test_fake_cin_data_gives_332_children_and_402_episodes(shared_data):
    # Counted with grep: 332 "<Child>" and 402 "<CINdetails>" in the file, and no modules.
    tables = parse(fixture(shared_data, "fake_CIN_data.xml"), "2021-22")
    assert tables["children"].num_rows == 332
    assert tables["cin_details"].num_rows == 402
    assert tables["assessments"].num_rows == 0
    indices = rows(tables, "cin_details")
    # The second child (lines 38-67) has two episodes, numbered in file order.
    second = [e["referral_index"] for e in indices if e["child_id"] == "RND000824303014"]
    assert second == [1, 2]


def test_unknown_codes_and_impossible_dates_are_kept_as_written(shared_data):
    tables = parse(fixture(shared_data, "CIN_Census_2024.xml"))
    first, second = rows(tables, "children")
    assert second["child_id"] == "child_fails_assessments"
    # From 2024-25 the census says Sex where it said GenderCurrent; the raw column is the same.
    assert (first["gender"], second["gender"]) == ("1", "M")
    assessments = rows(tables, "assessments")
    assert assessments[0]["start_date"] == "2028-04-28"
    assert assessments[0]["factors"] == ["1C", "RB", "6B"]
    # <FactorsIdentifiedAtAssessment/> is an empty list; no element at all is null.
    assert assessments[1]["factors"] == []
    assert rows(tables, "cin_details")[1]["closure_reason"] == "RC9"


def test_an_absent_element_is_null_and_an_absent_list_is_null(tmp_path):
    path = tmp_path / "small.xml"
    path.write_text(
        "<Message><Header><CollectionDetails><Year>2017</Year></CollectionDetails>"
        "<Source><LEA>884</LEA></Source></Header><Children><Child>"
        "<ChildIdentifiers><LAchildID>A1</LAchildID><GenderCurrent>2</GenderCurrent>"
        "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
        "</ChildCharacteristics><CINdetails><CINreferralDate>2016-13-45</CINreferralDate>"
        "<ReferralSource>ZZ</ReferralSource><ReferralNFA>maybe</ReferralNFA></CINdetails>"
        "</Child></Children></Message>"
    )
    tables = parse(path, "2016-17")
    (child,) = rows(tables, "children")
    assert child["upn"] is None
    assert child["disabilities"] is None
    (episode,) = rows(tables, "cin_details")
    assert (episode["referral_date"], episode["source"], episode["nfa"]) == (
        "2016-13-45",
        "ZZ",
        "maybe",
    )
    assert episode["closure_date"] is None


def test_comments_between_elements_are_ignored(tmp_path):
    path = tmp_path / "commented.xml"
    path.write_text(
        "<?xml version='1.0'?>\n<!-- made by hand -->\n<Message><Header><CollectionDetails>"
        "<Year>2017</Year></CollectionDetails><Source><LEA>884</LEA></Source></Header>"
        "<Children><!-- first --><Child><ChildIdentifiers><!-- id --><LAchildID>A1</LAchildID>"
        "</ChildIdentifiers></Child></Children></Message>"
    )
    (child,) = rows(parse(path), "children")
    assert child["child_id"] == "A1"


def test_a_file_of_the_year_asked_for_is_read(shared_data):
    # CIN2rows.xml's header says <Year>2023</Year>: the 2022-23 census.
    tables = parse(fixture(shared_data, "CIN2rows.xml"), "2022-23")
    assert tables["children"].num_rows == 1
