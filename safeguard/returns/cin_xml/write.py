"""A journey dataset → one council's CIN census XML file for a collection year.

The file holds what the census counts (census.census_tables): the episodes open at any time in
the year, with their children and everything recorded in them, as they stood on the reference
date.

Elements follow the year's schema (CINPlanDates only from 2021-22) and codes are the year's
(codes.as_in_year). The referral source, which the census requires, may be empty in a dataset;
it is written 10, the census's own code for an unknown source. Anything else that would make the
file invalid (a malformed UPN, a code the year never had, a protection plan without its count of
previous plans) refuses the whole file, listing what to put right; nothing is written.

The file is written child by child with lxml's xmlfile, one child's elements in memory at a time,
to a partial file that is renamed into place only when complete.
"""

import importlib.metadata
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from lxml import etree

from safeguard.journey.dataset import Dataset
from safeguard.returns.cin_xml.census import census_tables
from safeguard.returns.cin_xml.codes import LABELS, as_in_year, census_codes
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear, census_year, with_schema

SHOWN = 10
UNKNOWN_SOURCE = "10"
UPN = r"^[A-Za-z](\d{12}|\d{11}[A-Za-z])$"
# (table, column, code list, the census element) for every coded value written.
CODED = (
    ("children", "gender", "gendertype", "GenderCurrent"),
    ("children", "ethnicity", "ethnicitytype", "Ethnicity"),
    ("children", "upn_unknown", "unknownupntype", "UPNunknown"),
    ("children", "disabilities", "disabilitytype", "Disability"),
    ("referrals", "source", "referralsourcetype", "ReferralSource"),
    ("referrals", "primary_need", "primaryneedcodetype", "PrimaryNeedCode"),
    ("referrals", "closure_reason", "reasonforclosuretype", "ReasonForClosure"),
    ("assessments", "factors", "assessmentfactorstype", "AssessmentFactors"),
    ("cp_plans", "initial_category", "categoryofabuse", "InitialCategoryOfAbuse"),
    ("cp_plans", "latest_category", "categoryofabuse", "LatestCategoryOfAbuse"),
)


@dataclass(frozen=True)
class Written:
    path: Path
    year: CensusYear
    la: str
    children: int
    episodes: int


def write(
    dataset: Dataset,
    path: Path | str,
    year: str,
    *,
    la: str | None = None,
    produced_at: datetime | None = None,
) -> Written:
    """Write council `la`'s (the dataset's only council, if not given) census for `year`."""
    census = with_schema(census_year(year))
    la = _council(dataset, la)
    tables = census_tables(dataset, census, la)
    _refuse_invalid(tables, census, la)
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    translate = _translations(tables, census)
    try:
        with etree.xmlfile(str(partial), encoding="UTF-8") as out:
            out.write_declaration()
            with out.element("Message"):
                out.write("\n  ", _header(census, la, produced_at or datetime.now(UTC)))
                out.write("\n  ")
                with out.element("Children"):
                    for child in _children(tables, census, translate):
                        etree.indent(child, space="  ", level=2)
                        out.write("\n    ", child)
                    out.write("\n  ")
                out.write("\n")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return Written(path, census, la, tables["children"].num_rows, tables["referrals"].num_rows)


def _council(dataset: Dataset, la: str | None) -> str:
    councils = dataset.councils()
    if la is None:
        if len(councils) != 1:
            held = ", ".join(councils) or "none"
            raise ReturnFileError(
                f"A CIN census file is one council's: say which (the dataset holds {held})"
            )
        la = councils[0]
    if not re.fullmatch(r"\d{3}", la):
        raise ReturnFileError(f"“{la}” is not a council's LA code: expected three digits")
    return la


