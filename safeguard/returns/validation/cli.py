"""`safeguard returns validate FILE --ruleset 2022-23 --format csv|json|html`, as a function.

The exit status says what was found: 0 when the file has no errors (queries may remain), 1 when
it has errors, 2 when it could not be checked at all (a file that is not a CIN census file, or a
ruleset we do not have).
"""

import sys
from pathlib import Path
from typing import TextIO

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.parse import parse
from safeguard.returns.validation.census import UnknownRuleset
from safeguard.returns.validation.engine import DEFAULT_RULESET, validate
from safeguard.returns.validation.report import Report

FORMATS = ("csv", "json", "html")
CLEAN, HAS_ERRORS, NOT_CHECKED = 0, 1, 2


def render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.to_json()
    if fmt == "html":
        return report.to_html()
    return report.to_csv()


def run_validate(
    path: Path | str,
    ruleset: str = DEFAULT_RULESET,
    fmt: str = "csv",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Validate a CIN census XML file, print its issues report to `out`, return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    if fmt not in FORMATS:
        err.write(f"There is no “{fmt}” format: choose one of {', '.join(FORMATS)}\n")
        return NOT_CHECKED
    try:
        report = validate(parse(path), ruleset)
    except (ReturnFileError, UnknownRuleset) as error:
        err.write(f"{error}\n")
        return NOT_CHECKED
    out.write(render(report, fmt))
    err.write(f"{Path(path).name}: {report.summary()}.\n")
    for code, reason in report.unchecked.items():
        err.write(f"Rule {code} could not be checked: {reason}\n")
    return HAS_ERRORS if report.errors else CLEAN
