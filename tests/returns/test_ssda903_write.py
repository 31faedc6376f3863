"""Writing a council's SSDA903 return for a year from a journey dataset: the children looked
after in the year, as things stood on 31 March, in the year's codes, as CSV files or XML."""

import zipfile
from datetime import date
from pathlib import Path

import pytest
from lxml import etree
from ssda903_crafted import LA, child, crafted

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.ssda903.in_return import in_return
from safeguard.returns.ssda903.read import read
from safeguard.returns.ssda903.write import write
from safeguard.returns.ssda903.years import return_year

# Worked out by hand from ssda903_crafted: A1's first episode in full; its second, open on 31
# March 2017, without the end it had in May; B2's in 2016-17's code for an SGO to other carers
# who are relatives (E44); C3 with no SEX; D4 (out of care before the year) and A1's episode of
# June 2017 left out; reviews and missing episodes of the year only, B2's last still open.
EXPECTED = {
    "header.csv": [
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
        "A1,2,17/05/2010,WBRI,A123456789012,,",
        "B2,1,02/01/2002,BAFR,UN2,,",
        "C3,,30/06/2005,MWBA,,,",
    ],
    "episodes.csv": [
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN",
        "A1,01/03/2016,S,C2,N1,U4,PR1,01/06/2016,X1,CARPL,HR1 1AA,HR2 2BB,SC123456",
        "A1,01/06/2016,P,C2,N1,U6,PR4,,,,,,",
        "B2,10/09/2016,S,V2,N8,H5,PR5,01/02/2017,E44,,,,",
        "C3,31/03/2017,S,L1,N1,U6,PR1,,,,,,",
    ],
    "reviews.csv": [
        "CHILD,DOB,REVIEW,REVIEW_CODE",
        "A1,17/05/2010,05/04/2016,PN0",
        "A1,17/05/2010,05/10/2016,",
        "B2,02/01/2002,01/10/2016,PN1",
    ],
    "missing.csv": [
        "CHILD,DOB,MISSING,MIS_START,MIS_END",
        "B2,02/01/2002,M,01/11/2016,03/11/2016",
        "B2,02/01/2002,A,30/03/2017,",
    ],
    "uasc.csv": ["CHILD,DOB,SEX,DUC", "B2,02/01/2002,1,"],
    "oc2.csv": [
        "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,"
        "HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED"
    ],
    "oc3.csv": ["CHILD,DOB,IN_TOUCH,ACTIV,ACCOM"],
    "ad1.csv": ["CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR"],
    "placed_for_adoption.csv": ["CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED"],
    "previous_permanence.csv": ["CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM"],
}


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_the_csv_return_holds_the_year_as_it_stood_on_31_march(tmp_path):
    written = write(crafted(), tmp_path / "return", "2016-17")
    assert sorted(written.files) == sorted(EXPECTED)
    assert sorted(p.name for p in (tmp_path / "return").iterdir()) == sorted(EXPECTED)
    for name, expected in EXPECTED.items():
        assert lines(tmp_path / "return" / name) == expected, name
    assert written.rows == {"Header": 3, "UASC": 1, "Episodes": 4, "Reviews": 3, "Missing": 2}
    assert written.sex_not_said == 1
    assert (written.la, written.year.label, written.form) == (LA, "2016-17", "csv")


def test_a_zip_holds_the_same_files(tmp_path):
    write(crafted(), tmp_path / "return.zip", "2016-17")
    with zipfile.ZipFile(tmp_path / "return.zip") as archive:
        assert sorted(archive.namelist()) == sorted(EXPECTED)
        for name, expected in EXPECTED.items():
            assert archive.read(name).decode("utf-8").splitlines() == expected


def test_a_2023_24_return_also_has_the_social_workers_table(tmp_path):
    written = write(crafted(), tmp_path / "return", "2023-24")
    assert "sw_episodes.csv" in written.files
    assert lines(tmp_path / "return" / "sw_episodes.csv") == [
        "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON"
    ]
    # Open in 2023-24 (worked out from the dataset): A1's episode of June 2017, and C3's of
    # 31 March 2017, neither ended.
    assert lines(tmp_path / "return" / "episodes.csv")[1:] == [
        "A1,01/06/2017,S,V2,N1,U6,PR4,,,,,,",
        "C3,31/03/2017,S,L1,N1,U6,PR1,,,,,,",
    ]


