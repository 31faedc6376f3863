"""Who may use the partnership dashboard: the board and the partnership office see published
figures; the analyst and team managers, exact ones and the children behind a count (a journey
measure's: plans at 31 March here)."""

from matrix_rules import rule

from safeguard.measures.models import MeasureRun

DASHBOARD = {"board_member", "business_manager", "performance_analyst", "team_manager"}

TABLE = {
    "measures:dashboard": rule(DASHBOARD),
    "measures:definition": rule(DASHBOARD),
    "measures:children": rule({"performance_analyst", "team_manager"}),
}


def records(personas, found):
    """A stored run (with no results: the pages are the same whatever its figures)."""
    MeasureRun.objects.create(
        fingerprint="matrix", dataset_fingerprint="matrix", years=["2016-17"], label="Matrix run"
    )
    return {"measure_id": "cpp_rate"}
