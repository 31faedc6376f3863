"""Read an SSDA903 XML file into raw tables, safely, in one pass.

Safe as the CIN reader is (safeguard.returns.cin_xml.parse): the file is a plain byte stream, a
DOCTYPE is refused before any parser sees it, entities are never resolved, nothing is fetched
and libxml2's limits stay on. Streaming: each <CHILD> is read when it ends, then cleared and
unlinked, so memory holds one child's elements at a time plus the rows read so far.

The file holds one <CHILD> per child: a <HEADER> (the child's details, <AREVIEW> reviews,
<AMISSING> missing episodes, and the outcome, care leaver and adoption details the dataset does
not keep) followed by the child's <EPISODE>s.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from lxml import etree

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.ssda903.raw import RAW_COLUMNS, RawReturn, Rows, raw_schema
from safeguard.returns.ssda903.spec import LABELS
from safeguard.returns.ssda903.xml_guard import check_prolog, check_root, explain

PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
PROLOG_BYTES = 64 * 1024
BATCH_CHILDREN = 5_000
# The XML form's names for two CSV columns.
CSV_NAMES = {"CHILDID": "CHILD", "PL": "PLACE"}
# What the dataset does not keep, by the element that says it is there.
_GROUPS = {"OC2": "OC2", "PERMANENCE": "PrevPerm", "AD_PLACED": "PlacedAdoption"}
_LEAVES = {
    "IN_TOUCH": LABELS["OC3"],
    "DATE_INT": LABELS["AD1"],
    "MOTHER": "mothers' details (MOTHER, MC_DOB)",
    "DUC": "dates UASC status ceased (DUC)",
}


def read_xml(path: Path) -> RawReturn:
    """The raw tables of an SSDA903 XML file; ReturnFileError for one that is not well formed."""
    try:
        stream = path.open("rb")
    except OSError as error:
        raise ReturnFileError(f"{path.name} cannot be opened: {error.strerror}") from None
    with stream:
        check_prolog(path, stream.read(PROLOG_BYTES))
        stream.seek(0)
        etree.clear_error_log()
        try:
            check_root(path, stream, PARSER_OPTIONS)
            stream.seek(0)
            with _no_cycle_collection():
                return _Reader(path).read(stream)
        except etree.XMLSyntaxError as error:
            raise ReturnFileError(explain(path.name, error)) from None


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Reading makes millions of small objects that never form cycles; the cycle collector would
    walk them again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.tables = {name: Rows(raw_schema(name)) for name in RAW_COLUMNS}
        labels = [*(LABELS[table] for table in _GROUPS.values()), *_LEAVES.values()]
        self.left_out = dict.fromkeys(labels, 0)

    def read(self, stream: IO[bytes]) -> RawReturn:
        for count, child in enumerate(self._children(stream), 1):
            self._child(child)
            if count % BATCH_CHILDREN == 0:
                for rows in self.tables.values():
                    rows.flush()
        return RawReturn(
            form="XML",
            name=self.path.name,
            tables={name: rows.table() for name, rows in self.tables.items()},
            sources={name: self.path.name for name in self.tables},
            left_out={label: n for label, n in self.left_out.items() if n},
        )

    def _children(self, stream: IO[bytes]) -> Iterator[etree._Element]:
        """Each <CHILD> as it ends; cleared and unlinked once read."""
        events = etree.iterparse(stream, events=("end",), tag=("CHILD",), **PARSER_OPTIONS)
        for _, element in events:
            yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                # Earlier children are already cleared; unlinking them keeps the tree flat.
                while element.getprevious() is not None:
                    del parent[0]

    def _child(self, element: etree._Element) -> None:
        header = element.find("HEADER")
        fields = self._header(header if header is not None else element)
        child_id = fields.get("CHILD")
        for episode in element.iterfind("EPISODE"):
            values = {CSV_NAMES.get(part.tag, part.tag): part.text for part in episode}
            self._add("Episodes", {**values, "CHILD": child_id}, episode.sourceline)
        if header is None:
            return
        for review in header.iterfind("AREVIEW"):
            values = {part.tag: part.text for part in review}
            self._add("Reviews", {**values, "CHILD": child_id}, review.sourceline)
        for missing in header.iterfind("AMISSING"):
            values = {part.tag: part.text for part in missing}
            self._add("Missing", {**values, "CHILD": child_id}, missing.sourceline)
        if (fields.get("UASC") or "").strip():
            self._add("UASC", fields, header.sourceline)

    def _header(self, header: etree._Element) -> dict[str, str | None]:
        fields: dict[str, str | None] = {}
        for part in header:
            tag = part.tag
            if tag in _GROUPS:
                self.left_out[LABELS[_GROUPS[tag]]] += any((p.text or "").strip() for p in part)
            elif len(part) == 0:
                fields.setdefault(CSV_NAMES.get(tag, tag), part.text)
        for tag, label in _LEAVES.items():
            also = ("MC_DOB",) if tag == "MOTHER" else ()
            self.left_out[label] += any((fields.get(t) or "").strip() for t in (tag, *also))
        self._add("Header", fields, header.sourceline)
        return fields

    def _add(self, table: str, values: dict[str, str | None], line: int) -> None:
        self.tables[table].rows.append((*map(values.get, RAW_COLUMNS[table]), line))
