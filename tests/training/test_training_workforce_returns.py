"""Quarterly workforce returns: entered by the team manager or imported from a CSV file, checked
whole (an import with any bad row changes nothing and names the row), and the year's vacancy,
agency worker and turnover rates worked out from them."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from factories import AgencyFactory, TeamFactory, UserFactory, sign_in_as

from safeguard.access.models import AgencyKind
from safeguard.frontdoor.figures import Period
from safeguard.training import figures
from safeguard.training.models import CaseloadSnapshot, QuarterlyReturn
from safeguard.training.workforce_returns import (
    ImportRefused,
    ReturnFigures,
    import_returns,
    save_return,
)

HEADER = "team,quarter_start,establishment,permanent,agency,vacancies,starters,leavers"
ROW = "Assessment team,2024-04-01,1,1,0,0,0,0"
THIS_QUARTER = date(date.today().year, (date.today().month - 1) // 3 * 3 + 1, 1)


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def council(db):
    return AgencyFactory(name="Marcher Council", kind=AgencyKind.CHILDRENS_SERVICES)


@pytest.fixture
def assessment(council):
    return TeamFactory(agency=council, name="Assessment team")


@pytest.fixture
def protection(council):
    return TeamFactory(agency=council, name="Child protection team")


@pytest.fixture
def manager(council, assessment):
    user = UserFactory(role="team_manager", agency=council, full_name="Rachel Evans")
    user.teams.add(assessment)
    return user


def _form(**changes: str) -> dict[str, str]:
    return {
        "quarter": THIS_QUARTER.isoformat(),
        "establishment": "10",
        "permanent": "7",
        "agency": "2",
        "vacancies": "3",
        "starters": "1",
        "leavers": "0",
    } | changes


def _csv(*rows: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("returns.csv", "\n".join([HEADER, *rows]).encode(), "text/csv")


def test_the_team_manager_enters_their_teams_return_and_a_snapshot_is_kept(
    client, manager, assessment
):
    sign_in_as(client, manager)
    response = client.post(f"/workforce/teams/{assessment.pk}/returns/new/", _form())
    assert response.status_code == 302
    saved = QuarterlyReturn.objects.get()
    assert (saved.team, saved.quarter_start, saved.establishment, saved.vacancies) == (
        assessment,
        THIS_QUARTER,
        10,
        3,
    )
    assert (saved.entered_by, saved.source) == (manager, "form")
    assert CaseloadSnapshot.objects.filter(team=assessment, taken_on=date.today()).exists()


def test_entering_a_quarter_again_replaces_its_return(client, manager, assessment):
    sign_in_as(client, manager)
    client.post(f"/workforce/teams/{assessment.pk}/returns/new/", _form())
    client.post(
        f"/workforce/teams/{assessment.pk}/returns/new/", _form(permanent="8", vacancies="2")
    )
    assert QuarterlyReturn.objects.get().permanent == 8


def test_a_team_manager_cannot_send_another_teams_return(client, manager, protection):
    sign_in_as(client, manager)
    assert client.get(f"/workforce/teams/{protection.pk}/returns/new/").status_code == 404
    assert client.post(f"/workforce/teams/{protection.pk}/returns/new/", _form()).status_code == 404
    assert not QuarterlyReturn.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"vacancies": "4"},
            "Posts filled by permanent staff and vacancies must add up to the "
            "establishment (7 + 4 is not 10)",
        ),
        ({"leavers": "-1"}, "Enter the number of leavers as 0 or more"),
        ({"starters": "two"}, "Enter the number of starters as a whole number"),
        ({"establishment": ""}, "Enter the number of posts in the establishment"),
        ({"quarter": "2001-01-01"}, "Select a valid choice"),
    ],
)
def test_a_wrong_return_gets_a_clear_error_and_saves_nothing(
    client, manager, assessment, changes, message
):
    sign_in_as(client, manager)
    response = client.post(f"/workforce/teams/{assessment.pk}/returns/new/", _form(**changes))
    assert message in _text(response)
    assert not QuarterlyReturn.objects.exists()


def test_an_import_saves_every_row(client, manager, assessment):
    sign_in_as(client, manager)
    upload = _csv(
        "Assessment team,2024-04-01,10,8,1,2,1,0",
        "assessment team,2024-07-01,10,7,2,3,0,1",
    )
    response = client.post("/workforce/returns/import/", {"file": upload})
    assert response.status_code == 302
    assert list(
        QuarterlyReturn.objects.order_by("quarter_start").values_list("quarter_start", "permanent")
    ) == [(date(2024, 4, 1), 8), (date(2024, 7, 1), 7)]
    assert set(QuarterlyReturn.objects.values_list("source", flat=True)) == {"import"}


def test_an_import_with_a_bad_row_changes_nothing_and_names_the_row(client, manager, assessment):
    existing = save_return(
        assessment, date(2024, 4, 1), ReturnFigures(10, 8, 1, 2, 1, 0), by=manager, source="form"
    )
    sign_in_as(client, manager)
    upload = _csv(
        "Assessment team,2024-04-01,11,9,1,2,1,0",  # would replace the existing return
        "Assessment team,2024-07-01,10,7,2,3,0,1",
        "Assessment team,2024-10-01,10,7,2,4,0,1",  # row 4: 7 + 4 is not 10
    )
    response = client.post("/workforce/returns/import/", {"file": upload})
    assert "Row 4: Posts filled by permanent staff and vacancies must add up" in _text(response)
    assert list(QuarterlyReturn.objects.values_list("pk", "establishment")) == [(existing.pk, 10)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "team,quarter_start,establishment\nA,2024-04-01,1",
            "The first row must name the columns team, quarter_start, establishment, permanent, "
            "agency, vacancies, starters, leavers (missing permanent, agency, vacancies, starters, "
            "leavers)",
        ),
        (f"{HEADER},notes\n", "(unknown notes)"),
        (f"{HEADER}\n", "The file has no returns in it"),
        (
            f"{HEADER}\nChild protection team,2024-04-01,1,1,0,0,0,0",
            "Row 2: ‘Child protection team’ is not a social work team you can send returns for",
        ),
        (
            f"{HEADER}\nAssessment team,2024-05-01,1,1,0,0,0,0",
            "Row 2: quarter_start must be the first day of a quarter",
        ),
        (
            f"{HEADER}\nAssessment team,1 April 2024,1,1,0,0,0,0",
            "Row 2: quarter_start must be the first day of a quarter",
        ),
        (
            f"{HEADER}\nAssessment team,2099-04-01,1,1,0,0,0,0",
            "Row 2: the quarter from 1 April 2099 has not started",
        ),
        (
            f"{HEADER}\nAssessment team,2024-04-01,1,1,0,0,0,-1",
            "Row 2: leavers must be a whole number",
        ),
        (f"{HEADER}\nAssessment team,2024-04-01,1,1,0,0,0", "Row 2 has fewer values"),
        (f"{HEADER}\nAssessment team,2024-04-01,1,1,0,0,0,0,9", "Row 2 has more values"),
        (
            f"{HEADER}\n{ROW}\n{ROW}",
            "Row 3: Assessment team has a second return for the quarter from 1 April 2024 "
            "(the first is in row 2)",
        ),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message(manager, assessment, content, message):
    teams = [assessment]
    with pytest.raises(ImportRefused) as refused:
        import_returns(content.encode(), teams, by=manager)
    assert message in str(refused.value)
    assert not QuarterlyReturn.objects.exists()


def test_a_file_that_is_not_utf8_text_is_refused(manager, assessment):
    with pytest.raises(ImportRefused, match="saved as UTF-8"):
        import_returns(b"\xff\xfe\x00t", [assessment], by=manager)


def test_the_business_manager_imports_for_any_social_work_team(client, assessment, protection):
    sign_in_as(client, UserFactory(role="business_manager"))
    upload = _csv(
        "Assessment team,2024-04-01,10,8,1,2,1,0",
        "Child protection team,2024-04-01,12,12,0,0,0,0",
    )
    assert client.post("/workforce/returns/import/", {"file": upload}).status_code == 302
    assert QuarterlyReturn.objects.count() == 2


def test_the_years_rates_match_the_hand_worked_figures(manager, assessment, protection):
    """Reporting year 2024-25. Assessment team: April (10 posts, 8 permanent, 1 agency, 2 vacant,
    1 starter), July (10, 7, 2, 3, 1 leaver), January (12, 9, 2, 3, 2 starters, 1 leaver).
    Child protection team: October only (8, 8, 0, 0, 2 leavers), and a return from the year
    before (5 leavers) that must not count.

    Assessment: latest posts 12, permanent 9, agency 2, vacancies 3; 3 starters, 2 leavers;
    7 permanent at 30 September. Vacancy rate 3/12 = 25.0%, agency rate 2/(2+9) = 18.2%,
    turnover 2/7 = 28.6%. Child protection: 0.0%, 0.0%, no turnover (no July return).
    All teams: 20 posts, 17 permanent, 2 agency, 3 vacant: 15.0%, 2/19 = 10.5%; turnover only
    from teams with a July return, 2/7 = 28.6%.
    """
    returns = [
        (assessment, date(2024, 4, 1), (10, 8, 1, 2, 1, 0)),
        (assessment, date(2024, 7, 1), (10, 7, 2, 3, 0, 1)),
        (assessment, date(2025, 1, 1), (12, 9, 2, 3, 2, 1)),
        (protection, date(2024, 10, 1), (8, 8, 0, 0, 0, 2)),
        (protection, date(2024, 1, 1), (8, 8, 0, 0, 0, 5)),
    ]
    for team, quarter, counts in returns:
        save_return(team, quarter, ReturnFigures(*counts), by=manager, source="form")
    rows, total = figures.workforce(Period.reporting_year(2025))
    first, second = rows
    assert (first.team, first.establishment, first.permanent, first.agency, first.vacancies) == (
        "Assessment team",
        12,
        9,
        2,
        3,
    )
    assert (first.starters, first.leavers) == (3, 2)
    assert (first.vacancy_rate, first.agency_rate, first.turnover) == (25.0, 18.2, 28.6)
    assert (second.vacancy_rate, second.agency_rate, second.turnover) == (0.0, 0.0, None)
    assert (second.leavers, total.leavers) == (2, 4)
    assert (total.establishment, total.permanent, total.agency, total.vacancies) == (20, 17, 2, 3)
    assert (total.vacancy_rate, total.agency_rate, total.turnover) == (15.0, 10.5, 28.6)
