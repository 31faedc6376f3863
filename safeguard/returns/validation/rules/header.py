"""Rules on the header of the return."""

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import flag, on, return_level, union


@rule("100", table="Header", fields=("ReferenceDate",), message="Reference Date is incorrect")
def reference_date_is_the_last_day_of_the_census(c: Census) -> str:
    return union(
        flag("header", "ReferenceDate", f"reference IS DISTINCT FROM {on(c.reference_date)}"),
        return_level("Header", "ReferenceDate", "NULL", "NOT EXISTS (SELECT 1 FROM header)"),
    )
