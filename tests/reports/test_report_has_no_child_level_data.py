"""A board member, who may see no child-level data, reads the whole report: it holds aggregate
figures only, so no child is named or identified in it and reading it opens no child's record."""

from datetime import UTC, datetime

import pytest
from factories import ChildFactory, UserFactory, sign_in_as
from factories_frontdoor import make_contact
from report_records import YEAR, poppler, written_report

from safeguard.access.models import AccessEvent
from safeguard.measures.refresh import refresh
from safeguard.reports import builds

pytestmark = pytest.mark.django_db


def test_a_board_member_reads_the_report_and_nothing_in_it_identifies_a_child(client, tmp_path):
    mash = UserFactory(role="mash_worker")
    child = ChildFactory(first_name="Zephyrine", last_name="Quillfeather")
    make_contact(recorded_by=mash, child=child, received_at=datetime(2016, 10, 3, 10, tzinfo=UTC))
    report = written_report()
    build = builds.build(report, run=refresh(["2015-16", YEAR]))
    events = AccessEvent.objects.count()

    sign_in_as(client, UserFactory(role="board_member"))
    page = client.get(f"/reports/annual/{YEAR}/builds/{build.pk}/").content.decode()
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(client.get(f"/reports/annual/{YEAR}/builds/{build.pk}/report.pdf").content)
    text = poppler("pdftotext", str(pdf), "-")

    assert "Contacts received" in page and "Contacts received" in text  # the contact counts…
    for identifier in ["Zephyrine", "Quillfeather", child.la_child_id, child.nhs_number]:
        assert identifier not in page  # …and the child is nowhere in the report
        assert identifier not in text
    assert AccessEvent.objects.count() == events