def _refuse_invalid(tables: dict[str, pa.Table], census: CensusYear, la: str) -> None:
    problems: list[str] = []
    total = 0

    def note(table: pa.Table, bad: pa.ChunkedArray, say) -> None:
        nonlocal total
        rows = table.filter(pc.fill_null(bad, False))
        total += rows.num_rows
        problems.extend(say(row) for row in rows.slice(0, SHOWN).to_pylist())

    children = tables["children"]
    for column, element in (("upn", "UPN"), ("former_upn", "FormerUPN")):
        well_formed = pc.match_substring_regex(children[column], UPN)
        note(
            children,
            pc.and_(pc.is_valid(children[column]), pc.invert(well_formed)),
            lambda row, column=column, element=element: (
                f"child {row['child_id']}: <{element}> is “{row[column]}”: expected a letter "
                "and 12 digits, or a letter, 11 digits and a letter"
            ),
        )
    plans = tables["cp_plans"]
    note(
        plans,
        pc.is_null(plans["previous_plans"]),
        lambda row: (
            f"child {row['child_id']}: the protection plan {row['cp_plan_id']} has no number of "
            "previous plans (<NumberOfPreviousCPP>), which the census requires"
        ),
    )
    codes = census_codes(census)
    for table_name, column, code_list, element in CODED:
        table = tables[table_name]
        for original, code in _written_codes(table[column], code_list, census).items():
            if code is not None and code not in codes[code_list]:
                total += 1
                problems.append(
                    f"<{element}> “{original}” is not a {census} census {LABELS[code_list]} code"
                )
    if total:
        listed = "\n".join(f"  {problem}" for problem in problems[:SHOWN])
        more = f"\n  … and {total - SHOWN} more" if total > SHOWN else ""
        raise ReturnFileError(
            f"Council {la}'s {census} CIN census was not written: {total} values would make it "
            f"invalid; nothing was written.\n{listed}{more}"
        )


def _written_codes(values: pa.ChunkedArray, code_list: str, census: CensusYear) -> dict:
    """Each distinct code of a column and the code the year's census writes for it."""
    if pa.types.is_list(values.type):
        values = pc.list_flatten(values)
    return {code: as_in_year(code_list, code, census) for code in pc.unique(values).to_pylist()}


def _translations(tables: dict[str, pa.Table], census: CensusYear) -> dict[str, dict]:
    return {
        column: _written_codes(tables[table][column], code_list, census)
        for table, column, code_list, _ in CODED
    }


def _header(census: CensusYear, la: str, produced_at: datetime) -> etree._Element:
    header = etree.Element("Header")
    details = etree.SubElement(header, "CollectionDetails")
    _leaf(details, "Collection", "CIN")
    _leaf(details, "Year", census.end)
    _leaf(details, "ReferenceDate", census.reference_date)
    source = etree.SubElement(header, "Source")
    _leaf(source, "SourceLevel", "L")
    _leaf(source, "LEA", la)
    _leaf(source, "SoftwareCode", "Safeguard")
    _leaf(source, "Release", importlib.metadata.version("safeguard"))
    _leaf(source, "SerialNo", "001")
    _leaf(
        source,
        "DateTime",
        produced_at.astimezone(UTC).replace(tzinfo=None, microsecond=0).isoformat(),
    )
    etree.indent(header, space="  ", level=1)
    return header


def _leaf(parent: etree._Element, name: str, value: object) -> None:
    """A child element holding `value`; nothing at all when there is no value."""
    if value is not None:
        if isinstance(value, bool):
            value = "true" if value else "false"
        etree.SubElement(parent, name).text = str(value)


class _ByChild:
    """A table's rows, sorted by child, handed out one child at a time."""

    def __init__(self, table: pa.Table) -> None:
        self.rows = (row for batch in table.to_batches(10_000) for row in batch.to_pylist())
        self.next = next(self.rows, None)

    def take(self, child_id: str) -> list[dict]:
        taken = []
        while self.next is not None and self.next["child_id"] == child_id:
            taken.append(self.next)
            self.next = next(self.rows, None)
        return taken


def _by_referral(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["referral_id"], []).append(row)
    return grouped


def _children(
    tables: dict[str, pa.Table], census: CensusYear, translate: dict[str, dict]
) -> Iterator[etree._Element]:
    parts = {name: _ByChild(tables[name]) for name in tables if name != "children"}
    for batch in tables["children"].to_batches(10_000):
        for child in batch.to_pylist():
            child_id = child["child_id"]
            rows = {name: cursor.take(child_id) for name, cursor in parts.items()}
            yield _child(child, rows, census, translate)


