"""A file that is not a readable CIN census message is refused with a message naming the file,
the line and what was expected; entities are never expanded or fetched."""

import gzip
import time
from pathlib import Path

import pytest

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse

HEADER = (
    "<Header><CollectionDetails><Collection>CIN</Collection><Year>2017</Year>"
    "<ReferenceDate>2017-03-31</ReferenceDate></CollectionDetails>"
    "<Source><SourceLevel>L</SourceLevel><LEA>884</LEA></Source></Header>"
)
CHILD = (
    "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><GenderCurrent>1</GenderCurrent>"
    "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity>"
    "</ChildCharacteristics><CINdetails><CINreferralDate>2016-05-01</CINreferralDate>"
    "<ReferralSource>1A</ReferralSource><ReferralNFA>false</ReferralNFA></CINdetails></Child>"
)
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE Message [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<Message>{header}<Children><Child><ChildIdentifiers><LAchildID>&lol5;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file://{target}">]>
<Message>{header}<Children><Child><ChildIdentifiers><LAchildID>&secret;</LAchildID>
</ChildIdentifiers></Child></Children></Message>
"""


def write(tmp_path: Path, text: str | bytes, name: str = "return.xml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path, year: str | None = None) -> str:
    with pytest.raises(ReturnFileError) as refused:
        parse(path, year)
    message = str(refused.value)
    assert message.startswith(path.name), message
    return message


def test_a_tag_closed_by_the_wrong_name_is_refused_naming_the_line_and_the_tag_expected(tmp_path):
    path = write(tmp_path, f"<Message>\n{HEADER}\n<Children>\n<Child>\n</Chlid>\n</Children>\n")
    message = refusal(path)
    assert "line 5" in message
    assert "expected </Child> to close <Child> from line 4, but found </Chlid>" in message


def test_a_truncated_file_is_refused_as_truncated_naming_the_element_left_open(
    tmp_path, shared_data
):
    whole = (shared_data / "fixtures" / "cin" / "CIN2rows.xml").read_text().splitlines()
    # Cut after line 40, inside the <CINdetails> that opens on line 34.
    path = write(tmp_path, "\n".join(whole[:40]) + "\n", "cut.xml")
    message = refusal(path)
    assert "the file ends before <CINdetails> (opened on line 34) is closed" in message
    assert "expected </CINdetails>" in message
    assert "truncated" in message


def test_a_billion_laughs_bomb_is_refused_at_once_without_expanding_it(tmp_path):
    path = write(tmp_path, BILLION_LAUGHS.format(header=HEADER))
    began = time.perf_counter()
    message = refusal(path)
    assert time.perf_counter() - began < 1
    assert "line 2: the file has a DOCTYPE declaring entities" in message
    assert "without reading or expanding any entity" in message
    assert "lollol" not in message


def test_an_external_entity_pointing_at_etc_passwd_is_refused_and_never_read(tmp_path):
    path = write(tmp_path, EXTERNAL_ENTITY.format(target="/etc/passwd", header=HEADER))
    message = refusal(path)
    assert "DOCTYPE declaring entities" in message
    assert "root:" not in message


def test_an_external_entity_pointing_at_a_local_file_never_brings_its_text_in(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the-secret-marker")
    path = write(tmp_path, EXTERNAL_ENTITY.format(target=secret, header=HEADER))
    message = refusal(path)
    assert "the-secret-marker" not in message


@pytest.mark.parametrize(
    "doctype",
    [
        "<!DOCTYPE Message>",
        '<!DOCTYPE Message SYSTEM "http://example.org/cin.dtd">',
        '<!-- a comment first -->\n<!DOCTYPE Message SYSTEM "file:///etc/passwd">',
    ],
)
def test_any_doctype_is_refused_because_a_cin_census_file_never_has_one(tmp_path, doctype):
    path = write(tmp_path, f'<?xml version="1.0"?>\n{doctype}\n<Message>{HEADER}</Message>')
    message = refusal(path)
    assert "the file has a DOCTYPE, which a CIN census file never has" in message


def test_a_doctype_hidden_behind_more_comments_than_are_looked_at_is_refused(tmp_path):
    padding = "<!-- " + "x" * 70_000 + " -->"
    path = write(tmp_path, f"{padding}\n<!DOCTYPE Message>\n<Message>{HEADER}</Message>")
    message = refusal(path)
    assert "expected <Message> within the first 64 KB" in message


def test_a_file_of_another_year_is_refused_naming_the_year_found_and_expected(tmp_path):
    path = write(tmp_path, f"<Message>{HEADER}<Children>{CHILD}</Children></Message>")
    message = refusal(path, "2022-23")
    assert "line 1: the header has <Year>2017</Year>" in message
    assert "<Year>2023</Year>" in message


def test_a_header_without_a_year_is_refused_when_a_year_is_asked_for(tmp_path):
    header = HEADER.replace("<Year>2017</Year>", "")
    path = write(tmp_path, f"<Message>{header}<Children>{CHILD}</Children></Message>")
    message = refusal(path, "2016-17")
    assert "the header has no <Year>" in message
    assert "<Year>2017</Year>" in message


def test_a_file_without_a_header_is_refused(tmp_path):
    path = write(tmp_path, f"<Message>\n<Children>\n{CHILD}\n</Children>\n</Message>")
    message = refusal(path)
    assert "no <Header> line 3, before the first <Child>" in message
    assert "a CIN census file must start with a header" in message


def test_a_file_with_neither_header_nor_children_is_refused_for_its_missing_header(tmp_path):
    message = refusal(write(tmp_path, "<Message><Children/></Message>"))
    assert "no <Header> anywhere in the file" in message


def test_a_csv_file_given_as_xml_is_refused_as_not_xml(tmp_path):
    path = write(
        tmp_path, "LAchildID,UPN,PersonBirthDate\nA1,A123456789012,2010-01-01\n", "cin.csv"
    )
    message = refusal(path)
    assert "line 1: expected an XML CIN census file starting with <Message>" in message
    assert "it starts “LAchildID,UPN,PersonBirthDate”" in message
    assert "CSV" in message


def test_a_compressed_file_is_not_decompressed_but_refused_as_not_xml(tmp_path, shared_data):
    original = (shared_data / "fixtures" / "cin" / "CIN2rows.xml").read_bytes()
    message = refusal(write(tmp_path, gzip.compress(original), "cin.xml.gz"))
    assert "expected an XML CIN census file starting with <Message>" in message


def test_a_message_in_a_namespace_is_refused(tmp_path):
    path = write(tmp_path, f'<Message xmlns="http://www.example.org/cin">{HEADER}</Message>')
    message = refusal(path)
    assert "<Message> is in the namespace “http://www.example.org/cin”" in message
    assert "expected <Message> without xmlns" in message


def test_a_file_whose_root_is_not_message_is_refused(tmp_path):
    message = refusal(write(tmp_path, "<?xml version='1.0'?>\n<Episodes><Episode/></Episodes>"))
    assert "line 2: expected the CIN census root element <Message>, found <Episodes>" in message


def test_an_empty_file_is_refused(tmp_path):
    assert "is empty: expected a CIN census XML file" in refusal(write(tmp_path, ""))


def test_a_missing_file_is_refused(tmp_path):
    assert "cannot be opened" in refusal(tmp_path / "nowhere.xml")


def test_a_bare_ampersand_is_refused_saying_how_it_should_be_written(tmp_path):
    path = write(tmp_path, f"<Message>{HEADER}\n<Children><Child>Smith & Jones</Child>")
    message = refusal(path)
    assert "line 2: a bare “&” was found: expected it written as &amp;" in message


def test_an_undeclared_entity_is_refused(tmp_path):
    path = write(
        tmp_path, f"<Message>{HEADER}\n<Children><Child>&nbsp;</Child></Children></Message>"
    )
    assert "line 2: the entity &nbsp; is not defined" in refusal(path)


def test_text_in_another_encoding_than_declared_is_refused(tmp_path):
    text = f'<?xml version="1.0" encoding="UTF-8"?>\n<Message>{HEADER}\n<Children>'
    path = write(tmp_path, text.encode() + "<Child>José</Child>".encode("latin-1"))
    message = refusal(path)
    assert "line 3: the text is not in the encoding the file declares" in message
