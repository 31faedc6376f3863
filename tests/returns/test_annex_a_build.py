"""Ofsted's Annex A lists built from a journey dataset for an inspection window. Every row here
was worked out by hand from annex_a_crafted.py (the reasoning is in the comments)."""

from datetime import date

import pytest
from annex_a_crafted import END, crafted

from safeguard.journey.dataset import Dataset
from safeguard.returns.annex_a.build import build
from safeguard.returns.annex_a.data import age
from safeguard.returns.annex_a.window import Window, windows, year_before
from safeguard.returns.cin_xml.errors import ReturnFileError

# The first columns of each child: K1 is six on 31 March 2017 (born 17 May 2010); K2 twelve
# (his birthday is 1 April); K3 was never given a date of birth or a gender; K4 turns 16 that day.
K1 = ["K1", "b) Female", "a) WBRI", date(2010, 5, 17), 6]
K2 = ["K2", "a) Male", "o) BAFR", date(2004, 4, 1), 12]
K3 = ["K3", "c) Not stated/recorded", "s) NOBT", None, None]
K4 = ["K4", "a) Male", "b) WIRI", date(2001, 3, 31), 16]
YES, NO = "a) Yes", "b) No"


@pytest.fixture(scope="module")
def lists() -> dict[int, list[list]]:
    annex = build(crafted(), end=END)
    assert annex.la == "884"
    return {built.spec.number: built.rows for built in annex.lists}


def test_list_1_holds_the_contacts_received_in_the_window_by_the_day_in_england(lists):
    # c1 came at 00:30 on 1 October in England (23:30 UTC the day before); c2 at 00:30 on
    # 1 April, after the window; c3's early help source (5D) is answered as 5B.
    assert lists[1] == [
        [*K1, date(2016, 10, 1), "q) 6: Police"],
        [*K3, date(2016, 12, 1), "o) 5B: LA services"],
    ]


def test_list_2_holds_the_early_help_assessments_begun_in_the_window(lists):
    # K2's began on 30 September, the day before the window.
    assert lists[2] == [[*K1, date(2016, 11, 15), None, "Education"]]


def test_list_3_holds_the_referrals_of_the_window_with_the_earlier_ones_of_a_year(lists):
    # r2: K2's referral of 10 January 2016 is within the year before 5 October 2016. r3: K1's
    # of 1 June 2016 before 1 December. r6: K3's only earlier referral is from October 2015.
    # r5 (3 April 2017) is after the window.
    assert lists[3] == [
        [*K2, date(2016, 10, 5), "q) 6: Police", NO, 1, None, None],
        [*K1, date(2016, 12, 1), "g) 3A: Health services", YES, 1, None, None],
        [*K3, date(2017, 3, 20), "a) 1A: Individual", NO, 0, None, None],
    ]


def test_list_4_holds_every_assessment_open_in_the_window(lists):
    # K3's assessment authorised on 8 October is in the window, and its episode closed "after
    # assessment, no further action": not assessed as needing support. K2's of January 2016 ended
    # before the window; the one authorised on 10 April 2017 was still open on 31 March.
    assert lists[4] == [
        [*K3, NO, date(2016, 9, 1), None, date(2016, 10, 8), NO, None, None],
        [*K2, YES, date(2016, 10, 6), None, date(2016, 11, 1), YES, None, None],
        [*K2, YES, date(2017, 3, 20), None, None, None, None, None],
        [*K3, NO, date(2017, 3, 22), None, None, None, None, None],
    ]


def test_list_5_holds_the_enquiries_of_the_window_with_the_year_before_each(lists):
    # 10 October 2016: the year before holds K2's enquiry of 20 January and its conference of
    # 5 February; the conference of 25 October began plan p1. 1 February 2017: the year before
    # (from 1 February 2016) holds the enquiry of 10 October but not that of 20 January, and both
    # conferences. K3's conference of 5 April 2017 had not happened on 31 March.
    assert lists[5] == [
        [*K2, YES, date(2016, 10, 10), NO, date(2016, 10, 25), YES, 1, 1, None, None],
        [*K2, YES, date(2017, 2, 1), YES, None, None, 1, 2, None, None],
        [*K3, NO, date(2017, 3, 25), None, None, None, 0, 0, None, None],
    ]


def test_list_6_holds_the_episodes_open_in_the_window_with_each_case_status(lists):
    # r4 closed on 10 October; r7 has an open CIN plan; K2 is looked after on 31 March; r6's
    # assessment is open. r3 went no further (NFA) and r1 closed before the window.
    assert lists[6] == [
        [*K3, NO, date(2015, 10, 4), "N5 - Family dysfunction", None, date(2016, 10, 10),
         "RC8 - Case closed after assessment, no further action", "e) Closed episode", None,
         None],
        [*K1, NO, date(2016, 6, 1), "N4 - Family in acute stress", None, None, None,
         "c) Child in need plan", None, None],
        [*K2, YES, date(2016, 10, 5), "N1 - Abuse or neglect", None, None, None,
         "a) Looked after child", None, None],
        [*K3, NO, date(2017, 3, 20), "N0 - Not stated", None, None, None, "d) Open assessment",
         None, None],
    ]  # fmt: skip


