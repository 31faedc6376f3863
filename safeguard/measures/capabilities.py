from safeguard.access.capabilities import register

DASHBOARD = register(
    "measures.dashboard", "See the partnership dashboard of measures against England and neighbours"
)
EXACT_FIGURES = register(
    "measures.exact_figures", "See exact counts on the dashboard, small numbers included"
)
CHILDREN_BEHIND = register(
    "measures.children_behind", "Open the list of children behind a count (logged)"
)
