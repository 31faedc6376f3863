"""An SSDA903 return that cannot be read is refused with a message naming the file, the line or
element, and what was expected; entities are never expanded or fetched, and nothing is read
into a dataset."""

import time
import zipfile
from pathlib import Path

import pytest

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.ssda903.read import read

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,"
    "URN\n"
)
A1 = "A1,1,01/02/2010,WBRI,A123456789012,,\n"
EPISODE = "A1,01/05/2016,S,C2,N1,U6,PR1,,,,,,\n"
XML_CHILD = (
    "<CHILD><HEADER><CHILDID>A1</CHILDID><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>"
    "</HEADER><EPISODE><DECOM>01/05/2016</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U6</PL>"
    "</EPISODE></CHILD>"
)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE EXPSSDA903 [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<EXPSSDA903><CHILD><HEADER><CHILDID>&lol5;</CHILDID></HEADER></CHILD></EXPSSDA903>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE EXPSSDA903 [<!ENTITY secret SYSTEM "file://{target}">]>
<EXPSSDA903><CHILD><HEADER><CHILDID>&secret;</CHILDID></HEADER></CHILD></EXPSSDA903>
"""


def xml(tmp_path: Path, text: str, name: str = "return.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    where = tmp_path / "return"
    where.mkdir()
    for name, text in files.items():
        if isinstance(text, bytes):
            (where / name).write_bytes(text)
        else:
            (where / name).write_text(text, encoding="utf-8")
    return where


def refusal(location: Path, year: str | None = "2016-17") -> str:
    with pytest.raises(ReturnFileError) as refused:
        read(location, la="884", year=year)
    return str(refused.value)


# The XML form


def test_a_tag_closed_by_the_wrong_name_is_refused_naming_the_line_and_the_tag(tmp_path):
    path = xml(tmp_path, '<?xml version="1.0"?>\n<EXPSSDA903><CHILD>\n<HEADER></HEAD>')
    assert refusal(path) == (
        "return.xml, line 3: expected </HEADER> to close <HEADER> from line 3, but found </HEAD>"
    )


def test_a_truncated_file_says_so_naming_the_element_left_open(tmp_path):
    path = xml(tmp_path, f'<?xml version="1.0"?>\n<EXPSSDA903>{XML_CHILD}\n<CHILD><HEADER>')
    message = refusal(path)
    assert message.startswith("return.xml, line 3: the file ends before <HEADER>")
    assert "the file looks truncated" in message


def test_an_entity_bomb_is_refused_at_once_without_expanding_anything(tmp_path):
    path = xml(tmp_path, BILLION_LAUGHS)
    started = time.perf_counter()
    message = refusal(path)
    assert time.perf_counter() - started < 1
    assert message.startswith("return.xml, line 2: the file has a DOCTYPE declaring entities")
    assert "expected <EXPSSDA903> straight after the XML declaration" in message


def test_an_external_entity_is_never_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    message = refusal(xml(tmp_path, EXTERNAL_ENTITY.format(target=secret)))
    assert "has a DOCTYPE declaring entities" in message
    assert "TOP SECRET" not in message


def test_an_undeclared_entity_is_refused(tmp_path):
    path = xml(tmp_path, "<EXPSSDA903><CHILD><HEADER><CHILDID>&x;</CHILDID></HEADER></CHILD>")
    assert refusal(path) == (
        "return.xml, line 1: an entity is used that is not defined: an SSDA903 file uses only "
        "&amp; &lt; &gt; &quot; and &apos;"
    )


def test_a_file_of_another_kind_is_refused_naming_the_root_expected(tmp_path, shared_data):
    cin = shared_data / "fixtures" / "cin" / "CIN2rows.xml"
    assert refusal(cin).startswith(
        "CIN2rows.xml, line 1: expected the SSDA903 root element <EXPSSDA903> (in no "
        "namespace), found <Message>"
    )
    namespaced = xml(tmp_path, '<EXPSSDA903 xmlns="urn:x"></EXPSSDA903>')
    assert "found <{urn:x}EXPSSDA903>" in refusal(namespaced)


def test_a_text_file_and_an_empty_file_are_refused(tmp_path):
    text = xml(tmp_path, "CHILD,SEX\n", name="return.txt")
    assert refusal(text) == (
        "return.txt, line 1: expected an SSDA903 XML file starting with <EXPSSDA903>, but it "
        "starts “CHILD,SEX”"
    )
    empty = xml(tmp_path, "", name="empty.xml")
    assert refusal(empty) == "empty.xml is empty: expected an SSDA903 XML file"


def test_a_child_without_its_header_is_refused(tmp_path):
    path = xml(
        tmp_path,
        "<EXPSSDA903>\n<CHILD><EPISODE><DECOM>01/05/2016</DECOM><RNE>S</RNE><LS>C2</LS>"
        "<CIN>N1</CIN><PL>U6</PL></EPISODE></CHILD></EXPSSDA903>",
    )
    message = refusal(path)
    assert "return.xml, line 2 (<HEADER>): <CHILDID> is missing: expected a value" in message
    assert "nothing was loaded" in message


def test_unknown_codes_impossible_dates_and_backward_episodes_are_listed_by_line(tmp_path):
    path = xml(
        tmp_path,
        "<EXPSSDA903>\n"
        + XML_CHILD.replace("<DOB>01/02/2010", "<DOB>30/02/2010").replace("<PL>U6", "<PL>U9")
        + "\n<CHILD><HEADER><CHILDID>B2</CHILDID><SEX>3</SEX><ETHNIC>WBRI</ETHNIC></HEADER>"
        "<EPISODE><DECOM>01/06/2016</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U6</PL>"
        "<DEC>01/05/2016</DEC></EPISODE></CHILD></EXPSSDA903>",
    )
    message = refusal(path)
    assert message.splitlines() == [
        "return.xml: not read, because 4 values do not fit the 2016-17 SSDA903 return; nothing "
        "was loaded.",
        "  return.xml, line 2 (<HEADER>): <DOB> is “30/02/2010”: expected a real date written "
        "DD/MM/YYYY",
        "  return.xml, line 2 (<EPISODE>): <PL> is “U9”: expected a 2016-17 SSDA903 placement "
        "type code (A3, A4, A5, A6, H5, K1, K2, P1, P2, P3, R1, R2, …)",
        "  return.xml, line 3 (<EPISODE>): <DEC> is “01/05/2016”: expected a date no earlier "
        "than the episode's start (DECOM)",
        "  return.xml, line 3 (<HEADER>): <SEX> is “3”: expected a 2016-17 SSDA903 sex code (1, 2)",
    ]


def test_a_code_from_a_later_year_is_refused_for_an_earlier_one(tmp_path):
    path = xml(tmp_path, "<EXPSSDA903>\n" + XML_CHILD.replace("</PL>", "</PL><REC>E45</REC>"))
    path.write_text(path.read_text() + "</EXPSSDA903>")
    assert "<REC> is “E45”: expected a 2016-17 SSDA903 reason episode ceased code" in refusal(path)
    # Without a year, any year's codes will do.
    assert read(path, la="884").dataset["cla_episodes"]["reason_ceased"].to_pylist() == ["E45"]


def test_a_dates_format_must_be_the_specifications(tmp_path):
    path = xml(tmp_path, "<EXPSSDA903>\n" + XML_CHILD.replace("01/05/2016", "2016-05-01"))
    path.write_text(path.read_text() + "</EXPSSDA903>")
    assert "<DECOM> is “2016-05-01”: expected a real date written DD/MM/YYYY" in refusal(path)


# The CSV form


def test_a_file_with_the_wrong_columns_names_the_nearest_table_and_the_difference(tmp_path):
    where = folder(
        tmp_path, {"header.csv": HEADER + A1, "episodes.csv": EPISODES.replace("PLACE,", "PL,")}
    )
    assert refusal(where) == (
        "episodes.csv, line 1: the columns (CHILD, DECOM, RNE, LS, CIN, PL, PLACE_PROVIDER, DEC, "
        "REC, REASON_PLACE_CHANGE, HOME_POST, PL_POST, URN) are not those of any table of the "
        "2016-17 SSDA903 return; the nearest is Episodes (episodes of care), which expects "
        "CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, "
        "HOME_POST, PL_POST, URN (missing PLACE; not expected PL)"
    )


def test_a_return_without_its_header_file_is_refused(tmp_path):
    where = folder(tmp_path, {"episodes.csv": EPISODES + EPISODE})
    assert refusal(where) == (
        "return: no Header table (the children's header) among the files: expected a file such "
        "as header.csv with the columns CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB"
    )


def test_a_utf16_file_is_refused_naming_the_encoding_expected(tmp_path):
    where = folder(tmp_path, {"header.csv": (HEADER + A1).encode("utf-16")})
    assert refusal(where) == (
        "header.csv, line 1: the file is saved as UTF-16: expected a CSV file saved as UTF-8 "
        "(in Excel, “CSV UTF-8”)"
    )


def test_a_latin1_file_is_refused_naming_the_line_and_the_byte(tmp_path):
    where = folder(
        tmp_path, {"header.csv": (HEADER + "Renée,1,01/02/2010,WBRI,,,\n").encode("latin-1")}
    )
    assert refusal(where) == (
        "header.csv, line 2: the byte 0xe9 (character 4) is not UTF-8 — perhaps “é” saved as "
        "Windows or Latin-1 text: expected a CSV file saved as UTF-8"
    )


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    where = folder(tmp_path, {"header.csv": "\ufeff" + HEADER + A1, "episodes.csv": EPISODES})
    assert read(where, la="884").dataset["children"]["child_id"].to_pylist() == ["A1"]


def test_a_truncated_file_is_refused_where_it_ends(tmp_path):
    short_row = folder(tmp_path, {"header.csv": HEADER + A1, "episodes.csv": EPISODES + "A1,01/"})
    assert refusal(short_row) == (
        "episodes.csv, line 2: 2 values, but the header names 13 columns: expected one value per "
        "column (is the file truncated, or a value with a comma in it not quoted?)"
    )


def test_a_file_ending_inside_a_quoted_value_is_refused(tmp_path):
    where = folder(
        tmp_path, {"header.csv": HEADER + A1, "episodes.csv": EPISODES + 'A1,"01/05/2016,S\n'}
    )
    assert refusal(where) == (
        "episodes.csv, line 2: the file ends inside a quoted value: expected its closing quote "
        "(is the file truncated?)"
    )


def test_an_empty_file_and_a_repeated_column_are_refused(tmp_path):
    empty = folder(tmp_path, {"header.csv": "", "episodes.csv": EPISODES})
    assert refusal(empty) == (
        "header.csv is empty: expected a header line naming the columns of an SSDA903 table"
    )
    (empty / "header.csv").write_text(HEADER.replace("UPN", "DOB"))
    assert refusal(empty) == (
        "header.csv, line 1: the column DOB is named twice: expected each column once"
    )


def test_two_files_of_one_table_are_refused(tmp_path):
    where = folder(
        tmp_path,
        {"header.csv": HEADER + A1, "children.csv": HEADER + A1, "episodes.csv": EPISODES},
    )
    assert refusal(where) == (
        "return: both children.csv and header.csv hold the Header table (the children's header): "
        "expected one file per table"
    )


def test_a_table_the_year_did_not_have_is_refused(tmp_path):
    where = folder(
        tmp_path,
        {
            "header.csv": HEADER + A1,
            "episodes.csv": EPISODES,
            "sw_episodes.csv": "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n",
        },
    )
    assert refusal(where) == (
        "sw_episodes.csv, line 1: these are the columns of the SocialWorker table (social "
        "workers), which the 2016-17 SSDA903 return does not have: it came in 2023-24"
    )


def test_records_of_a_child_not_in_the_header_or_twice_over_are_refused(tmp_path):
    where = folder(
        tmp_path,
        {
            "header.csv": HEADER + A1 + A1,
            "episodes.csv": EPISODES + EPISODE + EPISODE + EPISODE.replace("A1", "Z9"),
            "reviews.csv": "CHILD,DOB,REVIEW,REVIEW_CODE\nZ9,01/02/2010,01/06/2016,PN1\n",
        },
    )
    lines = refusal(where).splitlines()
    assert lines[0] == (
        "return: not read, because 4 values do not fit the 2016-17 SSDA903 return; nothing was "
        "loaded."
    )
    assert lines[1:] == [
        "  episodes.csv, line 3: DECOM is “01/05/2016”: expected each of a child's episodes once "
        "(this one is also on line 2)",
        "  episodes.csv, line 4: CHILD is “Z9”: expected a child in the return's header",
        "  header.csv, line 3: CHILD is “A1”: expected each child once in the header (this one "
        "is also on line 2)",
        "  reviews.csv, line 2: CHILD is “Z9”: expected a child in the return's header",
    ]


def test_many_problems_are_counted_and_the_first_listed(tmp_path):
    rows = "".join(f"A1,{d:02d}/05/2016,Q,C2,N1,U6,PR1,,,,,,\n" for d in range(1, 13))
    lines = refusal(folder(tmp_path, {"header.csv": HEADER + A1, "episodes.csv": EPISODES + rows}))
    lines = lines.splitlines()
    assert len(lines) == 1 + 10 + 1
    # Twelve episodes with an unknown RNE: the first ten are listed.
    assert lines[-1] == "  … and 2 more"


def test_a_zip_bomb_is_refused_unread(tmp_path):
    bomb = tmp_path / "return.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("header.csv", HEADER + "\n" * (64 * 1024 * 1024))
    message = refusal(bomb)
    assert message.startswith("header.csv (in return.zip) would unpack to 67,108,9")
    assert "is it a zip bomb?" in message


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    fake = tmp_path / "return.zip"
    fake.write_text(HEADER)
    assert refusal(fake).startswith("return.zip cannot be read as a zip file")


def test_a_folder_without_csv_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    assert refusal(tmp_path) == (
        f"{tmp_path.name} has no CSV files: expected an SSDA903 return, one CSV file per table "
        "(header.csv, episodes.csv, …)"
    )


def test_a_council_code_must_be_three_digits(tmp_path):
    with pytest.raises(ReturnFileError, match="“88” is not a council's LA code"):
        read(tmp_path, la="88")
