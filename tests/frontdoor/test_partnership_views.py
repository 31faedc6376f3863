"""The partnership's pages: feedback to agencies, the threshold document and the figures.

The figures are over the reporting year 1 April 2024 to 31 March 2025 (`?year=2025`), from this
hand-made table (09:00 to 17:00 on working days; no bank holiday falls in October or November 2024):

#  from    child received          RAG   deadline         decided           level outcome
-- ------- ----- ----------------- ----- ---------------- ----------------- ----- -----------
P0 police  Leo   Mon 4 Mar 2024    (in the year before: never counted)     1     NFA
P1 police  Ruby  Mon 7 Oct 10:00   amber Thu 10 Oct 10:00 Tue 8 Oct 12:00   1     NFA
P2 police  Sam   Mon 14 Oct 10:00  red   Mon 14 Oct 14:00 Mon 14 Oct 16:00  4     strategy
P3 police  Mia   Mon 4 Nov 09:00   amber                  open
P4 police  -     Tue 5 Nov 10:00   amber Fri 8 Nov 10:00  Wed 6 Nov 10:00   1     NFA
S1 school  Ruby  Wed 9 Oct 10:00   amber Mon 14 Oct 10:00 Fri 11 Oct 10:00  1     NFA
S2 school  -     Tue 15 Oct 10:00  amber Fri 18 Oct 10:00 Wed 16 Oct 10:00  2     early help

Contacts 6, referrals 1 (P2): 16.7% became referrals. Decisions 5, of which P2 was late: 4 in time,
80.0%. Police: 4 contacts, 1 referral (25.0%), 3 decided, 2 NFA (66.7%). School: 2 contacts, 0
referrals (0.0%), 2 decided, 1 NFA (50.0%). Ruby's S1 comes 2 days after her P1, so it is a repeat:
1 of the 4 contacts linked to a child (25.0%). Levels: 3 at level 1, 1 at level 2, 1 at level 4.
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from factories import AgencyFactory, ChildFactory, UserFactory, sign_in_as
from factories_frontdoor import make_contact

from safeguard.access.models import AccessEvent, AccessKind, AgencyKind
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Outcome, PrimaryNeed
from safeguard.frontdoor.models import AgencyAdvice, ThresholdDocument, ThresholdLevel

LONDON = ZoneInfo("Europe/London")
YEAR_2024_25 = "year=2025"


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def html(response) -> str:
    return response.content.decode()


def text(response) -> str:
    """The page as a person reads it: tags removed, runs of white space made one space."""
    return " ".join(re.sub(r"<[^>]+>", " ", html(response)).split())


@pytest.fixture
def business_manager(personas):
    return personas["business_manager"]


@pytest.fixture
def manager(personas):
    return personas["mash_manager"]


@pytest.fixture
def school(db):
    return AgencyFactory(name="Kingsway Primary School", kind=AgencyKind.EDUCATION)


@pytest.fixture
def police(db):
    return AgencyFactory(name="Westshire Police", kind=AgencyKind.POLICE)


@pytest.fixture
def school_lead(school):
    return UserFactory(role="partner_practitioner", agency=school, full_name="Dee Lead")


@pytest.fixture
def officer(police):
    return UserFactory(role="partner_practitioner", agency=police, full_name="Pat Officer")


def decided(by, agency, levels, outcome, level=1, child=None, **fields):
    """A contact from `agency`, decided now by `by`."""
    contact = make_contact(recorded_by=by, agency=agency, child=child, **fields)
    services.decide(
        contact,
        level=levels[level],
        outcome=outcome,
        reasoning="Seen against the descriptors",
        feedback="Thank you",
        by=by,
        primary_need=PrimaryNeed.ABUSE_OR_NEGLECT if child else "",
    )
    return contact


# Feedback to agencies ----------------------------------------------------------------------------


def test_the_feedback_list_shows_references_and_agencies_but_never_the_childs_name(
    client, business_manager, manager, school, police, levels
):
    shown = [
        decided(
            manager,
            school,
            levels,
            Outcome.NO_FURTHER_ACTION,
            child_first_name="Zephyrine",
            child_last_name="Quillfeather",
        ),
        decided(
            manager,
            police,
            levels,
            Outcome.EARLY_HELP,
            child_first_name="Barnaby",
            child_last_name="Wolstenholme",
        ),
    ]
    to_social_care = decided(
        manager, school, levels, Outcome.ASSESSMENT, level=3, child=ChildFactory()
    )
    sign_in_as(client, business_manager)

    response = client.get("/front-door/agency-feedback/")

    page = html(response)
    assert response.status_code == 200
    for contact in shown:
        assert contact.reference in page
    assert "Kingsway Primary School" in page and "Westshire Police" in page
    for name in ["Zephyrine", "Quillfeather", "Barnaby", "Wolstenholme"]:
        assert name not in page
    assert to_social_care.reference not in page


def test_advice_reaches_the_referring_agency_and_no_other(
    client, business_manager, manager, school, school_lead, officer, levels
):
    contact = decided(manager, school, levels, Outcome.NO_FURTHER_ACTION)
    advice = "Early help should have been offered first: see section 3 of the threshold document."
    sign_in_as(client, business_manager)

    response = client.post(f"/front-door/agency-feedback/{contact.pk}/", {"advice": advice})

    assert response.status_code == 302
    assert response["Location"] == "/front-door/agency-feedback/"
    given = AgencyAdvice.objects.get()
    assert (given.contact, given.advice, given.given_by) == (contact, advice, business_manager)
    sign_in_as(client, school_lead)
    school_summary = html(client.get("/referrals/our-agency/"))
    assert advice in school_summary
    assert contact.reference in school_summary
    sign_in_as(client, officer)
    assert advice not in html(client.get("/referrals/our-agency/"))


def test_advice_without_words_is_refused(client, business_manager, manager, school, levels):
    contact = decided(manager, school, levels, Outcome.NO_FURTHER_ACTION)
    sign_in_as(client, business_manager)

    response = client.post(f"/front-door/agency-feedback/{contact.pk}/", {"advice": ""})

    assert response.status_code == 200
    assert "Enter the advice to the agency" in html(response)
    assert not AgencyAdvice.objects.exists()


# The threshold document --------------------------------------------------------------------------


def new_version(**changes: str) -> dict[str, str]:
    data = {
        "title": "Westshire levels of need 2026",
        "in_force_from_day": "1",
        "in_force_from_month": "4",
        "in_force_from_year": "2026",
        "summary": "Level 2 now names young carers.",
        "level-TOTAL_FORMS": "4",
        "level-INITIAL_FORMS": "4",
        "level-MIN_NUM_FORMS": "4",
        "level-MAX_NUM_FORMS": "4",
    }
    for n, name in enumerate(["Universal", "Early help", "Child in need", "Child protection"]):
        data[f"level-{n}-name"] = name
        data[f"level-{n}-descriptors"] = f"What {name.lower()} means in Westshire."
    data.update(changes)
    return data


def test_the_new_version_form_starts_from_the_version_in_force(client, business_manager, levels):
    sign_in_as(client, business_manager)

    page = html(client.get("/front-door/thresholds/new/"))

    assert 'name="level-TOTAL_FORMS" value="4"' in page
    assert 'name="level-3-name"' in page and 'value="Child protection"' in page
    assert 'name="level-4-name"' not in page


def test_publishing_a_new_version_makes_the_next_version_with_four_levels(
    client, business_manager, levels
):
    sign_in_as(client, business_manager)

    response = client.post("/front-door/thresholds/new/", new_version())

    assert response.status_code == 302
    assert response["Location"] == "/front-door/thresholds/"
    document = ThresholdDocument.objects.get(version=2)
    assert (document.title, document.in_force_from, document.published_by) == (
        "Westshire levels of need 2026",
        date(2026, 4, 1),
        business_manager,
    )
    assert [(lvl.number, lvl.name) for lvl in document.levels.all()] == [
        (1, "Universal"),
        (2, "Early help"),
        (3, "Child in need"),
        (4, "Child protection"),
    ]
    assert document.levels.get(number=2).descriptors == "What early help means in Westshire."
    assert "Version 2 published, in force from 1 April 2026." in html(
        client.get(response["Location"])
    )


def test_a_level_without_descriptors_is_refused_and_nothing_is_published(
    client, business_manager, levels
):
    data = new_version(**{"level-2-descriptors": ""})
    sign_in_as(client, business_manager)

    response = client.post("/front-door/thresholds/new/", data)

    assert response.status_code == 200
    assert "There is a problem" in html(response)
    assert "Enter the level&#x27;s descriptors" in html(response)
    assert list(ThresholdDocument.objects.values_list("version", flat=True)) == [1]
    assert ThresholdLevel.objects.count() == 4


@pytest.mark.parametrize("total", ["3", "5"])
def test_a_version_must_have_exactly_four_levels_whatever_the_form_says(
    client, business_manager, levels, total
):
    data = new_version(**{"level-TOTAL_FORMS": total})
    data |= {"level-4-name": "Specialist", "level-4-descriptors": "Beyond child protection."}
    sign_in_as(client, business_manager)

    response = client.post("/front-door/thresholds/new/", data)

    published = {d.version: d.levels.count() for d in ThresholdDocument.objects.all()}
    assert published == {1: 4}, "versions published, with how many levels each"
    assert response.status_code == 200


# The figures -------------------------------------------------------------------------------------


@pytest.fixture
def autumn_2024(manager, school, police, levels):
    """The table in this module's docstring; the contacts by their row names."""
    ruby, sam, mia, leo = (ChildFactory(first_name=n) for n in ["Ruby", "Sam", "Mia", "Leo"])

    def contact(agency, child, at, danger=False):
        return make_contact(
            recorded_by=manager, received_at=at, agency=agency, child=child, immediate_danger=danger
        )

    def decide(contact, level, outcome, at, primary_need=""):
        services.decide(
            contact,
            level=levels[level],
            outcome=outcome,
            reasoning="Seen against the descriptors",
            feedback="Thank you",
            by=manager,
            primary_need=primary_need,
            at=at,
        )

    rows = {
        "P0": contact(police, leo, london(2024, 3, 4, 10)),
        "P1": contact(police, ruby, london(2024, 10, 7, 10)),
        "P2": contact(police, sam, london(2024, 10, 14, 10), danger=True),
        "P3": contact(police, mia, london(2024, 11, 4, 9)),
        "P4": contact(police, None, london(2024, 11, 5, 10)),
        "S1": contact(school, ruby, london(2024, 10, 9, 10)),
        "S2": contact(school, None, london(2024, 10, 15, 10)),
    }
    decide(rows["P0"], 1, Outcome.NO_FURTHER_ACTION, london(2024, 3, 5, 10))
    decide(rows["P1"], 1, Outcome.NO_FURTHER_ACTION, london(2024, 10, 8, 12))
    decide(
        rows["P2"],
        4,
        Outcome.STRATEGY_DISCUSSION,
        london(2024, 10, 14, 16),
        PrimaryNeed.ABUSE_OR_NEGLECT,
    )
    decide(rows["P4"], 1, Outcome.NO_FURTHER_ACTION, london(2024, 11, 6, 10))
    decide(rows["S1"], 1, Outcome.NO_FURTHER_ACTION, london(2024, 10, 11, 10))
    decide(rows["S2"], 2, Outcome.EARLY_HELP, london(2024, 10, 16, 10))
    return rows


