"""Who may check CIN census files and the live records against the DfE rules: the performance
analyst alone, since the issues report names children by their child IDs. A report is its
owner's: the matrix's report is the analyst persona's.
"""

import tempfile

from django.test import override_settings
from matrix_rules import rule

from safeguard.returns import validation_store
from safeguard.returns.validation.report import ISSUE_SCHEMA, Report

ANALYST = rule({"performance_analyst"})

TABLE = {
    "returns:validation": ANALYST,
    "returns:validation-live": ANALYST,
    "returns:validation-report": ANALYST,
    "returns:validation-csv": ANALYST,
    "returns:validation-json": ANALYST,
}


def records(personas, found):
    # Kept in a folder of its own, not the service's var/cin-validation. The suite's autouse
    # `settings` fixture puts every setting back after the test, this one with them.
    override_settings(CIN_VALIDATION_DIR=tempfile.mkdtemp(prefix="matrix-cin-")).enable()
    kept = validation_store.keep(
        Report("2022-23", ISSUE_SCHEMA.empty_table(), []),
        owner=personas["performance_analyst"],
        source=validation_store.Source.FILE,
        name="matrix.xml",
        children=0,
    )
    return {"report_id": kept.report_id}
