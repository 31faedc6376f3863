"""Reading the public synthetic SSDA903 files (shared/data/fixtures/ssda903), in both forms,
into a journey dataset. Expected values were read off the files by hand."""

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pyarrow.compute as pc
import pytest

from safeguard.returns.ssda903.read import is_ssda903, is_ssda903_xml, read
from safeguard.returns.ssda903.strict import REPEATED_REVIEWS

# Every table file but two: DoLo.csv is a table of a later return than any we have a
# specification for, and placed_for_adoption_errors.csv a second copy of a table.
CSV_FILES = [
    "header.csv",
    "episodes.csv",
    "reviews.csv",
    "missing.csv",
    "uasc.csv",
    "oc2.csv",
    "oc3.csv",
    "ad1.csv",
    "placed_for_adoption.csv",
    "previous_permanence.csv",
    "sw_episodes.csv",
]


def fixtures(shared_data: Path) -> Path:
    return shared_data / "fixtures" / "ssda903"


def rows_of(dataset, table: str, child: str) -> list[dict]:
    found = dataset[table].filter(pc.equal(dataset[table]["child_id"], child))
    return found.sort_by(
        "start_date" if "start_date" in found.column_names else "child_id"
    ).to_pylist()


def test_the_xml_fixture_reads_into_the_looked_after_tables(shared_data):
    returned = read(fixtures(shared_data) / "fake_903.xml", la="884")
    dataset = returned.dataset
    assert returned.form == "XML"
    # Counted in the file: 253 <CHILD>, 459 <EPISODE>, 1206 <AREVIEW>, 6 <AMISSING>, and 12
    # headers with <UASC>1</UASC>.
    assert dataset["children"].num_rows == 253
    assert dataset["cla_episodes"].num_rows == 459
    assert dataset["cla_reviews"].num_rows == 1206
    assert dataset["missing_episodes"].num_rows == 6
    assert pc.sum(dataset["children"]["uasc"]).as_py() == 12
    assert dataset.councils() == ["884"]
    for table in ("referrals", "contacts", "early_help"):
        assert dataset[table].num_rows == 0


def test_a_child_of_the_xml_fixture_is_read_exactly(shared_data):
    dataset = read(fixtures(shared_data) / "fake_903.xml", la="884").dataset
    (child,) = rows_of(dataset, "children", "907440")
    assert child | {"la": "884"} == {
        "la": "884",
        "child_id": "907440",
        "upn": "O013219285333",
        "former_upn": None,
        "upn_unknown": None,
        "date_of_birth": date(2010, 7, 28),
        "expected_date_of_birth": None,
        "gender": "2",
        "ethnicity": "BAFR",
        "date_of_death": None,
        "disabilities": [],
        "uasc": False,
    }
    first, second = rows_of(dataset, "cla_episodes", "907440")
    assert first == {
        "la": "884",
        "child_id": "907440",
        "start_date": date(2017, 1, 6),
        "reason_new_episode": "T",
        "legal_status": "J3",
        "category_of_need": "N4",
        "placement": "R5",
        "placement_provider": "PR2",
        "end_date": date(2017, 10, 6),
        "reason_ceased": "X1",
        "reason_place_change": "CUSTOD",
        "home_postcode": "B15 8PZ",
        "placement_postcode": "E7 5YR",
        "urn": "1465167",
    }
    assert (second["placement"], second["end_date"], second["reason_ceased"]) == (
        "P2",
        date(2018, 3, 7),
        "E11",
    )
    assert second["reason_place_change"] is None
    reviews = dataset["cla_reviews"].filter(pc.equal(dataset["cla_reviews"]["child_id"], "907440"))
    assert sorted((r["review_date"], r["participation"]) for r in reviews.to_pylist()) == [
        (date(2015, 9, 27), "PN0"),
        (date(2016, 7, 14), "PN1"),
    ]


def test_the_xml_fixture_says_what_it_left_out(shared_data):
    returned = read(fixtures(shared_data) / "fake_903.xml", la="884")
    # Counted in the file: every child has outcomes and previous permanence, six have care
    # leaver details, three adoption details, twelve a date their UASC status ceased.
    assert returned.left_out == {
        "outcomes (OC2)": 253,
        "previous permanence": 253,
        "placements for adoption": 3,
        "care leavers (OC3)": 6,
        "adoptions (AD1)": 3,
        "dates UASC status ceased (DUC)": 12,
    }