def test_the_xml_return_has_the_shape_of_the_public_files(shared_data, tmp_path):
    write(crafted(), tmp_path / "return.xml", "2016-17")
    tree = etree.parse(str(tmp_path / "return.xml"))
    assert tree.getroot().tag == "EXPSSDA903"
    b2 = tree.xpath("/EXPSSDA903/CHILD[HEADER/CHILDID='B2']")[0]
    assert [e.tag for e in b2] == ["HEADER", "EPISODE"]
    assert [e.tag for e in b2.find("HEADER")] == [
        "CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC",
        "AMISSING", "AMISSING", "AREVIEW", "MOTHER", "MC_DOB",
    ]  # fmt: skip
    assert b2.findtext("HEADER/UASC") == "1"
    assert b2.findtext("HEADER/UPN") == "UN2"
    episode = b2.find("EPISODE")
    assert [(e.tag, e.text) for e in episode] == [
        ("DECOM", "10/09/2016"), ("RNE", "S"), ("LS", "V2"), ("CIN", "N8"), ("PL", "H5"),
        ("PL_POST", None), ("HOME_POST", None), ("URN", None), ("PLACE_PROVIDER", "PR5"),
        ("DEC", "01/02/2017"), ("REC", "E44"), ("REASON_PLACE_CHANGE", None),
    ]  # fmt: skip
    # The public file's episodes have these elements in this order too.
    public = etree.parse(str(shared_data / "fixtures" / "ssda903" / "fake_903.xml"))
    assert [e.tag for e in public.find("CHILD/EPISODE")] == [e.tag for e in episode]


def test_csv_and_xml_read_back_to_the_facts_the_return_holds(tmp_path):
    dataset = crafted()
    facts = Dataset.build(in_return(dataset, return_year("2016-17"), LA))
    for out in (tmp_path / "return", tmp_path / "return.zip", tmp_path / "return.xml"):
        write(dataset, out, "2016-17")
        assert read(out, la=LA, year="2016-17").dataset.same_facts_as(facts), out.name
    # By hand: C3, recorded as neither male nor female, reads back as not recorded (0).
    children = {c["child_id"]: c for c in facts["children"].to_pylist()}
    assert sorted(children) == ["A1", "B2", "C3"]
    assert children["C3"]["gender"] == "0"
    assert children["A1"]["former_upn"] is None and children["A1"]["disabilities"] == []


def test_the_form_can_be_chosen_whatever_the_name(tmp_path):
    written = write(crafted(), tmp_path / "return.txt", "2016-17", form="xml")
    assert written.form == "xml"
    assert etree.parse(str(tmp_path / "return.txt")).getroot().tag == "EXPSSDA903"
    with pytest.raises(ReturnFileError, match="“json” is not an SSDA903 form"):
        write(crafted(), tmp_path / "out", "2016-17", form="json")


def test_a_code_the_year_never_had_refuses_the_whole_return(tmp_path):
    dataset = Dataset.build(
        {
            "children": [child("A1")],
            "cla_episodes": [
                {"la": LA, "child_id": "A1", "start_date": date(2019, 5, 1),
                 "reason_new_episode": "S", "legal_status": "C2", "category_of_need": "N1",
                 "placement": "U6", "end_date": date(2019, 6, 1), "reason_ceased": "E43"},
            ],
            "missing_episodes": [
                {"la": LA, "child_id": "A1", "kind": "X", "start_date": date(2019, 5, 2)},
            ],
        }
    )  # fmt: skip
    with pytest.raises(ReturnFileError) as refused:
        write(dataset, tmp_path / "return", "2019-20")
    message = str(refused.value)
    assert "episodes.csv, child A1: REC is “E43”, which is not a 2019-20 SSDA903" in message
    assert "missing.csv, child A1: MISSING is “X”" in message
    assert "nothing was written" in message
    assert not (tmp_path / "return").exists()


def test_a_folder_holding_other_csv_files_is_not_written_into(tmp_path):
    (tmp_path / "return").mkdir()
    (tmp_path / "return" / "notes.csv").write_text("a,b\n")
    with pytest.raises(ReturnFileError, match=r"already holds other CSV files \(notes\.csv\)"):
        write(crafted(), tmp_path / "return", "2016-17")
    assert [p.name for p in (tmp_path / "return").iterdir()] == ["notes.csv"]
    # A folder holding an earlier return's files is written over.
    write(crafted(), tmp_path / "again", "2016-17")
    write(crafted(), tmp_path / "again", "2016-17")
    assert lines(tmp_path / "again" / "header.csv") == EXPECTED["header.csv"]


def test_a_dataset_of_several_councils_needs_to_be_told_which(tmp_path):
    dataset = Dataset.build({"children": [child("A1"), child("Z9") | {"la": "201"}]})
    with pytest.raises(ReturnFileError, match=r"say which \(the dataset holds 201, 884\)"):
        write(dataset, tmp_path / "return", "2016-17")
    written = write(dataset, tmp_path / "return", "2016-17", la="201")
    assert written.la == "201"
