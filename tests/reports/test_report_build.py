"""The annual report builds from a stored run as HTML and as a tagged PDF with its sections,
charts and data tables; the same inputs give the same report byte for byte, apart from its build
time; and it records the run and dataset it came from."""

import re
from datetime import UTC, datetime

import pytest
from report_records import add_plan, make_board, make_run, poppler, written_report

from safeguard.measures import registry
from safeguard.reports import builds

pytestmark = pytest.mark.django_db

BUILT = datetime(2017, 9, 25, 10, 30, tzinfo=UTC)


@pytest.fixture
def report():
    make_board()
    add_plan()
    return written_report()


def test_it_builds_html_with_every_section_and_records_the_run(report):
    run = make_run()
    made = builds.build(report, run=run, built_at=BUILT)
    assert made.run_number == run.pk
    assert made.dataset_fingerprint == "dataset-run-1"
    for heading in [
        "Foreword from the independent chair",
        "The year at a glance",
        "Our assessment of the effectiveness of safeguarding",
        "The changing statutory context",
        "Partnership arrangements",
        "Priority 1: The child&#x27;s journey",
        "Priority 2: Missing children",
        "The child&#x27;s journey",
        "Exploitation and missing children",
        "Neglect",
        "Early help",
        "Children educated at home",
        "Case reviews and learning",
        "Multi-agency training",
        "Workforce",
        "Conclusion",
        "Our priorities for next year",
        "About the figures",
    ]:
        assert f">{heading}</h" in made.html, heading
    assert f"Run {run.pk}: Measures for 2012-13 to 2016-17" in made.html
    assert "dataset-run-1" in made.html


def test_the_same_inputs_give_the_same_report_apart_from_the_build_time(report):
    run = make_run()
    first = builds.render_html(report, run, BUILT)
    again = builds.render_html(report, run, datetime(2018, 1, 2, 3, 4, tzinfo=UTC))
    assert first != again

    def masked(html: str) -> str:
        html = re.sub(r'name="dcterms.created" content="[^"]*"', "", html)
        return re.sub(r"Built \d+ \w+ \d{4} at \d\d:\d\d", "Built", html)

    assert masked(first) == masked(again)


def test_the_pdf_is_tagged_and_has_pages_headings_charts_and_data_tables(report, tmp_path):
    made = builds.build(report, run=make_run(), built_at=BUILT)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(bytes(made.pdf))
    info = poppler("pdfinfo", str(pdf))
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
    assert re.search(r"^Title:\s+.*annual report 2016/17$", info, re.MULTILINE)
    poppler("pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 10
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    for heading in [
        "Foreword from the independent chair",
        "Partnership arrangements",
        "Priority 1: The child's journey",
        "Exploitation and missing children",
        "Case reviews and learning",
        "About the figures",
    ]:
        assert heading in text, heading
    # A chart's data table: its caption, and the council's two years of plans per 10,000.
    caption = f"{registry.get('cpp_rate').title}: figures by year"
    assert caption in " ".join(text.split())
    assert re.search(r"2016-17\s+115\s+31\.9", text)
    assert re.search(r"2015-16\s+228\s+63\.2", text)


def test_the_same_html_gives_the_same_pdf(report):
    run = make_run()
    first = builds.build(report, run=run, built_at=BUILT)
    again = builds.build(report, run=run, built_at=BUILT)
    assert bytes(first.pdf) == bytes(again.pdf)
