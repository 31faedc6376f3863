"""Every generated record is one the pathway's rules allow.

The rules are those of safeguard/casework/services.py and the CIN census and SSDA903 validation
rules they mirror (the rule numbers are the DfE's). Each check is a query for the rows that break
the rule: it must find none.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import duckdb
import pytest

from safeguard.core.calendar import Convention, add_working_days, is_working_day
from safeguard.core.identifiers import is_valid_upn
from safeguard.journey.generate import councils_for, generate
from safeguard.journey.schema import KEYS

LONDON = ZoneInfo("Europe/London")
LAST_DAY = date(2017, 3, 31)  # the end of 2016-17, the last year generated
FIRST_DAY = date(2013, 4, 1)  # 2014-15's look-back year begins


@pytest.fixture(scope="module")
def dataset():
    return generate(councils_for(1, 36_050, "records"), 2014, 2016, "records")


@pytest.fixture(scope="module")
def sql(dataset):
    con = duckdb.connect()
    for name, table in dataset.tables.items():
        con.register(name, table)
    con.execute(f"CREATE MACRO last_day() AS DATE '{LAST_DAY}'")
    # What is recorded on each referral, by kind.
    con.execute("""
        CREATE VIEW recorded_on AS
        SELECT la, referral_id, 'assessment' AS kind FROM assessments
        UNION ALL SELECT la, referral_id, 'discussion' FROM strategy_discussions
        UNION ALL SELECT la, referral_id, 'section47' FROM section47
        UNION ALL SELECT la, referral_id, 'cin_plan' FROM cin_plans
        UNION ALL SELECT la, referral_id, 'cp_plan' FROM cp_plans""")
    return lambda query: con.execute(query).fetchall()


# (rule, query for the rows breaking it)
BROKEN = {
    "assessment starts on or after the referral (1103) and is authorised after it starts": """
        SELECT a.* FROM assessments a JOIN referrals r USING (la, referral_id)
        WHERE a.start_date < r.referral_date OR a.authorisation_date < a.start_date""",
    "a strategy discussion comes after the referral, the enquiry after the discussion": """
        SELECT d.* FROM strategy_discussions d JOIN referrals r USING (la, referral_id)
        LEFT JOIN section47 s ON s.la = d.la AND s.referral_id = d.referral_id
        WHERE d.held_date < r.referral_date OR s.start_date < d.held_date""",
    "an enquiry starts on or after the referral (2889), the conference after it (8615)": """
        SELECT s.* FROM section47 s JOIN referrals r USING (la, referral_id)
        WHERE s.start_date < r.referral_date OR s.icpc_date < s.start_date""",
    "an enquiry needs a strategy discussion that decided on one": """
        SELECT s.* FROM section47 s WHERE NOT EXISTS (
            SELECT 1 FROM strategy_discussions d WHERE d.la = s.la
            AND d.referral_id = s.referral_id AND d.decision IN ('s47_single', 's47_joint'))""",
    "a conference held means no 'not required' flag, and the target comes after the start": """
        SELECT * FROM section47 WHERE (icpc_date IS NOT NULL AND icpc_not_required)
        OR icpc_target_date < start_date""",
    "a plan starts on the date of its referral's initial conference (2885)": """
        SELECT p.* FROM cp_plans p WHERE NOT EXISTS (SELECT 1 FROM section47 s
            WHERE s.la = p.la AND s.referral_id = p.referral_id AND s.icpc_date = p.start_date)""",
    "a plan ends after the day it starts (8840)": """
        SELECT * FROM cp_plans WHERE end_date <= start_date""",
    "a review comes after the plan starts (8841) and by the day it ends": """
        SELECT v.* FROM cp_reviews v JOIN cp_plans p USING (la, cp_plan_id)
        WHERE v.review_date <= p.start_date OR v.review_date > p.end_date""",
    "a child is never on two plans at once (8935, 8940)": """
        SELECT a.cp_plan_id FROM cp_plans a JOIN cp_plans b USING (la, child_id)
        WHERE a.cp_plan_id < b.cp_plan_id
          AND a.start_date < coalesce(b.end_date, DATE '9999-12-31')
          AND b.start_date < coalesce(a.end_date, DATE '9999-12-31')""",
    "a child in need plan never runs alongside a protection plan (4001, 4016)": """
        SELECT n.cin_plan_id FROM cin_plans n JOIN cp_plans p USING (la, child_id)
        WHERE n.start_date <= coalesce(p.end_date, DATE '9999-12-31')
          AND p.start_date <= coalesce(n.end_date, DATE '9999-12-31')""",
    "a child in need plan starts on or after the referral (4015) and ends after it starts": """
        SELECT n.* FROM cin_plans n JOIN referrals r USING (la, referral_id)
        WHERE n.start_date < r.referral_date OR n.end_date < n.start_date""",
    "a child's referrals do not overlap: the next comes after the last closed (8820)": """
        SELECT * FROM (
            SELECT la, child_id, closure_date,
                   lead(referral_date) OVER (PARTITION BY la, child_id ORDER BY referral_date)
                   AS next_referral
            FROM referrals)
        WHERE next_referral IS NOT NULL
          AND (closure_date IS NULL OR next_referral <= closure_date)""",
    "a referral closes on or after it starts (8630), with a reason when closed (8805, 8810)": """
        SELECT * FROM referrals WHERE closure_date < referral_date
        OR (closure_date IS NULL) <> (closure_reason IS NULL)""",
    "nothing is recorded on a referral with no further action (8831, 8832, 4000)": """
        SELECT r.referral_id FROM referrals r JOIN recorded_on x USING (la, referral_id)
        WHERE r.nfa""",
    "closed after assessment (RC8) means an assessment and nothing after it (8825Q, 2990)": """
        SELECT r.referral_id FROM referrals r WHERE r.closure_reason = 'RC8' AND (
            NOT EXISTS (SELECT 1 FROM recorded_on x WHERE x.la = r.la
                        AND x.referral_id = r.referral_id AND x.kind = 'assessment')
            OR EXISTS (SELECT 1 FROM recorded_on x WHERE x.la = r.la
                       AND x.referral_id = r.referral_id
                       AND x.kind IN ('section47', 'cin_plan', 'cp_plan')))""",
    "a referral closes after everything recorded on it (8565), with nothing left open (8867)": """
        WITH activity AS (
            SELECT la, referral_id, start_date AS day, authorisation_date IS NULL AS still_open
            FROM assessments
            UNION ALL SELECT la, referral_id, authorisation_date, false FROM assessments
            UNION ALL SELECT la, referral_id, held_date, false FROM strategy_discussions
            UNION ALL SELECT la, referral_id, start_date,
                             icpc_date IS NULL AND NOT icpc_not_required FROM section47
            UNION ALL SELECT la, referral_id, icpc_date, false FROM section47
            UNION ALL SELECT la, referral_id, start_date, end_date IS NULL FROM cp_plans
            UNION ALL SELECT la, referral_id, end_date, false FROM cp_plans
            UNION ALL SELECT la, referral_id, start_date, end_date IS NULL FROM cin_plans
            UNION ALL SELECT la, referral_id, end_date, false FROM cin_plans)
        SELECT r.referral_id FROM referrals r JOIN activity a USING (la, referral_id)
        WHERE r.closure_date IS NOT NULL AND (a.day > r.closure_date OR a.still_open)""",
    "a child looked after has a referral open throughout each episode of care": """
        SELECT e.* FROM cla_episodes e WHERE NOT EXISTS (SELECT 1 FROM referrals r
            WHERE r.la = e.la AND r.child_id = e.child_id AND r.referral_date <= e.start_date
              AND coalesce(r.closure_date, DATE '9999-12-31')
                  >= coalesce(e.end_date, DATE '9999-12-31'))""",
    "nothing happens after the 18th birthday": """
        WITH adult AS (SELECT la, child_id, date_of_birth + INTERVAL 18 YEAR AS day FROM children)
        SELECT r.referral_id FROM referrals r JOIN adult USING (la, child_id)
        WHERE r.referral_date >= adult.day OR r.closure_date > adult.day
        UNION ALL SELECT p.cp_plan_id FROM cp_plans p JOIN adult USING (la, child_id)
        WHERE p.start_date >= adult.day OR p.end_date > adult.day
        UNION ALL SELECT e.child_id FROM cla_episodes e JOIN adult USING (la, child_id)
        WHERE e.start_date >= adult.day OR e.end_date > adult.day""",
    "completed assessments have factors, 21 alone (8869, 8897Q); open ones none (8614)": """
        SELECT * FROM assessments WHERE
            (authorisation_date IS NULL AND len(factors) > 0)
            OR (authorisation_date IS NOT NULL AND len(factors) = 0)
            OR (list_contains(factors, '21') AND len(factors) > 1)
            OR len(factors) <> len(list_distinct(factors))""",
    "21 'no factors identified' only on an episode closed after assessment, if closed (8873Q)": """
        SELECT a.* FROM assessments a JOIN referrals r USING (la, referral_id)
        WHERE list_contains(a.factors, '21') AND r.closure_reason <> 'RC8'""",
    "episodes of care follow on: X1 ends one and the next starts that day, unless it ends": """
        SELECT * FROM (
            SELECT *, lead(start_date) OVER w AS next_start,
                   lead(reason_new_episode) OVER w AS next_rne
            FROM cla_episodes WINDOW w AS (PARTITION BY la, child_id ORDER BY start_date))
        WHERE (end_date IS NULL) <> (reason_ceased IS NULL)
           OR (reason_ceased = 'X1' AND (next_start IS DISTINCT FROM end_date OR next_rne = 'S'))
           OR (reason_ceased <> 'X1' AND next_start IS NOT NULL
               AND (next_start <= end_date OR next_rne <> 'S'))
           OR (end_date IS NULL AND next_start IS NOT NULL)
           OR end_date <= start_date""",
    "a period of care begins with S (the first episode a child has)": """
        SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY la, child_id ORDER BY start_date)
                       AS n FROM cla_episodes)
        WHERE n = 1 AND reason_new_episode <> 'S'""",
    "a reason for placement change only where the placement changed (SSDA903 225, 226)": """
        SELECT * FROM (
            SELECT *, lead(reason_new_episode) OVER (PARTITION BY la, child_id
                                                     ORDER BY start_date) AS next_rne
            FROM cla_episodes)
        WHERE (reason_place_change IS NOT NULL)
              <> (reason_ceased = 'X1' AND next_rne IN ('P', 'B', 'T', 'U'))""",
    "missing episodes happen in care, end by the time it does, and do not overlap (574-578)": """
        SELECT m.* FROM missing_episodes m WHERE NOT EXISTS (SELECT 1 FROM cla_episodes e
            WHERE e.la = m.la AND e.child_id = m.child_id AND e.start_date <= m.start_date
              AND coalesce(e.end_date, DATE '9999-12-31') >= m.start_date)
        OR m.end_date < m.start_date OR m.interview_date < m.end_date
        OR EXISTS (SELECT 1 FROM missing_episodes o WHERE o.la = m.la AND o.child_id = m.child_id
              AND o.start_date > m.start_date
              AND o.start_date <= coalesce(m.end_date, DATE '9999-12-31'))""",
    "looked-after reviews happen in care": """
        SELECT v.* FROM cla_reviews v WHERE NOT EXISTS (SELECT 1 FROM cla_episodes e
            WHERE e.la = v.la AND e.child_id = v.child_id AND e.start_date < v.review_date
              AND coalesce(e.end_date, DATE '9999-12-31') >= v.review_date)""",
    "a child has one early help episode at a time, ended with an outcome, not while open to \
social care": """
        SELECT e.* FROM early_help e WHERE (e.end_date IS NULL) <> (e.outcome IS NULL)
        OR e.end_date < e.start_date
        OR e.episode_id <> e.child_id || '/E' || strftime(e.start_date, '%Y%m%d')
        OR EXISTS (SELECT 1 FROM early_help o WHERE o.la = e.la AND o.child_id = e.child_id
              AND o.start_date > e.start_date
              AND o.start_date <= coalesce(e.end_date, DATE '9999-12-31'))
        OR EXISTS (SELECT 1 FROM referrals r WHERE r.la = e.la AND r.child_id = e.child_id
              AND r.referral_date <= e.start_date
              AND coalesce(r.closure_date, DATE '9999-12-31') >= e.start_date)""",
    "early help stepped up ends on the day of the referral": """
        SELECT e.* FROM early_help e WHERE e.outcome = 'stepped_up' AND NOT EXISTS (
            SELECT 1 FROM referrals r WHERE r.la = e.la AND r.child_id = e.child_id
            AND r.referral_date = e.end_date)""",
    "children are screened for exploitation from 10, before 18": """
        SELECT s.* FROM exploitation_screenings s JOIN children c USING (la, child_id)
        WHERE s.screened_on < c.date_of_birth + INTERVAL 10 YEAR
           OR s.screened_on >= c.date_of_birth + INTERVAL 18 YEAR""",
    "home education from 5, by the end of school age, one entry at a time, ended with a \
reason": """
        SELECT h.* FROM home_education h JOIN children c USING (la, child_id)
        WHERE h.start_date < c.date_of_birth + INTERVAL 5 YEAR
           OR h.end_date >= c.date_of_birth + INTERVAL 17 YEAR
           OR h.end_date < h.start_date OR (h.end_date IS NULL) <> (h.end_reason IS NULL)
           OR EXISTS (SELECT 1 FROM home_education o WHERE o.la = h.la
                      AND o.child_id = h.child_id AND o.start_date <> h.start_date)""",
    "a return home interview is known only once the child is back, and held only if offered": """
        SELECT * FROM missing_episodes WHERE (end_date IS NULL AND interview_offered IS NOT NULL)
        OR (interview_date IS NOT NULL AND interview_offered IS NOT true)""",
    "each council has its population for each year of the span": """
        SELECT la FROM (SELECT DISTINCT la FROM children)
        WHERE la NOT IN (SELECT la FROM population GROUP BY la
                         HAVING list_sort(list(year)) = ['2013-14', '2014-15', '2015-16',
                                                         '2016-17'])""",
    "a contact is decided after it arrives, its clock runs out after too": """
        SELECT * FROM contacts WHERE decided_at <= received_at OR rag_deadline <= received_at
        OR (outcome IS NULL) <> (decided_at IS NULL)
        OR (outcome IS NULL) <> (threshold_level IS NULL)""",
    "a contact that became a referral points at it, and only decisions to refer do": """
        SELECT c.* FROM contacts c LEFT JOIN referrals r USING (la, referral_id)
        WHERE (c.referral_id IS NOT NULL AND r.referral_id IS NULL)
           OR ((c.referral_id IS NOT NULL) <> (c.outcome IN ('assessment', 'strategy')))""",
    "every referral made in the span came through a contact": """
        SELECT r.* FROM referrals r WHERE r.referral_date >= DATE '2013-04-01'
        AND NOT EXISTS (SELECT 1 FROM contacts c
                        WHERE c.la = r.la AND c.referral_id = r.referral_id)""",
    "nothing is dated after the dataset's last day": """
        SELECT referral_id FROM referrals WHERE greatest(referral_date, closure_date) > last_day()
        UNION ALL SELECT cp_plan_id FROM cp_plans WHERE greatest(start_date, end_date) > last_day()
        UNION ALL SELECT assessment_id FROM assessments
                  WHERE greatest(start_date, authorisation_date) > last_day()
        UNION ALL SELECT s47_id FROM section47 WHERE greatest(start_date, icpc_date) > last_day()
        UNION ALL SELECT child_id FROM cla_episodes
                  WHERE greatest(start_date, end_date) > last_day()
        UNION ALL SELECT child_id FROM missing_episodes
                  WHERE greatest(start_date, end_date, interview_date) > last_day()
        UNION ALL SELECT episode_id FROM early_help
                  WHERE greatest(start_date, end_date) > last_day()
        UNION ALL SELECT child_id FROM exploitation_screenings WHERE screened_on > last_day()
        UNION ALL SELECT child_id FROM home_education
                  WHERE greatest(start_date, end_date) > last_day()""",
    "every record's child is in the children table, and every child has a record": """
        WITH known AS (
            SELECT la, child_id FROM referrals UNION SELECT la, child_id FROM contacts
            UNION SELECT la, child_id FROM cla_episodes UNION SELECT la, child_id FROM early_help
            UNION SELECT la, child_id FROM exploitation_screenings
            UNION SELECT la, child_id FROM home_education)
        SELECT la, child_id FROM known EXCEPT SELECT la, child_id FROM children
        UNION ALL
        (SELECT la, child_id FROM children EXCEPT SELECT la, child_id FROM known)""",
    "ids are made from natural keys the way journey.ids makes them": """
        SELECT referral_id FROM referrals
        WHERE referral_id <> child_id || '/R' || strftime(referral_date, '%Y%m%d')
        UNION ALL SELECT assessment_id FROM assessments
        WHERE assessment_id <> referral_id || '/A' || strftime(start_date, '%Y%m%d')
        UNION ALL SELECT s47_id FROM section47
        WHERE s47_id <> referral_id || '/S' || strftime(start_date, '%Y%m%d')
        UNION ALL SELECT cp_plan_id FROM cp_plans
        WHERE cp_plan_id <> referral_id || '/P' || strftime(start_date, '%Y%m%d')
        UNION ALL SELECT cin_plan_id FROM cin_plans
        WHERE cin_plan_id <> referral_id || '/N' || strftime(start_date, '%Y%m%d')
        UNION ALL SELECT discussion_id FROM strategy_discussions
        WHERE discussion_id <> referral_id || '/D' || strftime(held_date, '%Y%m%d')""",
    "the previous plans count every earlier plan of the child in the dataset": """
        SELECT p.cp_plan_id FROM cp_plans p
        WHERE p.previous_plans < (SELECT count(*) FROM cp_plans e
            WHERE e.la = p.la AND e.child_id = p.child_id AND e.start_date < p.start_date)""",
}


@pytest.mark.parametrize("rule", BROKEN)
def test_no_generated_record_breaks_the_rule(sql, rule):
    assert sql(BROKEN[rule]) == []


def test_the_dataset_holds_every_table_the_simulation_covers(dataset):
    for name in (
        "children", "referrals", "assessments", "cin_plans", "section47", "cp_plans",
        "cp_reviews", "strategy_discussions", "contacts", "cla_episodes", "cla_reviews",
        "missing_episodes", "early_help", "exploitation_screenings", "home_education",
        "population",
    ):  # fmt: skip
        assert dataset[name].num_rows > 0, name


def test_each_tables_key_is_unique(dataset):
    for name, keys in KEYS.items():
        rows = dataset[name].select(list(keys)).to_pylist()
        assert len({tuple(row.values()) for row in rows}) == len(rows), name


def test_conferences_are_on_working_days_and_targets_15_working_days_after_the_discussion(
    dataset,
):
    discussions = {
        (row["la"], row["referral_id"]): row["held_date"]
        for row in dataset["strategy_discussions"].to_pylist()
    }
    for enquiry in dataset["section47"].to_pylist():
        if enquiry["icpc_date"] is not None:
            assert is_working_day(enquiry["icpc_date"])  # CIN 8875
        held = discussions[(enquiry["la"], enquiry["referral_id"])]
        due = add_working_days(held, 15, Convention.START_IS_DAY_0)
        assert enquiry["icpc_target_date"] == due


def test_a_referral_is_dated_the_day_its_contact_arrived_in_london(dataset):
    referred = {
        (row["la"], row["referral_id"]): row["referral_date"]
        for row in dataset["referrals"].to_pylist()
    }
    for contact in dataset["contacts"].to_pylist():
        if contact["referral_id"] is not None:
            arrived = contact["received_at"].astimezone(LONDON).date()
            assert referred[(contact["la"], contact["referral_id"])] == arrived


def test_contacts_are_about_two_and_a_half_times_referrals(sql):
    # The brief's figure for a MASH: most contacts are decided without a referral.
    [(contacts, referrals)] = sql("""
        SELECT (SELECT count(*) FROM contacts WHERE received_at >= TIMESTAMPTZ '2014-04-01'),
               (SELECT count(*) FROM referrals WHERE referral_date >= DATE '2014-04-01')""")
    assert 2.2 <= contacts / referrals <= 2.8


def test_upns_are_valid_and_unique_and_children_without_one_say_why(dataset):
    children = dataset["children"].to_pylist()
    upns = [c["upn"] for c in children if c["upn"]]
    assert all(is_valid_upn(upn) for upn in upns)
    assert len(set(upns)) == len(upns)
    assert all(c["upn_unknown"] == "UN1" for c in children if not c["upn"])
    assert all(upn[1:4] == "884" for upn in upns)


def test_contact_times_are_never_in_the_small_hours(dataset):
    # Times between midnight and 06:00 would need the hour the clocks change (workdays.py).
    for received in dataset["contacts"].column("received_at").to_pylist():
        assert received.astimezone(LONDON).hour >= 6


def test_the_dataset_runs_from_the_look_back_year_to_the_last_31_march(sql):
    [(last,)] = sql("SELECT max(referral_date) FROM referrals")
    assert last <= LAST_DAY
    [(received,)] = sql("SELECT min(received_at) FROM contacts")
    first_contact = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=LONDON)
    assert received.astimezone(UTC) >= first_contact.astimezone(UTC)
