"""Writing the annual report's narrative and having it signed off.

A report is opened for a year with a section of each kind, and one for each of that year's
business plan priorities. Once any lead safeguarding partner has signed the current edition off,
its words are frozen: a change starts the next edition, which clears the sign-offs (the earlier
edition's stay on record), because a partner signed the words as they stood.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from safeguard.access.models import User
from safeguard.board.codes import PartnerRole
from safeguard.board.models import Member
from safeguard.board.years import is_reporting_year
from safeguard.reports import capabilities as cap
from safeguard.reports import plan
from safeguard.reports.codes import SectionKind
from safeguard.reports.models import AnnualReport, NarrativeSection, SignOff
from safeguard.reports.partners import LeadPartner, lead_partner, lead_partners
from safeguard.reports.rules import Problem, refuse_if

# The headings the report prints for the sections of each kind (a priority's is its title).
HEADINGS = {
    SectionKind.FOREWORD: "Foreword from the independent chair",
    SectionKind.EFFECTIVENESS: "Our assessment of the effectiveness of safeguarding",
    SectionKind.STATUTORY_CONTEXT: "The changing statutory context",
    SectionKind.CONCLUSION: "Conclusion",
    SectionKind.NEXT_YEAR: "Our priorities for next year",
}
BEFORE_PRIORITIES = [SectionKind.FOREWORD, SectionKind.EFFECTIVENESS, SectionKind.STATUTORY_CONTEXT]
AFTER_PRIORITIES = [SectionKind.CONCLUSION, SectionKind.NEXT_YEAR]
FROZEN = (
    "A lead safeguarding partner has signed off this version of the report, so its words can "
    "no longer change. Start a new version to change them: that clears the sign-offs."
)


@transaction.atomic
def open_report(*, year: str, by: User) -> AnnualReport:
    problems = []
    if not is_reporting_year(year):
        problems.append(Problem("year", "Enter a reporting year like 2016-17"))
    elif AnnualReport.objects.filter(year=year).exists():
        problems.append(Problem("year", f"There is already an annual report for {year}"))
    refuse_if(problems)
    report = AnnualReport.objects.create(year=year, opened_by=by)
    for kind in BEFORE_PRIORITIES + AFTER_PRIORITIES:
        NarrativeSection.objects.create(report=report, kind=kind, heading=HEADINGS[kind])
    add_priority_sections(report)
    return report


def add_priority_sections(report: AnnualReport) -> int:
    """A section for each of the year's business plan priorities that has none yet."""
    have = set(report.sections.exclude(priority=None).values_list("priority_id", flat=True))
    added = 0
    for priority in plan.priorities(report.year):
        if priority.pk not in have:
            NarrativeSection.objects.create(
                report=report, kind=SectionKind.PRIORITY, priority=priority, heading=priority.title
            )
            added += 1
    return added


def ordered_sections(report: AnnualReport) -> list[NarrativeSection]:
    """The sections in the order the report prints them."""
    sections = list(report.sections.select_related("priority", "updated_by"))
    kinds = [*BEFORE_PRIORITIES, SectionKind.PRIORITY, *AFTER_PRIORITIES]
    return sorted(sections, key=lambda s: (kinds.index(s.kind), plan.order_of(s.priority), s.pk))


def is_frozen(report: AnnualReport) -> bool:
    return report.sign_offs.filter(edition=report.edition).exists()


def current_sign_offs(report: AnnualReport) -> list[SignOff]:
    return list(report.sign_offs.filter(edition=report.edition).select_related("member"))


def is_signed_off(report: AnnualReport) -> bool:
    """Every statutory partner has signed the current edition off."""
    signed = {s.partner_role for s in current_sign_offs(report)}
    return signed >= set(PartnerRole.statutory())


@transaction.atomic
def save_section(
    section: NarrativeSection, *, version: int, heading: str, text: str, by: User
) -> NarrativeSection:
    section.ensure_version(version)
    problems = []
    if is_frozen(section.report):
        problems.append(Problem(None, FROZEN))
    if not heading.strip():
        problems.append(Problem("heading", "Enter the heading of the section"))
    refuse_if(problems)
    section.heading, section.text = heading.strip(), text.strip()
    section.updated_by, section.updated_at = by, timezone.now()
    section._history_user = by  # type: ignore[attr-defined]
    section.save_from(version)
    return section


@transaction.atomic
def start_new_edition(report: AnnualReport, *, version: int, by: User) -> AnnualReport:
    report.ensure_version(version)
    if not is_frozen(report):
        refuse_if([Problem(None, "Nobody has signed this version off yet: change it as it is")])
    report.edition += 1
    report._history_user = by  # type: ignore[attr-defined]
    report.save_from(version)
    return report


@transaction.atomic
def sign_off(report: AnnualReport, *, member: Member, signed_on: date, by: User) -> SignOff:
    """Record a lead safeguarding partner's sign-off of the current edition.

    The business manager records any lead partner's (given at a meeting or in writing); a lead
    partner with a login may sign for themselves only.
    """
    # Lock the report so two sign-offs and a new edition cannot cross.
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    problems = []
    partner = lead_partner(member, signed_on)
    if partner is None:
        problems.append(
            Problem(
                "member",
                f"{member} did not hold a lead safeguarding partner's seat on the board on "
                f"{signed_on:%-d %B %Y}",
            )
        )
    elif not by.can(cap.WRITE) and member.user_id != by.pk:
        problems.append(Problem("member", "You can only sign the report off for yourself"))
    elif report.sign_offs.filter(edition=report.edition, partner_role=partner.role).exists():
        problems.append(
            Problem("member", f"{partner.partner_name} has already signed this version off")
        )
    if signed_on > timezone.localdate():
        problems.append(Problem("signed_on", "The date of the sign-off must be today or earlier"))
    unwritten = [s.heading for s in ordered_sections(report) if not s.is_written]
    if unwritten:
        problems.append(
            Problem(None, "Write every section before sign-off: " + "; ".join(unwritten))
        )
    refuse_if(problems)
    assert partner is not None
    return SignOff.objects.create(
        report=report,
        edition=report.edition,
        member=member,
        partner_role=partner.role,
        partner_name=partner.partner_name,
        signed_on=signed_on,
        recorded_by=by,
    )


def partners_to_sign(report: AnnualReport, on: date) -> list[LeadPartner]:
    """Lead partners whose statutory partner has not yet signed the current edition off."""
    signed = {s.partner_role for s in current_sign_offs(report)}
    return [p for p in lead_partners(on) if p.role not in signed]
