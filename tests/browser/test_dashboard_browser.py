"""Issue 7: the partnership dashboard. A board member opens it from the menu, reads plans at
31 March beside England with its chart and data table, sees a small count shown as c, chooses an
earlier year and opens a measure's definition; the analyst sees the exact count and the link to
the children behind it. In Chromium, with axe and the strict content security policy on every
page."""

from django.core.cache import cache
from factories import PASSWORD, UserFactory
from playwright.sync_api import expect

from safeguard.measures import registry
from safeguard.measures.models import MeasureResult, MeasureRun

YEARS = ["2012-13", "2013-14", "2014-15", "2015-16", "2016-17"]


def _run() -> None:
    run = MeasureRun.objects.create(
        fingerprint="browser", dataset_fingerprint="browser", years=YEARS, label="Measures"
    )
    rows = [
        # Herefordshire at 31 March (MEASURES.md): 228 plans in 2016, 115 in 2017.
        ("cpp_rate", "2015-16", 228, 36080, 63.2),
        ("cpp_rate", "2016-17", 115, 36050, 31.9),
        ("reviews_notifications", "2016-17", 3, None, 3),
    ]
    MeasureResult.objects.bulk_create(
        MeasureResult(run=run, measure_id=m, la="884", year=y, numerator=n, denominator=d, value=v)
        for m, y, n, d, v in rows
    )


def test_the_board_reads_the_dashboard_and_the_analyst_the_exact_figures(page, sign_in, settings):
    settings.LA_CODE = "884"
    cache.clear()
    _run()
    UserFactory(role="board_member", email="bella@board.example.org", full_name="Bella Board")
    UserFactory(role="performance_analyst", email="ana@council.example.org", full_name="Ana Lyst")
    plans = registry.get("cpp_rate").title
    notifications = registry.get("reviews_notifications").title

    sign_in(page, "bella@board.example.org", PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Partnership dashboard"
    ).click()

    expect(page.get_by_role("heading", name="Partnership dashboard", level=1)).to_be_visible()
    section = page.get_by_role("region", name=plans)
    expect(section.get_by_role("img", name=f"{plans}: This council by year")).to_be_visible()
    table = section.get_by_role("table", name=f"{plans} by year: the chart's figures")
    expect(table.get_by_role("row", name="2016-17")).to_contain_text("31.9")
    expect(table.get_by_role("row", name="2016-17")).to_contain_text("43.3")  # England
    expect(section).to_contain_text("England 43.3")
    expect(page.get_by_role("region", name=notifications)).to_contain_text("c in 2016-17")
    expect(page.get_by_role("link", name="Children behind the count")).to_have_count(0)

    page.get_by_label("Reporting year").select_option("2015-16")
    page.get_by_role("button", name="Show year").click()
    expect(page.get_by_role("region", name=plans)).to_contain_text("63.2")

    page.get_by_role("link", name=plans, exact=True).click()
    expect(page.get_by_role("heading", name=plans, level=1)).to_be_visible()
    expect(page.get_by_text("Counted (numerator)")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, "ana@council.example.org", PASSWORD)
    page.goto("/measures/")
    expect(page.get_by_role("region", name=notifications)).to_contain_text("3 in 2016-17")
    expect(
        page.get_by_role("region", name=plans).get_by_role("link", name="Children behind the count")
    ).to_be_visible()
