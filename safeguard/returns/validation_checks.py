"""Checking a CIN census against the DfE rules from the validation pages.

Two sources: a file the analyst uploads, or the live records for a census year (extracted into a
journey dataset, written as that year's census file exactly as `safeguard returns export cin`
writes it, and read back, so the page checks the very file the council would send).

An uploaded file is copied into a private temporary folder under its own name (so the reader's
messages name it), read with the safe streaming reader and deleted before the rules run: no
upload outlives the request. A file that cannot be checked raises ReturnFileError with a message
for the form.

The performance analyst sees pseudonymised data only: child IDs, never names or identifiers. The
census from the live records carries each child's UPN, so in its report the UPN and former UPN
flagged by a rule are withheld (the child ID and the rule say which record to put right).
"""

import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from safeguard.journey.dataset import DatasetError
from safeguard.journey.extract import extract
from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse
from safeguard.returns.cin_xml.write import write
from safeguard.returns.cin_xml.years import census_year
from safeguard.returns.validation.census import RULESETS
from safeguard.returns.validation.engine import validate
from safeguard.returns.validation.registry import RuleType
from safeguard.returns.validation.report import Report

logger = logging.getLogger(__name__)

MEGABYTE = 1024 * 1024
UPLOAD_LIMIT_MB = 200
WITHHELD = "withheld: an identifier"
IDENTIFIER_FIELDS = ("UPN", "FormerUPN")
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9 ._()-]+")
# How the writer names a malformed UPN when it refuses to write a census.
_UPN_IN_REFUSAL = re.compile(r"(<(?:Former)?UPN> is )“[^”]*”")


@dataclass(frozen=True)
class Checked:
    report: Report
    # The uploaded file's name, or the census year of the live records.
    name: str
    children: int


@dataclass(frozen=True)
class RuleCount:
    code: str
    type: str
    message: str
    issues: int


def upload_limit_mb() -> int:
    return getattr(settings, "CIN_VALIDATION_UPLOAD_LIMIT_MB", UPLOAD_LIMIT_MB)


def live_census_years() -> list[str]:
    """Census years Safeguard can both write from the live records and check: a schema and a
    ruleset for the year."""
    return [year for year in RULESETS if census_year(year).has_schema]


def file_name(uploaded: str | None) -> str:
    """The uploaded file's own name, kept to characters safe in any folder."""
    name = _UNSAFE_IN_NAME.sub("_", Path(uploaded or "").name).strip(" .")[:100]
    return name or "census.xml"


def check_upload(upload: UploadedFile, ruleset: str) -> Checked:
    name = file_name(upload.name)
    with tempfile.TemporaryDirectory(prefix="cin-upload-") as work:
        path = Path(work) / name
        _copy(upload, path)
        raw = _read(path, ruleset)
    return Checked(validate(raw, ruleset), name, raw["children"].num_rows)


def check_live_records(year: str) -> Checked:
    la = settings.LA_CODE
    try:
        dataset = extract(la)
    except DatasetError as error:
        raise ReturnFileError(
            f"The live records could not be read for the census: {error}"
        ) from None
    with tempfile.TemporaryDirectory(prefix="cin-live-") as work:
        path = Path(work) / f"cin-census-{year}.xml"
        try:
            write(dataset, path, year, la=la)
        except ReturnFileError as refused:
            raise ReturnFileError(_UPN_IN_REFUSAL.sub(r"\1withheld", str(refused))) from None
        raw = _read(path, year)
    report = validate(raw, year)
    shown = Report(report.ruleset, _for_the_analyst(report.table), report.rules, report.unchecked)
    return Checked(shown, year, raw["children"].num_rows)


def by_rule(issues: pa.Table) -> list[RuleCount]:
    """How many issues each rule raised: errors first, then the rules with most issues."""
    counted = issues.group_by(["rule", "type", "message"]).aggregate([("rule", "count")])
    rows = [
        RuleCount(row["rule"], row["type"], row["message"], row["rule_count"])
        for row in counted.to_pylist()
    ]
    return sorted(rows, key=lambda r: (r.type != RuleType.ERROR, -r.issues, r.code))


def _copy(upload: UploadedFile, path: Path) -> None:
    """Copy the upload, then close it, which deletes the copy Django made of a large one."""
    try:
        with path.open("wb") as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
    finally:
        upload.close()


def _read(path: Path, year: str) -> dict[str, pa.Table]:
    try:
        return parse(path, year)
    except ReturnFileError:
        raise
    except Exception:
        # The reader names every fault of a file it knows of; anything else is ours to look at,
        # and the person who uploaded the file still gets a page, not a server error.
        logger.exception("CIN validation: %s could not be read", path.name)
        raise ReturnFileError(f"{path.name} could not be read as a CIN census XML file") from None


def _for_the_analyst(issues: pa.Table) -> pa.Table:
    """Identifiers withheld; no line numbers, which would point into a file nobody sees."""
    value = issues["value"]
    identifier = pc.and_(pc.is_in(issues["field"], pa.array(IDENTIFIER_FIELDS)), pc.is_valid(value))
    withheld = pc.if_else(identifier, pa.scalar(WITHHELD), value)
    issues = issues.set_column(issues.schema.get_field_index("value"), "value", withheld)
    no_lines = pa.nulls(issues.num_rows, issues.schema.field("line").type)
    return issues.set_column(issues.schema.get_field_index("line"), "line", no_lines)
