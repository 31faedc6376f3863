"""The issues report of a CIN census validation, as CSV, JSON or an HTML page.

Each issue names the child (none for an issue about the whole return), the rule's code, type
and message, the census module and element, the value as written and the line of the file.
"""

import html
import io
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from safeguard.returns.validation.registry import Rule, RuleType

ISSUE_SCHEMA = pa.schema(
    [
        ("child_id", pa.string()),
        ("rule", pa.string()),
        ("type", pa.string()),
        ("message", pa.string()),
        ("table", pa.string()),
        ("field", pa.string()),
        ("value", pa.string()),
        ("line", pa.int64()),
    ]
)
HEADINGS = {
    "child_id": "Child ID",
    "rule": "Rule",
    "type": "Type",
    "message": "Message",
    "table": "Table",
    "field": "Field",
    "value": "Value",
    "line": "Line",
}
# A spreadsheet runs a cell starting with one of these as a formula; such values get a quote.
_FORMULA_START = r"^([=+\-@\t\r])"
_TAGS = {RuleType.ERROR.value: "govuk-tag--red", RuleType.QUERY.value: "govuk-tag--yellow"}


@dataclass(frozen=True)
class Issue:
    child_id: str | None
    rule: str
    type: str
    message: str
    table: str
    field: str
    value: str | None
    line: int | None


class Report:
    def __init__(
        self,
        ruleset: str,
        issues: pa.Table,
        rules: list[Rule],
        unchecked: dict[str, str] | None = None,
    ) -> None:
        self.ruleset = ruleset
        self.table = issues
        # The rules that were run, whether or not they found anything.
        self.rules = rules
        # Rules that could not be run, with the reason; empty when every rule was checked.
        self.unchecked = unchecked or {}

    def __len__(self) -> int:
        return self.table.num_rows

    def __iter__(self) -> Iterator[Issue]:
        for row in self.table.to_pylist():
            yield Issue(**row)

    @property
    def codes(self) -> set[str]:
        return set(self.table.column("rule").to_pylist())

    def counts(self) -> Counter[str]:
        """How many issues each rule raised."""
        return Counter(self.table.column("rule").to_pylist())

    def count_of(self, rule_type: RuleType) -> int:
        return pc.sum(pc.equal(self.table.column("type"), rule_type.value)).as_py() or 0

    @property
    def errors(self) -> int:
        return self.count_of(RuleType.ERROR)

    @property
    def queries(self) -> int:
        return self.count_of(RuleType.QUERY)

    def to_csv(self) -> str:
        safe = self.table
        for name in ("child_id", "value"):
            column = pc.replace_substring_regex(
                safe.column(name), pattern=_FORMULA_START, replacement=r"'\1"
            )
            safe = safe.set_column(safe.schema.get_field_index(name), name, column)
        safe = safe.rename_columns([HEADINGS[name] for name in safe.column_names])
        buffer = io.BytesIO()
        pa_csv.write_csv(safe, buffer)
        return buffer.getvalue().decode("utf-8")

    def to_json(self) -> str:
        return json.dumps(
            {
                "ruleset": self.ruleset,
                "errors": self.errors,
                "queries": self.queries,
                "rules": [r.code for r in self.rules],
                "unchecked": self.unchecked,
                "issues": self.table.to_pylist(),
            },
            ensure_ascii=False,
            indent=1,
        )

    def summary(self) -> str:
        errors = _counted(self.errors, "error", "errors")
        queries = _counted(self.queries, "query", "queries")
        return f"{errors} and {queries} under the {self.ruleset} rules"

    def html_table(self) -> str:
        """The issues as a GOV.UK table, every value escaped."""
        head = "".join(
            f'<th scope="col" class="govuk-table__header">{heading}</th>'
            for heading in HEADINGS.values()
        )
        rows = "\n".join(self._html_row(issue) for issue in self)
        return (
            '<table class="govuk-table">\n'
            '<caption class="govuk-table__caption govuk-table__caption--m">Issues found</caption>\n'
            f'<thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>\n'
            f'<tbody class="govuk-table__body">\n{rows}\n</tbody>\n</table>'
        )

    def to_html(self) -> str:
        title = f"CIN census validation: {html.escape(self.ruleset)} rules"
        body = self.html_table() if len(self) else '<p class="govuk-body">No issues found.</p>'
        unchecked = "".join(
            f"<li>Rule {html.escape(code)}: {html.escape(reason)}</li>"
            for code, reason in self.unchecked.items()
        )
        warning = (
            '<div class="govuk-warning-text"><strong class="govuk-warning-text__text">'
            "These rules could not be checked:</strong>"
            f'<ul class="govuk-list govuk-list--bullet">{unchecked}</ul></div>'
            if unchecked
            else ""
        )
        return (
            '<!DOCTYPE html>\n<html lang="en" class="govuk-template">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{title}</title>\n</head>\n'
            '<body class="govuk-template__body">\n'
            '<main class="govuk-main-wrapper" id="main-content">\n'
            f'<h1 class="govuk-heading-l">{title}</h1>\n'
            f'<p class="govuk-body">{html.escape(self.summary())}.</p>\n'
            f"{warning}{body}\n</main>\n</body>\n</html>\n"
        )

    @staticmethod
    def _html_row(issue: Issue) -> str:
        tag = _TAGS.get(issue.type, "govuk-tag--grey")
        cells = (
            _text(issue.child_id),
            _text(issue.rule),
            f'<strong class="govuk-tag {tag}">{_text(issue.type)}</strong>',
            _text(issue.message),
            _text(issue.table),
            _text(issue.field),
            _text(issue.value),
            _text(issue.line),
        )
        rendered = "".join(f'<td class="govuk-table__cell">{cell}</td>' for cell in cells)
        return f'<tr class="govuk-table__row">{rendered}</tr>'


def _counted(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def _text(value: object) -> str:
    return "" if value is None else html.escape(str(value))