def test_the_csv_fixtures_read_as_the_files_themselves(shared_data):
    returned = read([fixtures(shared_data) / name for name in CSV_FILES], la="884")
    dataset = returned.dataset
    # Rows in the files: 2675 children, 5050 episodes, 12582 reviews of which 14 repeat a
    # child's review of the same day, 43 missing episodes, 132 UASC children.
    assert dataset["children"].num_rows == 2675
    assert dataset["cla_episodes"].num_rows == 5050
    assert dataset["cla_reviews"].num_rows == 12582 - 14
    assert dataset["missing_episodes"].num_rows == 43
    assert pc.sum(dataset["children"]["uasc"]).as_py() == 132
    assert returned.left_out[REPEATED_REVIEWS] == 14
    # One header row has MOTHER written (as 1.0); every child has outcomes and permanence.
    assert returned.left_out["mothers' details (MOTHER, MC_DOB)"] == 1
    assert returned.left_out["outcomes (OC2)"] == 2675
    assert returned.left_out["social workers"] == 1


def test_a_child_of_the_csv_fixtures_is_read_exactly(shared_data):
    dataset = read([fixtures(shared_data) / name for name in CSV_FILES], la="884").dataset
    (child,) = rows_of(dataset, "children", "566910")
    assert (child["gender"], child["date_of_birth"], child["ethnicity"], child["upn"]) == (
        "2",
        date(2008, 3, 27),
        "WROM",
        "D051910639385",
    )
    first, second = rows_of(dataset, "cla_episodes", "566910")
    # episodes.csv: 566910,15/02/2016,L,C2,N3,T2,PR0,14/08/2017,X1,CLOSE,,,4244474
    assert first == {
        "la": "884",
        "child_id": "566910",
        "start_date": date(2016, 2, 15),
        "reason_new_episode": "L",
        "legal_status": "C2",
        "category_of_need": "N3",
        "placement": "T2",
        "placement_provider": "PR0",
        "end_date": date(2017, 8, 14),
        "reason_ceased": "X1",
        "reason_place_change": "CLOSE",
        "home_postcode": None,
        "placement_postcode": None,
        "urn": "4244474",
    }
    # 566910,14/08/2017,T,C2,N3,A3,PR3,,X1,,EG19 7TT,WV27 9FW,8969628: a reason given with no
    # end date is kept as written.
    assert (second["end_date"], second["reason_ceased"], second["home_postcode"]) == (
        None,
        "X1",
        "EG19 7TT",
    )
    (uasc,) = rows_of(dataset, "children", "102639")
    assert uasc["uasc"] is True


def test_the_csv_fixtures_read_the_same_from_a_folder_and_from_a_zip(shared_data, tmp_path):
    folder = tmp_path / "return"
    folder.mkdir()
    for name in CSV_FILES:
        shutil.copy(fixtures(shared_data) / name, folder / name)
    (folder / "notes.txt").write_text("not a table: a folder's other files are not read")
    packed = tmp_path / "return.zip"
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in CSV_FILES:
            archive.write(folder / name, f"return/{name}")
    files = read([folder / name for name in CSV_FILES], la="884").dataset
    assert read(folder, la="884").dataset.same_facts_as(files)
    assert read(packed, la="884").dataset.same_facts_as(files)


def test_the_fixtures_read_against_the_year_their_codes_are(shared_data):
    # The files use E45 to E48 and CUSTOD, codes from 2018-19's successor on.
    returned = read(fixtures(shared_data) / "fake_903.xml", la="884", year="2019-20")
    assert returned.year is not None and returned.year.label == "2019-20"


def test_a_return_is_told_from_a_cin_census_file(shared_data, tmp_path):
    assert is_ssda903_xml(fixtures(shared_data) / "fake_903.xml")
    assert not is_ssda903_xml(shared_data / "fixtures" / "cin" / "CIN2rows.xml")
    assert is_ssda903(tmp_path)
    assert is_ssda903(tmp_path / "return.zip")
    assert not is_ssda903(fixtures(shared_data) / "header.csv")


@pytest.mark.parametrize("upn", ["UN1", "UN10"])
def test_a_reason_for_no_upn_is_read_as_such(tmp_path, upn):
    (tmp_path / "header.csv").write_text(
        f"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,1,01/02/2010,WBRI,{upn},,\n"
    )
    (tmp_path / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
    )
    (child,) = read(tmp_path, la="884").dataset["children"].to_pylist()
    assert (child["upn"], child["upn_unknown"]) == (None, upn)
