"""Write an SSDA903 return's rows as one XML file: <EXPSSDA903>, then one <CHILD> per child
holding its <HEADER> (with the child's <AMISSING> and <AREVIEW> records) and its <EPISODE>s.

Elements come in the order of the public SSDA903 files, every one written even when empty
(<DEC/>) as they are. The file is written child by child with lxml's xmlfile, to a partial file
renamed into place only when complete.
"""

from collections import defaultdict
from pathlib import Path

from lxml import etree

from safeguard.returns.ssda903.rows import Row
from safeguard.returns.ssda903.xml_guard import ROOT

_HEADER = ("CHILDID", "UPN", "SEX", "DOB", "ETHNIC", "UASC")
_EPISODE = (
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PL",
    "PL_POST",
    "HOME_POST",
    "URN",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
)
_CSV_NAMES = {"CHILDID": "CHILD", "PL": "PLACE"}


def write_xml(rows: dict[str, list[Row]], out: Path) -> None:
    by_child = {
        table: _grouped(rows[table]) for table in ("Episodes", "Reviews", "Missing", "UASC")
    }
    partial = out.with_name(out.name + ".partial")
    try:
        with etree.xmlfile(str(partial), encoding="UTF-8") as stream:
            stream.write_declaration()
            with stream.element(ROOT):
                for header in rows["Header"]:
                    child = _child(
                        header, {t: g.get(header["CHILD"], []) for t, g in by_child.items()}
                    )
                    etree.indent(child, space="  ", level=1)
                    stream.write("\n  ", child)
                stream.write("\n")
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)


def _grouped(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["CHILD"]].append(row)
    return grouped


def _child(header: Row, own: dict[str, list[Row]]) -> etree._Element:
    child = etree.Element("CHILD")
    element = etree.SubElement(child, "HEADER")
    values = header | {"UASC": "1" if own["UASC"] else ""}
    for tag in _HEADER:
        _leaf(element, tag, values[_CSV_NAMES.get(tag, tag)])
    for missing in own["Missing"]:
        group = etree.SubElement(element, "AMISSING")
        for tag in ("MISSING", "MIS_START", "MIS_END"):
            _leaf(group, tag, missing[tag])
    for review in own["Reviews"]:
        group = etree.SubElement(element, "AREVIEW")
        for tag in ("REVIEW", "REVIEW_CODE"):
            _leaf(group, tag, review[tag])
    _leaf(element, "MOTHER", header["MOTHER"])
    _leaf(element, "MC_DOB", header["MC_DOB"])
    for episode in own["Episodes"]:
        group = etree.SubElement(child, "EPISODE")
        for tag in _EPISODE:
            _leaf(group, tag, episode[_CSV_NAMES.get(tag, tag)])
    return child


def _leaf(parent: etree._Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = text or None
