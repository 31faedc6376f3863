"""The report's case review figures come from the stored run: when an action from a review is
completed, a refreshed run and a new build of the report say so."""

from datetime import date

import pytest
from factories import AgencyFactory, UserFactory
from lxml import html as lxml_html
from report_records import written_report

from safeguard.access.models import AgencyKind
from safeguard.measures.refresh import refresh
from safeguard.reports import builds
from safeguard.reviews import services_actions, services_incidents
from safeguard.reviews.codes import ActionStatus
from safeguard.reviews.models import Action, Theme

pytestmark = pytest.mark.django_db

YEARS = ["2015-16", "2016-17"]


def _cell(html: str, measure_id: str, year: str = "2016-17") -> str:
    found = lxml_html.fromstring(html).xpath(
        f'//td[@data-measure="{measure_id}"][@data-year="{year}"][@data-field="value"]'
    )
    return found[0].text_content().strip()


@pytest.fixture
def open_action():
    """A serious case review's action for the police, agreed in June 2016 and due at the end of
    January 2017: at 31 March 2017 it is the one action, open and overdue."""
    manager = UserFactory(role="business_manager")
    police = AgencyFactory(name="West Marcher Police", kind=AgencyKind.POLICE)
    incident = services_incidents.record_incident(
        name="Child Q", aware_on=date(2016, 5, 2), what_happened="-", agencies=[], by=manager
    )
    services_incidents.record_notification(incident, version=1, notified_on=date(2016, 5, 5))
    review = services_incidents.commission_review(
        incident, decided_on=date(2016, 5, 20), by=manager
    )
    finding = services_actions.record_finding(
        review=review,
        text="Found",
        recommendation="Recommended",
        themes=Theme.objects.all()[:1],
        by=manager,
    )
    action = services_actions.add_action(
        finding,
        description="Share the history",
        agency=police,
        owner_name="DI Ellis",
        due_on=date(2017, 1, 31),
        by=manager,
    )
    Action.objects.filter(pk=action.pk).update(added_on=date(2016, 6, 1))
    action.refresh_from_db()
    return action, manager


def test_completing_a_review_action_changes_the_report_after_a_refresh(open_action):
    action, manager = open_action
    report = written_report(by=manager)
    before = builds.build(report, run=refresh(YEARS))
    assert _cell(before.html, "reviews_actions_open") == "1"
    assert _cell(before.html, "reviews_actions_overdue") == "1"
    assert "1 action agreed, 0 complete" in before.html
    # One incident notified: a count about children, small, so withheld like the run's measure.
    assert (
        '<th scope="row">Serious incidents notified to the national Panel</th><td>c</td>'
        in before.html
    )

    services_actions.update_action(
        action,
        version=action.version,
        status=ActionStatus.COMPLETE,
        evidence="Shared at the strategy meeting",
        completed_on=date(2017, 1, 20),
    )
    after = builds.build(report, run=refresh(YEARS))
    assert after.run_number != before.run_number
    assert _cell(after.html, "reviews_actions_open") == "0"
    assert _cell(after.html, "reviews_actions_overdue") == "0"
    assert "1 action agreed, 1 complete" in after.html
