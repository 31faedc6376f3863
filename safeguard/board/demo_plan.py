"""The demo's business plans: 2016-17 with the four priorities of the reference case, and 2017-18
that follows it. Measure ids are those of the measure registry (MEASURES.md)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedPriority:
    title: str
    lead_group: str  # a roster group name, or "" for the board as a whole
    measure_ids: tuple[str, ...]
    objectives: tuple[str, ...]
    actions: tuple[tuple[str, str], ...]  # (what, who leads)
    ratings: tuple[tuple[str, str], ...]  # (rag, narrative) for quarters 1 to 4


PLAN_2016 = (
    "The board's four priorities for 2016-17, agreed in March 2016 from the annual report, the "
    "performance figures and what practitioners and children told the partnership."
)

PRIORITIES_2016 = [
    PlannedPriority(
        "Child sexual exploitation and missing children",
        "Child sexual exploitation and missing sub-group",
        ("cla_missing_pct",),
        (
            "Every agency screens for exploitation with the same tool",
            "Every child who goes missing is offered a return home interview within 72 hours",
            "Taxi and private hire drivers complete exploitation awareness training",
        ),
        (
            ("Launch the multi-agency exploitation screening tool", "West Marcher Police"),
            ("Commission return home interviews from one provider", "Marcher Council"),
        ),
        (
            ("amber", "The screening tool is agreed; training for agencies starts in July."),
            ("amber", "Return home interviews offered within 72 hours rose to 71%."),
            ("green", "Every agency now uses the screening tool; the panel meets monthly."),
            ("green", "Licensing made exploitation training a condition of every licence."),
        ),
    ),
    PlannedPriority(
        "The child's journey through the child protection process",
        "Quality assurance and performance sub-group",
        ("cpp_rate", "rereferral_pct", "referral_nfa_pct", "icpc_15wd_pct"),
        (
            "Referrals from partners are appropriate and well evidenced",
            "Initial conferences are held within 15 working days of the strategy discussion",
            "Fewer children come back onto a plan within two years",
        ),
        (
            ("Revise the threshold document with partners", "Business unit"),
            ("Audit strategy discussions for police and health attendance", "Quality sub-group"),
            ("Train referrers on the threshold document", "Training coordinator"),
        ),
        (
            ("amber", "Plans per 10,000 children remain high; the threshold review has begun."),
            ("amber", "Conferences on time improved to 80%; re-referrals are stable."),
            ("green", "The revised threshold document is published and training is under way."),
            ("green", "Plans fell towards the statistical neighbour average by 31 March."),
        ),
    ),
    PlannedPriority(
        "Neglect",
        "Neglect and early help sub-group",
        ("cpp_neglect_pct",),
        (
            "Practitioners recognise neglect early and use the graded care profile",
            "Plans under neglect show the assessment behind them",
        ),
        (
            ("Publish the neglect strategy", "Neglect and early help sub-group"),
            ("Train 150 practitioners in the graded care profile", "Training coordinator"),
        ),
        (
            ("red", "The neglect strategy is behind schedule: consultation closes in August."),
            ("amber", "The strategy is approved; 40 practitioners trained so far."),
            ("amber", "110 practitioners trained; audit shows assessments on most plans."),
            ("green", "150 practitioners trained; the strategy is in place in every agency."),
        ),
    ),
    PlannedPriority(
        "Early help",
        "Neglect and early help sub-group",
        ("referral_nfa_pct", "rereferral_pct"),
        (
            "Families get help at the first sign of need, from the agency that knows them",
            "Contacts that do not need social care are stepped down to early help",
        ),
        (
            ("Name an early help contact for every school cluster", "Marcher Early Help Service"),
            ("Step contacts ending in no further action down to early help", "MASH"),
        ),
        (
            ("amber", "The locality model is in place in two of four localities."),
            ("amber", "Named contacts cover every secondary school cluster."),
            ("amber", "Step-down from the MASH started in November; too early to judge."),
            ("amber", "Early help assessments rose by a fifth; no further action rates fell."),
        ),
    ),
]

PLAN_2017 = (
    "The board's priorities for 2017-18, carried on from 2016-17 where the work is not finished, "
    "and widened to criminal exploitation."
)

PRIORITIES_2017 = [
    PlannedPriority(
        "Child exploitation, sexual and criminal, and missing children",
        "Child sexual exploitation and missing sub-group",
        ("cla_missing_pct",),
        ("Every agency recognises criminal exploitation and county lines",),
        (("Extend the screening tool to criminal exploitation", "West Marcher Police"),),
        (
            ("amber", "The extended tool is in draft."),
            ("amber", "The tool is in use by the police and children's services."),
            ("green", "Every agency uses the extended tool."),
            ("green", "The panel now reviews criminal exploitation cases too."),
        ),
    ),
    PlannedPriority(
        "Neglect",
        "Neglect and early help sub-group",
        ("cpp_neglect_pct",),
        ("The graded care profile is used in every neglect case",),
        (("Audit plans under neglect for a graded care profile", "Quality sub-group"),),
        (
            ("amber", "The audit is planned for the autumn."),
            ("amber", "The audit found a profile on two plans in three."),
            ("amber", "Reminders added to the plan template."),
            ("green", "Nine plans in ten now have a profile."),
        ),
    ),
    PlannedPriority(
        "Early help and the front door",
        "Neglect and early help sub-group",
        ("referral_nfa_pct", "rereferral_pct"),
        ("Fewer contacts from partners end in no further action",),
        (("Report no further action rates by referring agency each quarter", "MASH"),),
        (
            ("amber", "Quarterly reports by agency began."),
            ("amber", "Schools' no further action rate fell."),
            ("green", "The rate fell for every agency but one."),
            ("green", "The step-down route is embedded."),
        ),
    ),
    PlannedPriority(
        "The new safeguarding arrangements",
        "",
        (),
        ("The council, police and health publish their joint arrangements",),
        (("Consult on and publish the new arrangements", "Lead safeguarding partners"),),
        (
            ("green", "Options agreed by the three partners."),
            ("green", "Consultation with relevant agencies completed."),
            ("amber", "Publication waits for the national guidance."),
            ("green", "The arrangements are drafted for publication."),
        ),
    ),
]
