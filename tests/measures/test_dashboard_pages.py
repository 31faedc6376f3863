"""The partnership dashboard and the measure pages, over a run made by hand.

Herefordshire's 2016-17 figures are from MEASURES.md (115 plans at 31 March, 31.9 per 10,000;
228 a year earlier, 63.2); the rest are small made-up figures chosen to sit either side of the
disclosure rule (counts of 1 to 5 are suppressed in what the board sees).
"""

import pytest
from django.core.cache import cache
from factories import sign_in_as
from measures_runs import make_run

from safeguard.measures import dashboard, registry

YEARS = ["2012-13", "2013-14", "2014-15", "2015-16", "2016-17"]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def run(db):
    return make_run(
        YEARS,
        [
            ("cpp_rate", "2016-17", 115, 36050, 31.9),
            ("cpp_rate", "2015-16", 228, 36080, 63.2),
            # 4 of 115 plans: a count of 1 to 5, so suppressed for the board.
            ("cpp_neglect_pct", "2016-17", 4, 115, 3.5),
            ("reviews_notifications", "2016-17", 3, None, 3),
            # About staff, not children: shown exactly to everyone.
            ("workforce_vacancy_pct", "2016-17", 2, 20, 10.0),
        ],
    )


def panels(response) -> dict:
    found = {}
    for section in response.context["sections"]:
        for panel in section.headlines + section.others:
            found[panel.measure_id] = panel
    return found


def test_a_board_member_sees_small_counts_suppressed(client, personas, run):
    sign_in_as(client, personas["board_member"])

    response = client.get("/measures/")

    assert response.status_code == 200
    shown = panels(response)
    assert shown["cpp_rate"].shown.text == "31.9"
    assert (shown["cpp_rate"].shown.numerator, shown["cpp_rate"].shown.denominator) == (
        "115",
        "36,050",
    )
    assert [row.council.text for row in shown["cpp_rate"].rows] == ["–", "–", "–", "63.2", "31.9"]
    for suppressed in ("cpp_neglect_pct", "reviews_notifications"):
        assert (shown[suppressed].shown.text, shown[suppressed].shown.numerator) == ("c", "c")
        assert shown[suppressed].shown.value is None  # so the chart draws no point either
    assert shown["workforce_vacancy_pct"].shown.text == "10.0%"
    assert "Children behind the count" not in response.content.decode()


def test_the_analyst_sees_exact_counts_and_can_open_the_children_behind_them(client, personas, run):
    sign_in_as(client, personas["performance_analyst"])

    response = client.get("/measures/")

    shown = panels(response)
    assert shown["cpp_neglect_pct"].shown.text == "3.5%"
    assert shown["reviews_notifications"].shown.text == "3"
    assert "/measures/cpp_rate/children/?year=2016-17" in response.content.decode()
    # A partnership measure counts no children.
    assert "/measures/reviews_notifications/children/" not in response.content.decode()


def test_the_business_manager_sees_the_published_figures(client, personas, run):
    sign_in_as(client, personas["business_manager"])

    assert panels(client.get("/measures/"))["reviews_notifications"].shown.text == "c"


@pytest.mark.parametrize("role", ["social_worker", "partner_practitioner", "licensing_officer"])
def test_people_without_the_dashboard_are_refused(client, personas, run, role):
    sign_in_as(client, personas[role])

    assert client.get("/measures/").status_code == 403
    assert client.get("/measures/cpp_rate/").status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, run):
    response = client.get("/measures/")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_the_measures_are_grouped_by_the_boards_priorities_headlines_first(client, personas, run):
    sign_in_as(client, personas["board_member"])

    sections = client.get("/measures/").context["sections"]

    assert [s.priority for s in sections][:2] == ["journey", "neglect"]
    journey = sections[0]
    assert "cpp_rate" in [p.measure_id for p in journey.headlines]
    assert all(p.headline for p in journey.headlines)
    assert not any(p.headline for p in journey.others)


def test_each_headline_chart_is_an_image_with_a_title_and_a_table_beside_it(client, personas, run):
    sign_in_as(client, personas["board_member"])

    page = client.get("/measures/").content.decode()

    title = registry.get("cpp_rate").title
    assert f'<title id="chart-cpp_rate-title">{title}: This council by year</title>' in page
    assert 'role="img" aria-labelledby="chart-cpp_rate-title"' in page
    assert f"{title} by year: the chart's figures</caption>" in page
    # Nothing the content security policy would block.
    assert " style=" not in page
    assert "<script>" not in page


