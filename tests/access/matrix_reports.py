"""Who may use the annual report's pages: the business manager writes, builds and records the
cabinet item; board members read the report and the item, and a lead safeguarding partner signs
for themselves (the board's matrix seats the board member persona as the council's lead
partner; a board member without that seat gets 404); nobody else. The report holds aggregate
figures only."""

from datetime import date

from matrix_rules import ANONYMOUS, DENIED, NOT_ALLOWED, SIGN_IN, SIGNED_IN, rule

from safeguard.measures.models import MeasureResult, MeasureRun
from safeguard.reports import builds, services_cabinet, services_narrative

READ = {"business_manager", "board_member"}
WRITE = {"business_manager"}
YEAR = "2016-17"


def posted_only(allowed: set[str]) -> dict[str, str]:
    """A URL that only takes a POST: those allowed get 405 on a GET, others 403."""
    table = {ANONYMOUS: SIGN_IN}
    for role in SIGNED_IN:
        table[role] = NOT_ALLOWED if role in allowed else DENIED
    return table


TABLE = {
    "reports:annual-reports": rule(READ),
    "reports:annual-report-new": rule(WRITE),
    "reports:annual-report": rule(READ),
    "reports:section-edit": rule(WRITE),
    "reports:section-history": rule(READ),
    "reports:sign-off": rule(READ),
    "reports:new-edition": posted_only(WRITE),
    "reports:build": posted_only(WRITE),
    "reports:build-html": rule(READ),
    "reports:build-html-download": rule(READ),
    "reports:build-pdf": rule(READ),
    "reports:cabinet-item": rule(READ),
    "reports:cabinet-edit": rule(WRITE),
    "reports:cabinet-question-new": rule(WRITE),
    "reports:cabinet-question-edit": rule(WRITE),
    "reports:cabinet-question-remove": posted_only(WRITE),
    "reports:cabinet-html": rule(READ),
    "reports:cabinet-pdf": rule(READ),
}


def records(personas, found):
    """The 2016-17 report, written, built from a small stored run, and received by cabinet with
    one question minuted."""
    manager = personas["business_manager"]
    report = services_narrative.open_report(year=YEAR, by=manager)
    for section in report.sections.all():
        services_narrative.save_section(
            section, version=section.version, heading=section.heading, text="Words", by=manager
        )
    run = MeasureRun.objects.create(
        fingerprint="reports-matrix",
        dataset_fingerprint="reports-matrix",
        years=[YEAR],
        label="-",
        made_by="-",
    )
    MeasureResult.objects.create(
        run=run,
        measure_id="cpp_rate",
        la="884",
        year=YEAR,
        numerator=115,
        denominator=36050,
        value=31.9,
    )
    build = builds.build(report, run=run)
    item = services_cabinet.record_item(
        report,
        meeting="Cabinet",
        meeting_on=date(2017, 10, 26),
        title="Annual report",
        purpose="To receive the report",
        presented_by="The chair",
        resolution="Noted",
        supporting_build=build,
        by=manager,
    )
    question = services_cabinet.add_question(
        item, asked_by="Cllr A", question="Q?", answered_by="The chair", response="A."
    )
    return {
        "report_year": YEAR,
        "report_section_id": report.sections.first().pk,
        "report_build_id": build.pk,
        "cabinet_question_id": question.pk,
    }
