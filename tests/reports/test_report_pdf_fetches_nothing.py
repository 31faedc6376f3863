"""Building the PDF reaches nothing outside the machine: WeasyPrint's fetcher takes data: URIs
and the reports app's own files only, whatever a narrative or a link in the page names."""

import pytest
from report_records import poppler
from weasyprint.urls import URLFetcher

from safeguard.reports.pdf import APP_DIR, LocalOnlyFetcher, write_pdf


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/chart.png",
        "http://127.0.0.1:8000/static/build/app.css",
        "ftp://example.org/font.ttf",
        "file:///etc/passwd",
        f"{APP_DIR.as_uri()}/../settings.py",
    ],
)
def test_it_refuses_the_network_and_files_outside_the_app(url):
    with pytest.raises(ValueError):
        LocalOnlyFetcher().fetch(url)


def test_it_reads_data_uris():
    assert LocalOnlyFetcher().fetch("data:text/plain;base64,b2s=").read() == b"ok"


def test_a_page_naming_a_remote_image_still_builds_without_it(tmp_path, monkeypatch):
    reached: list[str] = []
    original = URLFetcher.fetch

    def watched(self, url, headers=None):
        reached.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(URLFetcher, "fetch", watched)
    pdf = write_pdf(
        '<!DOCTYPE html><html lang="en-GB"><head><title>T</title></head><body>'
        '<p>Before</p><img src="https://example.org/x.png" alt="Remote"><p>After</p></body></html>'
    )
    out = tmp_path / "t.pdf"
    out.write_bytes(pdf)
    assert "Before" in poppler("pdftotext", str(out), "-")
    assert not any(url.startswith("http") for url in reached)