def test_the_comparison_names_england_from_the_published_figures(client, personas, run):
    sign_in_as(client, personas["board_member"])

    compared = panels(client.get("/measures/")).get("cpp_rate").compared

    # England 2016-17: 43.3 plans per 10,000 at 31 March (MEASURES.md).
    assert compared.england == 43.3
    assert "England 43.3" in compared.sentence


def test_an_earlier_year_can_be_chosen(client, personas, run):
    sign_in_as(client, personas["board_member"])

    response = client.get("/measures/?year=2015-16")

    assert response.context["year"] == "2015-16"
    cpp = panels(response)["cpp_rate"]
    assert cpp.shown.text == "63.2"
    assert [row.year for row in cpp.rows] == YEARS[:4]


def test_a_year_not_in_the_run_shows_the_latest(client, personas, run):
    sign_in_as(client, personas["board_member"])

    assert client.get("/measures/?year=1999-00").context["year"] == "2016-17"


def test_the_dashboard_is_drawn_once_per_run_and_then_read_from_the_cache(
    client, personas, run, monkeypatch
):
    built = []
    original = dashboard.build_sections
    monkeypatch.setattr(
        dashboard, "build_sections", lambda *args: built.append(args) or original(*args)
    )
    sign_in_as(client, personas["board_member"])

    first = client.get("/measures/").context["sections"]
    second = client.get("/measures/").context["sections"]

    assert len(built) == 1
    assert first == second


def test_before_any_run_the_dashboard_says_how_to_compute_one(client, personas, db):
    sign_in_as(client, personas["board_member"])

    response = client.get("/measures/")

    assert response.status_code == 200
    assert "No measures have been computed yet" in response.content.decode()


def test_a_measure_page_gives_its_definition_and_its_figures(client, personas, run):
    sign_in_as(client, personas["board_member"])

    response = client.get("/measures/cpp_rate/?year=2016-17")

    page = response.content.decode()
    assert response.status_code == 200
    for words in ("Counted (numerator)", "Out of (denominator)", "DfE table", "31.9"):
        assert words in page
    assert "Published with counts of 1 to 5 suppressed" in page
    assert 'role="img" aria-labelledby="chart-cpp_rate-title"' in page


def test_an_unknown_measure_is_not_found(client, personas, run):
    sign_in_as(client, personas["board_member"])

    assert client.get("/measures/no_such_measure/").status_code == 404


def test_a_category_that_would_give_a_small_one_away_is_suppressed_too(client, personas, db):
    # 115 plans at 31 March: neglect 60, emotional 40, physical 11, sexual 4, multiple 0. Only
    # sexual abuse is 1 to 5, but 115 less the others would give it away, so the next smallest
    # category, physical (11), is suppressed as well. Zero is published.
    make_run(
        YEARS,
        [
            ("cpp_rate", "2016-17", 115, 36050, 31.9),
            ("cpp_neglect_pct", "2016-17", 60, 115, 52.2),
            ("cpp_emotional_pct", "2016-17", 40, 115, 34.8),
            ("cpp_physical_pct", "2016-17", 11, 115, 9.6),
            ("cpp_sexual_pct", "2016-17", 4, 115, 3.5),
            ("cpp_multiple_pct", "2016-17", 0, 115, 0.0),
        ],
    )
    sign_in_as(client, personas["board_member"])

    shown = panels(client.get("/measures/"))

    texts = {m: shown[f"cpp_{m}_pct"].shown.text for m in ("neglect", "emotional", "physical")}
    assert texts == {"neglect": "52.2%", "emotional": "34.8%", "physical": "c"}
    assert shown["cpp_sexual_pct"].shown.text == "c"
    assert shown["cpp_multiple_pct"].shown.text == "0.0%"
    sign_in_as(client, personas["performance_analyst"])
    assert panels(client.get("/measures/"))["cpp_physical_pct"].shown.text == "9.6%"


def test_a_warmed_run_is_read_from_the_cache_without_drawing(client, personas, run, monkeypatch):
    # Warming draws the latest year for both audiences; after it, drawing again would be a bug.
    dashboard.warm(run, "884")

    def no_drawing(*args, **kwargs):
        raise AssertionError("the dashboard was drawn again instead of read from the cache")

    monkeypatch.setattr(dashboard, "build_sections", no_drawing)
    for role in ("board_member", "performance_analyst"):
        sign_in_as(client, personas[role])
        assert client.get("/measures/").status_code == 200