def _child(
    child: dict, rows: dict[str, list[dict]], census: CensusYear, translate: dict[str, dict]
) -> etree._Element:
    element = etree.Element("Child")
    ids = etree.SubElement(element, "ChildIdentifiers")
    _leaf(ids, "LAchildID", child["child_id"])
    _leaf(ids, "UPN", child["upn"])
    _leaf(ids, "FormerUPN", child["former_upn"])
    _leaf(ids, "UPNunknown", translate["upn_unknown"].get(child["upn_unknown"]))
    _leaf(ids, "PersonBirthDate", child["date_of_birth"])
    _leaf(ids, "ExpectedPersonBirthDate", child["expected_date_of_birth"])
    _leaf(ids, "GenderCurrent", translate["gender"][child["gender"]])
    _leaf(ids, "PersonDeathDate", child["date_of_death"])
    about = etree.SubElement(element, "ChildCharacteristics")
    _leaf(about, "Ethnicity", translate["ethnicity"][child["ethnicity"]])
    if child["disabilities"]:
        disabilities = etree.SubElement(about, "Disabilities")
        for code in child["disabilities"]:
            _leaf(disabilities, "Disability", translate["disabilities"][code])
    parts = {name: _by_referral(found) for name, found in rows.items() if name != "cp_reviews"}
    reviews: dict[str, list[dict]] = {}
    for review in rows["cp_reviews"]:
        reviews.setdefault(review["cp_plan_id"], []).append(review)
    for referral in rows["referrals"]:
        _episode(element, referral, parts, reviews, census, translate)
    return element


def _episode(
    child: etree._Element,
    referral: dict,
    parts: dict[str, dict[str, list[dict]]],
    reviews: dict[str, list[dict]],
    census: CensusYear,
    translate: dict[str, dict],
) -> None:
    key = referral["referral_id"]
    episode = etree.SubElement(child, "CINdetails")
    _leaf(episode, "CINreferralDate", referral["referral_date"])
    source = translate["source"].get(referral["source"]) or UNKNOWN_SOURCE
    _leaf(episode, "ReferralSource", source)
    _leaf(episode, "PrimaryNeedCode", translate["primary_need"].get(referral["primary_need"]))
    _leaf(episode, "CINclosureDate", referral["closure_date"])
    _leaf(episode, "ReasonForClosure", translate["closure_reason"].get(referral["closure_reason"]))
    for assessment in parts["assessments"].get(key, []):
        element = etree.SubElement(episode, "Assessments")
        _leaf(element, "AssessmentActualStartDate", assessment["start_date"])
        _leaf(element, "AssessmentAuthorisationDate", assessment["authorisation_date"])
        if assessment["factors"]:
            factors = etree.SubElement(element, "FactorsIdentifiedAtAssessment")
            for code in assessment["factors"]:
                _leaf(factors, "AssessmentFactors", translate["factors"][code])
    if census.has_cin_plans:
        for plan in parts["cin_plans"].get(key, []):
            element = etree.SubElement(episode, "CINPlanDates")
            _leaf(element, "CINPlanStartDate", plan["start_date"])
            _leaf(element, "CINPlanEndDate", plan["end_date"])
    for enquiry in parts["section47"].get(key, []):
        element = etree.SubElement(episode, "Section47")
        _leaf(element, "S47ActualStartDate", enquiry["start_date"])
        _leaf(element, "InitialCPCtarget", enquiry["icpc_target_date"])
        _leaf(element, "DateOfInitialCPC", enquiry["icpc_date"])
        _leaf(element, "ICPCnotRequired", enquiry["icpc_not_required"])
    _leaf(episode, "ReferralNFA", referral["nfa"])
    for plan in parts["cp_plans"].get(key, []):
        element = etree.SubElement(episode, "ChildProtectionPlans")
        _leaf(element, "CPPstartDate", plan["start_date"])
        _leaf(element, "CPPendDate", plan["end_date"])
        _leaf(
            element,
            "InitialCategoryOfAbuse",
            translate["initial_category"][plan["initial_category"]],
        )
        _leaf(
            element, "LatestCategoryOfAbuse", translate["latest_category"][plan["latest_category"]]
        )
        _leaf(element, "NumberOfPreviousCPP", plan["previous_plans"])
        dates = reviews.get(plan["cp_plan_id"], [])
        if dates:
            element = etree.SubElement(element, "Reviews")
            for review in dates:
                _leaf(element, "CPPreviewDate", review["review_date"])
