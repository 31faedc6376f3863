"""Rules across a child's CIN episodes, and on the activity recorded against an episode.

An episode is open while it has no closure date. The work recorded against an episode
(assessments, section 47 enquiries, conferences, CIN plans and protection plans) must fit how it
ended: none after it closed, none at all on a referral with no further action, and no
protection work on a case closed after assessment.
"""

# ruff: noqa: S608 - SQL is built from the rules' own constants; a file's values reach DuckDB
# only as table data, never as SQL text.

from safeguard.returns.validation.census import Census
from safeguard.returns.validation.codes import CLOSED_AFTER_ASSESSMENT, sql_list
from safeguard.returns.validation.registry import rule
from safeguard.returns.validation.sql import episode_has, flag, of_episode, pick, union

_CLOSED_AFTER_ASSESSMENT = sql_list(CLOSED_AFTER_ASSESSMENT)
_OPEN = "NOT present(CINclosureDate)"
_ACTED_ON = "no_further_action = false"
# Every dated piece of work on an episode, as (typed table, element, date read from it).
ACTIVITY = (
    ("assessment", "AssessmentActualStartDate", "started"),
    ("assessment", "AssessmentAuthorisationDate", "authorised"),
    ("s47", "S47ActualStartDate", "started"),
    ("s47", "DateOfInitialCPC", "conference"),
    ("cin", "DateOfInitialCPC", "conference"),
    ("cin_plan", "CINPlanStartDate", "started"),
    ("cin_plan", "CINPlanEndDate", "ended"),
    ("cpp", "CPPstartDate", "started"),
    ("cpp", "CPPendDate", "ended"),
    ("review", "CPPreviewDate", "reviewed"),
)


@rule(
    "8815",
    table="CINdetails",
    fields=("CINclosureDate",),
    message=(
        "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
        "provided for this child and case is not a referral with no further action."
    ),
)
def one_open_episode(c: Census) -> str:
    return (
        f"SELECT {pick('cin', 'CINclosureDate')} FROM (SELECT *, sum(CASE WHEN {_OPEN} AND "
        f"{_ACTED_ON} THEN 1 ELSE 0 END) OVER (PARTITION BY child_id) AS open_episodes "
        f"FROM cin WHERE child_id IS NOT NULL) cin WHERE {_OPEN} AND {_ACTED_ON} "
        "AND open_episodes > 1"
    )


@rule(
    "8816",
    table="CINdetails",
    fields=("CINclosureDate",),
    message=(
        "An open CIN episode is shown and case is not a referral with no further action, but "
        "it is not the latest episode."
    ),
)
def open_episode_is_the_latest(c: Census) -> str:
    return (
        f"SELECT {pick('cin', 'CINclosureDate')} FROM (SELECT *, max(referred) OVER "
        "(PARTITION BY child_id) AS latest FROM cin WHERE child_id IS NOT NULL) cin "
        f"WHERE {_OPEN} AND {_ACTED_ON} AND referred < latest"
    )


@rule(
    "8820",
    table="CINdetails",
    fields=("CINreferralDate",),
    message="The dates on the CIN episodes for this child overlap",
)
def episodes_do_not_overlap(c: Census) -> str:
    # An episode may start on the day the one before it closed.
    return flag(
        "cin",
        "CINreferralDate",
        "EXISTS (SELECT 1 FROM cin b WHERE b.child_id = cin.child_id AND b.row_id <> cin.row_id "
        "AND cin.referred >= b.referred AND (cin.referred < b.closed "
        "OR (NOT present(b.CINclosureDate) AND b.no_further_action = false)))",
    )


@rule(
    "8825Q",
    table="CINdetails",
    fields=("ReasonForClosure",),
    message=(
        "Please check and either amend data or provide a reason: Reason for Closure code RC8 "
        "(case closed after assessment) or RC9 (case closed after assessment, referred to early "
        "help) has been returned but there is no assessment present for the episode."
    ),
)
def closed_after_assessment_has_one(c: Census) -> str:
    return flag(
        "cin",
        "ReasonForClosure",
        f"ReasonForClosure IN {_CLOSED_AFTER_ASSESSMENT} AND NOT {episode_has('assessment')}",
    )


@rule(
    "8831",
    table="CINdetails",
    fields=("ReferralNFA",),
    message="Activity is recorded against a case marked as a referral with no further action",
)
def no_activity_after_nfa(c: Census) -> str:
    activity = " OR ".join(
        (
            episode_has(
                "assessment",
                "(present(x.AssessmentActualStartDate) OR present(x.AssessmentAuthorisationDate))",
            ),
            episode_has("s47", "(present(x.S47ActualStartDate) OR present(x.DateOfInitialCPC))"),
            "present(DateOfInitialCPC)",
        )
    )
    return flag("cin", "ReferralNFA", f"no_further_action AND ({activity})")


@rule(
    "8867",
    table="CINdetails",
    fields=("AssessmentAuthorisationDate",),
    message="CIN episode is shown as closed, however Assessment is not shown as completed",
)
def closed_episode_assessments_completed(c: Census) -> str:
    return flag(
        "assessment",
        "AssessmentAuthorisationDate",
        "NOT present(AssessmentAuthorisationDate) AND "
        f"{of_episode('present(e.CINclosureDate)', 'assessment')}",
    )


@rule(
    "8868",
    table="CINdetails",
    fields=("ICPCnotRequired",),
    message=(
        "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed "
        "by ICPC date or ICPC not required flag"
    ),
)
def closed_episode_enquiries_completed(c: Census) -> str:
    return flag(
        "s47",
        "ICPCnotRequired",
        "NOT present(DateOfInitialCPC) AND conference_not_required IS NOT true AND "
        f"{of_episode('present(e.CINclosureDate)', 's47')}",
    )


@rule(
    "2990",
    table="CINdetails",
    fields=("ReasonForClosure",),
    message=(
        "Activity is recorded against a case marked as ‘Case closed after assessment, no "
        "further action’ or 'case closed after assessment, referred to early help'."
    ),
)
def no_protection_work_after_assessment_closure(c: Census) -> str:
    work = " OR ".join(
        (
            episode_has("s47"),
            episode_has("cpp"),
            episode_has("cin_plan"),
            "present(DateOfInitialCPC)",
        )
    )
    return flag(
        "cin", "ReasonForClosure", f"ReasonForClosure IN {_CLOSED_AFTER_ASSESSMENT} AND ({work})"
    )


@rule(
    "2991Q",
    table="CINdetails",
    fields=("S47ActualStartDate",),
    message=(
        "Please check and either amend data or provide a reason: A Section 47 module is "
        "recorded and there is no assessment on the episode"
    ),
)
def enquiry_has_an_assessment(c: Census) -> str:
    return flag("s47", "S47ActualStartDate", f"NOT {episode_has('assessment', episode='s47')}")


@rule(
    "8565",
    table="ChildProtectionPlans",
    fields=tuple(dict.fromkeys(field for _, field, _ in ACTIVITY)),
    message="Activity shown after a case has been closed",
)
def no_activity_after_closure(c: Census) -> str:
    return union(
        *(
            flag(source, field, of_episode(f"e.closed < {source}.{read}", source))
            for source, field, read in ACTIVITY
        )
    )
