"""Tagged PDF from the report's HTML, with WeasyPrint, and nothing fetched from the network.

The report is one self-contained HTML file (styles in the page, charts as data: URIs, fonts
installed on the machine), so the fetcher below refuses anything that is not a data: URI or a
file under this app's folder: a stray link in a narrative section can never make the server
reach out to another host while it builds the PDF.
"""

import hashlib
import logging
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher

APP_DIR = Path(__file__).resolve().parent

# WeasyPrint reports every step of every layout at INFO; the service's log is for people.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class LocalOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher, allowed data: URIs and this app's own files only."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)

    def fetch(self, url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path)).resolve()
            if not path.is_relative_to(APP_DIR):
                raise ValueError(f"The report may not read {url}")
        elif not url.startswith("data:"):
            raise ValueError(f"The report fetches nothing from the network: {url}")
        return super().fetch(url, headers)


def write_pdf(html: str) -> bytes:
    """A tagged PDF (PDF/UA-1: structure tags, title, language) of the HTML.

    The file identifier is a digest of the HTML, and the creation date comes from the page's
    own dcterms.created, so the same HTML always gives the same PDF, byte for byte.
    """
    identifier = hashlib.sha256(html.encode()).hexdigest()[:32].encode()
    document = HTML(string=html, base_url=APP_DIR.as_uri() + "/", url_fetcher=LocalOnlyFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier)