def test_list_7_holds_the_plans_open_in_the_window(lists):
    # K3's second plan ended on 5 October; with no count given, its previous plans are counted:
    # one, of October 2015 (which ended before the window). K2 was in police protection in
    # November (legal status L1); the review of 15 April 2017 is after the window.
    assert lists[7] == [
        [*K3, NO, date(2015, 11, 1), "b) Physical abuse", "b) Physical abuse", None, None, None,
         date(2016, 10, 5), NO, 1, None, None],
        [*K2, YES, date(2016, 10, 25), "a) Neglect", "d) Emotional abuse", None, None,
         date(2017, 1, 20), None, YES, 0, None, None],
    ]  # fmt: skip


def test_list_8_holds_each_child_looked_after_in_the_window_once(lists):
    # K4: one period, June to December 2016, ended by a special guardianship order to former
    # foster carers (E46); two missing episodes and one away in the year; no interview offered
    # after the last. K2: a second period (the first ended on 1 May 2016, within the year) from
    # 1 November; in care order C2 since 10 January, when the U4 placement began; placements in
    # the year: H5, U6 (carried through a change of legal status), U4; one missing episode in
    # the year (March 2016's is before it), an interview offered and not held.
    assert lists[8] == [
        [*K4, NO, NO, date(2016, 6, 1), "N2 - Child's disability", NO, date(2016, 6, 1),
         "V2: Single period under S20", None, None, None, None, None, None, 1, date(2016, 12, 1),
         "j) E46: Special Guardianship Orders - former carer other", date(2016, 6, 1),
         "p) K2: Children's Homes", "c) PR2: Other LA provision", None, None, None, None, 2, 1,
         NO, None, None, None],
        [*K2, YES, YES, date(2016, 11, 1), "N1 - Abuse or neglect", YES, date(2017, 1, 10),
         "C2: FCO", date(2017, 3, 1), None, None, None, None, None, 3, None, None,
         date(2017, 1, 10), "d) U4: Foster placement - long term", "e) PR4: Private provision",
         "HR4 9AA", "SC000001", None, None, 1, 0, YES, NO, None, None],
    ]  # fmt: skip


def test_lists_the_dataset_cannot_fill_have_no_rows_and_say_why():
    annex = build(crafted(), end=END)
    unfilled = {b.spec.number: b.unfilled for b in annex.lists if b.unfilled}
    assert sorted(unfilled) == [9, 10, 11]
    assert "care leavers" in unfilled[9]
    assert "adoption" in unfilled[10]
    assert "adopters" in unfilled[11]
    assert all(not b.rows for b in annex.lists if b.unfilled)


def test_the_columns_left_blank_are_blank_in_every_row():
    annex = build(crafted(), end=END)
    for built in annex.lists:
        for heading in built.blank:
            column = built.spec.headings.index(heading)
            assert all(row[column] is None for row in built.rows), heading


def test_the_default_windows_are_six_months_and_twelve_for_adoption():
    got = windows(END)
    assert got[1] == Window(date(2016, 10, 1), END)
    assert got[9] == Window(date(2016, 10, 1), END)
    assert got[10] == got[11] == Window(date(2016, 4, 1), END)
    given = windows(END, date(2017, 1, 1))
    assert set(given.values()) == {Window(date(2017, 1, 1), END)}


def test_a_window_given_applies_to_every_list():
    annex = build(crafted(), end=END, start=date(2017, 1, 1))
    rows = {b.spec.number: b.rows for b in annex.lists}
    # From 1 January 2017 only r6 was referred (20 March).
    assert [r[0] for r in rows[3]] == ["K3"]
    assert [str(b.window) for b in annex.lists] == ["1 January 2017 to 31 March 2017"] * 11


def test_a_backward_window_is_refused():
    with pytest.raises(ReturnFileError, match="The inspection window runs backwards"):
        build(crafted(), end=END, start=date(2017, 4, 1))


def test_the_year_before_a_day_includes_the_same_day_a_year_earlier():
    assert year_before(date(2016, 10, 5)) == Window(date(2015, 10, 5), date(2016, 10, 4))


@pytest.mark.parametrize(
    ("born", "years"),
    [(date(2004, 4, 1), 12), (date(2001, 3, 31), 16), (date(2017, 4, 1), None), (None, None)],
)
def test_age_is_in_whole_years_on_the_last_day(born, years):
    assert age(born, END) == years


def test_a_dataset_of_several_councils_needs_to_be_told_which():
    two = Dataset.build(
        {
            "children": [
                {"la": la, "child_id": "X", "gender": "1", "ethnicity": "WBRI",
                 "disabilities": [], "uasc": False}
                for la in ("884", "201")
            ]
        }
    )  # fmt: skip
    with pytest.raises(ReturnFileError, match="Annex A is one council's: say which"):
        build(two, end=END)
    assert build(two, end=END, la="201").la == "201"
