"""The business plan's priorities for a year, as the report needs them: in the plan's order, with
their objectives, quarterly ratings and the measures they name."""

from safeguard.board.models import Priority


def priorities(year: str) -> list[Priority]:
    return list(
        Priority.objects.filter(plan__year=year)
        .select_related("plan", "lead_group")
        .prefetch_related("objectives", "ratings")
        .order_by("number")
    )


def order_of(priority: Priority | None) -> int:
    return priority.number if priority is not None else 0
