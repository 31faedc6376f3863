"""`safeguard report annual --year 2016-17 --out report.pdf|report.html` and `safeguard report
cabinet`: the same report as the page builds, kept on record, and clear messages for mistakes."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from report_records import YEAR, make_run, poppler, written_report

from safeguard.reports import services_cabinet
from safeguard.reports.models import ReportBuild

pytestmark = pytest.mark.django_db


def test_it_writes_the_pdf_and_the_html_and_keeps_each_build(tmp_path, capsys):
    report = written_report()
    run = make_run()
    call_command("report", "annual", "--year", YEAR, "--out", str(tmp_path / "report.pdf"))
    assert f"from measure run {run.pk} (dataset dataset-run-1)" in capsys.readouterr().out
    text = poppler("pdftotext", str(tmp_path / "report.pdf"), "-")
    assert "Annual report 2016/17" in text
    call_command("report", "annual", "--year", YEAR, "--out", str(tmp_path / "report.html"))
    html = (tmp_path / "report.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "Annual report 2016/17" in html
    assert ReportBuild.objects.filter(report=report).count() == 2


def test_it_uses_the_run_it_is_given(tmp_path):
    written_report()
    older = make_run(fingerprint="older")
    make_run(fingerprint="newer")
    out = tmp_path / "report.html"
    call_command("report", "annual", "--year", YEAR, "--out", str(out), "--run", str(older.pk))
    assert f"Run {older.pk}: " in out.read_text()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "report.docx"], "--out: name a .pdf or .html file"),
        (["--out", "no/such/folder/report.pdf"], "--out: there is no folder no/such/folder"),
        (["--year", "2015-16"], "There is no annual report for 2015-16"),
        (["--run", "999"], "--run: there is no measure run 999"),
    ],
)
def test_mistakes_get_a_clear_message(tmp_path, monkeypatch, arguments, message):
    monkeypatch.chdir(tmp_path)
    written_report()
    make_run()
    options = {"--year": YEAR, "--out": "report.pdf"}
    options.update(dict(zip(arguments[::2], arguments[1::2], strict=True)))
    with pytest.raises(CommandError, match=message):
        call_command("report", "annual", *[part for pair in options.items() for part in pair])


def test_a_year_with_no_stored_run_says_to_refresh_the_measures(tmp_path):
    written_report()
    make_run(years=["2017-18"])
    with pytest.raises(CommandError, match="No stored measure run covers 2016-17"):
        call_command("report", "annual", "--year", YEAR, "--out", str(tmp_path / "r.pdf"))


def test_the_cabinet_item_is_written_out(tmp_path):
    report = written_report()
    with pytest.raises(CommandError, match="has no cabinet item yet"):
        call_command("report", "cabinet", "--year", YEAR, "--out", str(tmp_path / "item.pdf"))
    services_cabinet.record_item(
        report,
        meeting="Cabinet",
        meeting_on=date(2017, 10, 26),
        title="Safeguarding children board annual report 2016/17",
        purpose="To receive a presentation from the chair",
        presented_by="The chair",
        resolution="The annual report was noted.",
        supporting_build=None,
        by=report.opened_by,
    )
    call_command("report", "cabinet", "--year", YEAR, "--out", str(tmp_path / "item.pdf"))
    assert "The annual report was noted." in poppler("pdftotext", str(tmp_path / "item.pdf"), "-")
