"""Read a CIN census XML file into the raw tables of safeguard.returns.cin_raw, safely, in one pass.

Safe: the file is read as a plain byte stream (never decompressed, never fetched from a network);
a DOCTYPE is refused before any parser sees it, so no entity is ever declared, expanded or loaded
(no "billion laughs", no external entities); libxml2's own limits stay on (no huge trees).

Streaming: each <Child> is read when it ends and is then cleared and unlinked, so memory holds one
child's elements at a time plus the rows read so far, which are turned into Arrow record batches
every few thousand children. A file far larger than memory reads in the memory of its rows.

Raw: values are kept as written. An unknown code or an impossible date is not this module's
business (the validator reports it, the strict reader refuses it); a file that is not a CIN
census message at all, or not the year asked for, is.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyarrow as pa
from lxml import etree

from safeguard.returns.cin_raw import RAW_TABLES
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.prolog import PROLOG_BYTES, check_prolog, check_root
from safeguard.returns.cin_xml.syntax import explain_syntax_error
from safeguard.returns.cin_xml.years import census_year

PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}
# Rows become Arrow record batches this often, so the Python objects of a national file never
# pile up.
BATCH_CHILDREN = 5_000
# The parts of a <CINdetails> that are records of their own; its other elements are values.
_MODULES = frozenset(["Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"])


class _Rows:
    """One raw table's rows, gathered as tuples and turned into record batches now and then."""

    __slots__ = ("batches", "rows", "schema")

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.rows: list[tuple] = []
        self.batches: list[pa.RecordBatch] = []

    def flush(self) -> None:
        if self.rows:
            columns = zip(*self.rows, strict=True)
            arrays = [pa.array(c, type=f.type) for c, f in zip(columns, self.schema, strict=True)]
            self.batches.append(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
            self.rows = []

    def table(self) -> pa.Table:
        self.flush()
        return pa.Table.from_batches(self.batches, schema=self.schema)


def parse(path: Path | str, year: str | None = None) -> dict[str, pa.Table]:
    """The raw tables of a CIN census file; with `year` ("2016-17"), the header must be that year's.

    ReturnFileError, naming the file and the line, for anything that is not a well-formed CIN
    census message.
    """
    path = Path(path)
    expected_year = str(census_year(year).end) if year else None
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
                return _Reader(path, expected_year).read(stream)
        except etree.XMLSyntaxError as error:
            raise ReturnFileError(explain_syntax_error(path.name, error)) from None


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Reading makes millions of small objects that never form cycles; the cycle collector would
    walk them again and again for nothing (a sixth of the time of a national file)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Reader:
    def __init__(self, path: Path, expected_year: str | None) -> None:
        self.path = path
        self.expected_year = expected_year
        self.tables = {name: _Rows(schema) for name, schema in RAW_TABLES.items()}
        self.header_seen = False

    def read(self, stream: IO[bytes]) -> dict[str, pa.Table]:
        children = 0
        for element in self._elements(stream):
            if element.tag == "Child":
                if not self.header_seen:
                    self._no_header(f"line {element.sourceline}, before the first <Child>")
                self._child(element)
                children += 1
                if children % BATCH_CHILDREN == 0:
                    for rows in self.tables.values():
                        rows.flush()
            elif not self.header_seen:
                self._header(element)
        if not self.header_seen:
            self._no_header("anywhere in the file")
        return {name: rows.table() for name, rows in self.tables.items()}

    def _elements(self, stream: IO[bytes]) -> Iterator[etree._Element]:
        """Each <Header> and <Child> as it ends; cleared and unlinked once the caller has it."""
        events = etree.iterparse(stream, events=("end",), tag=("Header", "Child"), **PARSER_OPTIONS)
        for _, element in events:
            yield element
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                # Earlier siblings are already cleared; unlinking them keeps the tree flat.
                while element.getprevious() is not None:
                    del parent[0]

    def _no_header(self, where: str) -> None:
        raise ReturnFileError(
            f"{self.path.name}: no <Header> {where}: a CIN census file must start with a header "
            "giving the collection year (<Year>) and the local authority (<LEA>)"
        )

    def _header(self, element: etree._Element) -> None:
        details: dict[str, str | None] = {}
        for part in element:
            # The first of each: a header may list several <Source>s, the census reads one.
            if part.tag in ("CollectionDetails", "Source"):
                for field in part:
                    details.setdefault(field.tag, field.text)
        year = details.get("Year")
        if self.expected_year and (year or "").strip() != self.expected_year:
            found = f"<Year>{year}</Year>" if year is not None else "no <Year>"
            raise ReturnFileError(
                f"{self.path.name}, line {element.sourceline}: the header has {found}, but the "
                f"census asked for has <Year>{self.expected_year}</Year>: is this the right file?"
            )
        self.tables["header"].rows.append(
            (
                details.get("Collection"),
                year,
                details.get("ReferenceDate"),
                details.get("SourceLevel"),
                details.get("LEA"),
                details.get("SoftwareCode"),
                details.get("Release"),
                details.get("SerialNo"),
                details.get("DateTime"),
                element.sourceline,
            )
        )
        self.header_seen = True

    def _child(self, element: etree._Element) -> None:
        ids: dict[str, str | None] = {}
        ethnicity = disabilities = None
        episodes = []
        for part in element:
            tag = part.tag
            if tag == "CINdetails":
                episodes.append(part)
            elif tag == "ChildIdentifiers":
                for field in part:
                    ids[field.tag] = field.text
            elif tag == "ChildCharacteristics":
                for field in part:
                    if field.tag == "Ethnicity":
                        ethnicity = field.text
                    elif field.tag == "Disabilities":
                        disabilities = [d.text for d in field if d.tag == "Disability"]
        child_id = ids.get("LAchildID")
        self.tables["children"].rows.append(
            (
                child_id,
                ids.get("UPN"),
                ids.get("FormerUPN"),
                ids.get("UPNunknown"),
                ids.get("PersonBirthDate"),
                ids.get("ExpectedPersonBirthDate"),
                # From 2024-25 the census asks for the child's sex where it asked for gender.
                ids["GenderCurrent"] if "GenderCurrent" in ids else ids.get("Sex"),
                ids.get("PersonDeathDate"),
                ethnicity,
                disabilities,
                element.sourceline,
            )
        )
        for index, episode in enumerate(episodes, 1):
            self._episode(child_id, index, episode)

    def _episode(self, child_id: str | None, index: int, element: etree._Element) -> None:
        fields: dict[str, str | None] = {}
        plans = 0
        for part in element:
            tag = part.tag
            if tag not in _MODULES:
                fields[tag] = part.text
            elif tag == "Assessments":
                self._assessment(child_id, index, part)
            elif tag == "CINPlanDates":
                self._cin_plan(child_id, index, part)
            elif tag == "Section47":
                self._section47(child_id, index, part)
            else:
                plans += 1
                self._protection_plan(child_id, index, part, plans)
        self.tables["cin_details"].rows.append(
            (
                child_id,
                index,
                fields.get("CINreferralDate"),
                fields.get("ReferralSource"),
                fields.get("PrimaryNeedCode"),
                fields.get("CINclosureDate"),
                fields.get("ReasonForClosure"),
                fields.get("DateOfInitialCPC"),
                fields.get("ReferralNFA"),
                element.sourceline,
            )
        )

    def _assessment(self, child_id: str | None, index: int, element: etree._Element) -> None:
        fields: dict[str, str | None] = {}
        factors = None
        for part in element:
            if part.tag == "FactorsIdentifiedAtAssessment":
                factors = [f.text for f in part if f.tag == "AssessmentFactors"]
            else:
                fields[part.tag] = part.text
        self.tables["assessments"].rows.append(
            (
                child_id,
                index,
                fields.get("AssessmentActualStartDate"),
                fields.get("AssessmentInternalReviewDate"),
                fields.get("AssessmentAuthorisationDate"),
                factors,
                element.sourceline,
            )
        )

    def _cin_plan(self, child_id: str | None, index: int, element: etree._Element) -> None:
        fields = {part.tag: part.text for part in element}
        self.tables["cin_plans"].rows.append(
            (
                child_id,
                index,
                fields.get("CINPlanStartDate"),
                fields.get("CINPlanEndDate"),
                element.sourceline,
            )
        )

    def _section47(self, child_id: str | None, index: int, element: etree._Element) -> None:
        fields = {part.tag: part.text for part in element}
        self.tables["section47"].rows.append(
            (
                child_id,
                index,
                fields.get("S47ActualStartDate"),
                fields.get("InitialCPCtarget"),
                fields.get("DateOfInitialCPC"),
                fields.get("ICPCnotRequired"),
                element.sourceline,
            )
        )

    def _protection_plan(
        self, child_id: str | None, index: int, element: etree._Element, plan: int
    ) -> None:
        fields: dict[str, str | None] = {}
        reviews = self.tables["cp_reviews"].rows
        for part in element:
            if part.tag == "Reviews":
                for review in part:
                    if review.tag == "CPPreviewDate":
                        reviews.append((child_id, index, plan, review.text, review.sourceline))
            else:
                fields[part.tag] = part.text
        self.tables["cp_plans"].rows.append(
            (
                child_id,
                index,
                plan,
                fields.get("CPPstartDate"),
                fields.get("CPPendDate"),
                fields.get("InitialCategoryOfAbuse"),
                fields.get("LatestCategoryOfAbuse"),
                fields.get("NumberOfPreviousCPP"),
                element.sourceline,
            )
        )
