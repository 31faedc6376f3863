"""Quarterly workforce returns: entered on the form or imported from a spreadsheet (CSV).

An import is checked whole before anything is saved, and saved in one transaction, so a file with
a mistake in any row changes nothing; the error names the row as a spreadsheet numbers it (the
header is row 1).
"""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import Team, User
from safeguard.training.caseloads import record_snapshots, social_work_teams
from safeguard.training.codes import ReturnSource
from safeguard.training.models import QuarterlyReturn
from safeguard.training.quarters import is_quarter_start, quarter_start

COUNTS = ("establishment", "permanent", "agency", "vacancies", "starters", "leavers")
COLUMNS = ("team", "quarter_start", *COUNTS)
MAX_IMPORT_BYTES = 1_000_000
MAX_COUNT = 10_000


class ImportRefused(Exception):
    pass


@dataclass(frozen=True)
class ReturnFigures:
    establishment: int
    permanent: int
    agency: int
    vacancies: int
    starters: int
    leavers: int


def figures_problem(figures: ReturnFigures) -> str | None:
    """The one rule tying the counts together (QuarterlyReturn's docstring says why)."""
    if figures.permanent + figures.vacancies != figures.establishment:
        return (
            "Posts filled by permanent staff and vacancies must add up to the establishment "
            f"({figures.permanent} + {figures.vacancies} is not {figures.establishment})"
        )
    return None


def save_return(
    team: Team, quarter: date, figures: ReturnFigures, *, by: User, source: str
) -> QuarterlyReturn:
    """Save a team's return for a quarter, replacing any earlier one for the same quarter, and
    keep the team's caseloads as they stand today for the trend."""
    with transaction.atomic():
        saved, _ = QuarterlyReturn.objects.update_or_create(
            team=team,
            quarter_start=quarter,
            defaults={
                **figures.__dict__,
                "source": source,
                "entered_by": by,
                "entered_at": timezone.now(),
            },
        )
        record_snapshots(timezone.localdate(), [team])
    return saved


def teams_for(user: User, *, all_teams: bool) -> list[Team]:
    teams = social_work_teams()
    if not all_teams:
        teams = teams.filter(pk__in=user.teams.values("pk"))
    return list(teams)


def import_returns(data: bytes, teams: list[Team], *, by: User, today: date | None = None) -> int:
    """Import every row of a CSV file or none; `teams` are the teams `by` may send returns for."""
    latest = quarter_start(today or timezone.localdate())
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused("The file must be smaller than 1 MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused("The file must be a CSV file saved as UTF-8") from error
    reader = csv.DictReader(io.StringIO(text, newline=""))
    _check_header(reader.fieldnames)
    by_name = {team.name.casefold(): team for team in teams}
    rows: list[tuple[Team, date, ReturnFigures]] = []
    seen: dict[tuple[int, date], int] = {}
    try:
        for number, row in enumerate(reader, start=2):
            team, quarter, figures = _parse_row(row, number, by_name, latest)
            if (team.pk, quarter) in seen:
                raise ImportRefused(
                    f"Row {number}: {team.name} has a second return for the quarter from "
                    f"{quarter:%-d %B %Y} (the first is in row {seen[team.pk, quarter]})"
                )
            seen[team.pk, quarter] = number
            rows.append((team, quarter, figures))
    except csv.Error as error:
        raise ImportRefused(f"The file could not be read as CSV: {error}") from error
    if not rows:
        raise ImportRefused("The file has no returns in it")
    with transaction.atomic():
        for team, quarter, figures in rows:
            save_return(team, quarter, figures, by=by, source=ReturnSource.IMPORT)
    return len(rows)


def _check_header(fieldnames: list[str] | None) -> None:
    found = [name.strip().lower() for name in fieldnames or []]
    missing = [c for c in COLUMNS if c not in found]
    unknown = [c for c in found if c not in COLUMNS]
    if missing or unknown or len(found) != len(set(found)):
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown {', '.join(unknown)}")
        if not parts:
            parts.append("a column is named twice")
        raise ImportRefused(
            f"The first row must name the columns {', '.join(COLUMNS)} ({'; '.join(parts)})"
        )


def _parse_row(
    row: dict[str | None, str | list[str] | None],
    number: int,
    teams: dict[str, Team],
    latest: date,
) -> tuple[Team, date, ReturnFigures]:
    if None in row:
        raise ImportRefused(f"Row {number} has more values than there are columns")
    cells = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
    if any(v is None for v in row.values()):
        raise ImportRefused(f"Row {number} has fewer values than there are columns")
    team = teams.get(cells["team"].casefold())
    if team is None:
        raise ImportRefused(
            f"Row {number}: ‘{cells['team'][:100]}’ is not a social work team you can send "
            "returns for"
        )
    try:
        quarter = date.fromisoformat(cells["quarter_start"])
    except ValueError:
        quarter = None
    if quarter is None or not is_quarter_start(quarter):
        raise ImportRefused(
            f"Row {number}: quarter_start must be the first day of a quarter, like 2025-04-01"
        )
    if quarter > latest:
        raise ImportRefused(f"Row {number}: the quarter from {quarter:%-d %B %Y} has not started")
    counts = {}
    for column in COUNTS:
        value = cells[column]
        if not (value.isascii() and value.isdigit()) or int(value) > MAX_COUNT:
            raise ImportRefused(f"Row {number}: {column} must be a whole number, 0 or more")
        counts[column] = int(value)
    figures = ReturnFigures(**counts)
    problem = figures_problem(figures)
    if problem:
        raise ImportRefused(f"Row {number}: {problem}")
    return team, quarter, figures