def test_the_dashboard_shows_the_hand_worked_figures_for_the_year(
    client, business_manager, autumn_2024
):
    sign_in_as(client, business_manager)

    response = client.get(f"/front-door/figures/?{YEAR_2024_25}")

    page = text(response)
    assert response.status_code == 200
    assert "1 April 2024 to 31 March 2025" in page
    assert (
        "6 contacts 1 referrals 16.7% contacts became referrals "
        "80.0% decided within the RAG deadline" in page
    )
    assert "Westshire Police 4 1 25.0% 3 2 (66.7%)" in page
    assert "Kingsway Primary School 2 0 0.0% 2 1 (50.0%)" in page
    assert page.index("Westshire Police 4") < page.index("Kingsway Primary School 2")
    assert "All deciders 3 1 1 5" in page
    assert "1 of 4 contacts linked to a child were about a child with another contact" in page
    assert "(25.0%)" in page


def test_the_dashboard_for_the_business_manager_has_no_links_to_contacts(
    client, business_manager, autumn_2024
):
    sign_in_as(client, business_manager)

    page = html(client.get(f"/front-door/figures/?{YEAR_2024_25}"))

    assert "/front-door/figures/contacts/" not in page


def test_the_drill_down_lists_exactly_the_agencys_no_further_action_contacts(
    client, manager, police, autumn_2024
):
    sign_in_as(client, manager)
    logged_before = AccessEvent.objects.count()

    response = client.get(
        f"/front-door/figures/contacts/?figure=nfa&agency={police.pk}&{YEAR_2024_25}"
    )

    assert response.status_code == 200
    listed = [contact.reference for contact in response.context["page"]]
    assert listed == [autumn_2024["P4"].reference, autumn_2024["P1"].reference]
    page = html(response)
    for row in ["P0", "P2", "P3", "S1", "S2"]:
        assert autumn_2024[row].reference not in page
    events = AccessEvent.objects.order_by("id")[logged_before:]
    assert sorted((e.detail, e.child_id, e.kind, e.user_id) for e in events) == sorted(
        (autumn_2024[row].reference, autumn_2024[row].child_id, AccessKind.SEARCH, manager.pk)
        for row in ["P1", "P4"]
    )


def test_an_unknown_figure_is_not_found(client, manager):
    sign_in_as(client, manager)

    assert client.get("/front-door/figures/contacts/?figure=everything").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/front-door/figures/?year=abc",
        "/front-door/figures/?year=",
        "/front-door/figures/?year=1999",
        "/front-door/figures/?year=%C2%B2",  # "²": str.isdigit() says yes, int() says no
        "/front-door/figures/contacts/?year=abc",
        "/front-door/figures/contacts/?page=xyz",
        "/front-door/figures/contacts/?page=999",
        "/front-door/figures/contacts/?figure=nfa&agency=abc",
        "/front-door/figures/contacts/?figure=nfa&agency=%C2%B2",
        "/front-door/agency-feedback/?agency=abc",
        "/front-door/agency-feedback/?agency=%C2%B2",
        "/front-door/agency-feedback/?page=xyz",
    ],
)
def test_odd_query_strings_never_give_a_server_error(
    client, manager, business_manager, autumn_2024, url
):
    client.raise_request_exception = False
    sign_in_as(client, business_manager if "agency-feedback" in url else manager)

    assert client.get(url).status_code == 200
