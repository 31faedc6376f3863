"""The demo partnership's annual report for 2016-17 and the cabinet item that received it.

Seed after the board (its business plan gives the priority sections, its lead safeguarding
partners sign off). The words are the demo's fixed text (demo_words.py). The three lead partners
signed the report off in September 2017, and cabinet received it in October, heard four
questions and noted it. When a stored measure run covers 2016-17 the report is also built, as the
business manager would from the page, and attached to the cabinet item; otherwise the business
manager builds and attaches it once the measures are refreshed.
"""

from datetime import date

from django.db import transaction

from safeguard.access.models import User
from safeguard.board.models import Member
from safeguard.reports import builds, demo_words, services_cabinet, services_narrative
from safeguard.reports.codes import SectionKind
from safeguard.reports.models import AnnualReport

YEAR = "2016-17"
BUSINESS_MANAGER = "helen.baker@partnership.example.org"
LEADS = ["Sarah Mitchell", "Rebecca Stone", "Nicola Hart"]  # council, police, health
SIGNED_ON = date(2017, 9, 20)
CABINET_ON = date(2017, 10, 26)

WORDS = {
    SectionKind.FOREWORD: demo_words.FOREWORD,
    SectionKind.EFFECTIVENESS: demo_words.EFFECTIVENESS,
    SectionKind.STATUTORY_CONTEXT: demo_words.STATUTORY_CONTEXT,
    SectionKind.CONCLUSION: demo_words.CONCLUSION,
    SectionKind.NEXT_YEAR: demo_words.NEXT_YEAR,
}


def seed_reports(seed: int = 2017) -> dict[str, int]:
    """`seed` is taken as every demo seeder takes it; the report's words do not vary with it."""
    if AnnualReport.objects.filter(year=YEAR).exists():
        return {"reports": 0, "builds": 0, "questions": 0}
    manager = User.objects.get(email=BUSINESS_MANAGER)
    with transaction.atomic():
        report = services_narrative.open_report(year=YEAR, by=manager)
        for section in report.sections.select_related("priority"):
            text = (
                demo_words.PRIORITIES.get(section.priority.title, "")
                if section.priority
                else WORDS[section.kind]
            )
            services_narrative.save_section(
                section, version=section.version, heading=section.heading, text=text, by=manager
            )
        for name in LEADS:
            services_narrative.sign_off(
                report, member=Member.objects.get(name=name), signed_on=SIGNED_ON, by=manager
            )
    runs = builds.runs_for(YEAR)
    build = builds.build(report, run=runs[0], by=manager) if runs else None
    item = services_cabinet.record_item(
        report,
        meeting="Cabinet",
        meeting_on=CABINET_ON,
        title=demo_words.CABINET_TITLE,
        purpose=demo_words.CABINET_PURPOSE,
        presented_by=demo_words.PRESENTED_BY,
        resolution=demo_words.RESOLUTION,
        supporting_build=build,
        by=manager,
    )
    for asked_by, question, answered_by, response in demo_words.QUESTIONS:
        services_cabinet.add_question(
            item, asked_by=asked_by, question=question, answered_by=answered_by, response=response
        )
    return {"reports": 1, "builds": int(build is not None), "questions": len(demo_words.QUESTIONS)}
