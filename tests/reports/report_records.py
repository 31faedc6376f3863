"""Records the report tests share: a hand-made measure run, the board's three statutory partners
with their lead safeguarding partners, and a report with every section written."""

import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pytest
from factories import AgencyFactory, UserFactory

from safeguard.access.models import AgencyKind, User
from safeguard.board import services_partnership, services_plan
from safeguard.board.codes import GroupKind, MemberRole, PartnerRole
from safeguard.board.models import BoardGroup, Member
from safeguard.measures.models import MeasureResult, MeasureRun
from safeguard.reports import services_narrative
from safeguard.reports.models import AnnualReport

LA = "884"
YEAR = "2016-17"
YEARS = ["2012-13", "2013-14", "2014-15", "2015-16", "2016-17"]

# (measure id, year, numerator, denominator, value)
Result = tuple[str, str, float | None, float | None, float | None]

# A small run, worked out by hand so each value is its numerator over its denominator:
# plans at 31 March per 10,000 of 36,050 children (115 / 36,050 * 10,000 = 31.9; 228 gives 63.2),
# re-referrals (207 of 1,367 = 15.1%), and plans by initial category at 31 March 2017 adding
# up to the 115 plans: neglect 60, emotional 40, physical 9, sexual 3, multiple 3 (so sexual and
# multiple are small counts and suppressed, and nothing else need be: 3 + 3 can't be pinned).
HAND_RESULTS: list[Result] = [
    ("cpp_rate", "2015-16", 228, 36050, 63.24549237170596),
    ("cpp_rate", "2016-17", 115, 36050, 31.900138696255203),
    ("rereferral_pct", "2015-16", 250, 1500, 16.666666666666668),
    ("rereferral_pct", "2016-17", 207, 1367, 15.142648134601317),
    ("cpp_neglect_pct", "2016-17", 60, 115, 52.17391304347826),
    ("cpp_emotional_pct", "2016-17", 40, 115, 34.78260869565217),
    ("cpp_physical_pct", "2016-17", 9, 115, 7.826086956521739),
    ("cpp_sexual_pct", "2016-17", 3, 115, 2.608695652173913),
    ("cpp_multiple_pct", "2016-17", 3, 115, 2.608695652173913),
    ("cla_missing_pct", "2016-17", 4, 300, 1.3333333333333333),
    ("reviews_actions_open", "2016-17", 2, 8, 2),
    ("board_attendance_pct", "2016-17", 60, 72, 83.33333333333333),
]


def make_run(
    results: Iterable[Result] = HAND_RESULTS,
    *,
    years: list[str] = YEARS,
    fingerprint: str = "run-1",
) -> MeasureRun:
    run = MeasureRun.objects.create(
        fingerprint=fingerprint,
        dataset_fingerprint=f"dataset-{fingerprint}",
        years=years,
        label=f"Measures for {years[0]} to {years[-1]}",
        made_by="a test",
    )
    MeasureResult.objects.bulk_create(
        MeasureResult(run=run, measure_id=m, la=LA, year=y, numerator=n, denominator=d, value=v)
        for m, y, n, d, v in results
    )
    return run


@dataclass
class Board:
    group: BoardGroup
    council: Member
    police: Member
    health: Member

    @property
    def leads(self) -> list[Member]:
        return [self.council, self.police, self.health]


def make_board(council_user: User | None = None) -> Board:
    """The board with the council, the police and the ICB as statutory partners, each with a lead
    safeguarding partner since 2014; the council's lead signs in as `council_user`."""
    group = BoardGroup.objects.filter(kind=GroupKind.BOARD).first() or (
        services_partnership.add_group(name="The board", kind=GroupKind.BOARD)
    )
    leads = []
    for name, kind, role, person in [
        ("Test Council", AgencyKind.CHILDRENS_SERVICES, PartnerRole.LOCAL_AUTHORITY, "Sarah Lead"),
        ("Test Police", AgencyKind.POLICE, PartnerRole.POLICE, "Rebecca Lead"),
        ("Test ICB", AgencyKind.HEALTH_ICB, PartnerRole.HEALTH, "Nicola Lead"),
    ]:
        agency = AgencyFactory(name=name, kind=kind)
        services_partnership.add_partner(agency=agency, role=role)
        leads.append(
            services_partnership.add_member(
                name=person,
                job_title="Lead",
                agency=agency,
                user=council_user if role == PartnerRole.LOCAL_AUTHORITY else None,
                group=group,
                role=MemberRole.LEAD_PARTNER,
                term_start=date(2014, 4, 1),
            )
        )
    return Board(group, *leads)


def add_plan(year: str = YEAR) -> None:
    """A business plan for the year with two priorities naming measures in the hand-made run."""
    plan = services_plan.create_plan(year=year)
    services_plan.add_priority(
        plan, title="The child's journey", measure_ids=["cpp_rate", "rereferral_pct"]
    )
    services_plan.add_priority(plan, title="Missing children", measure_ids=["cla_missing_pct"])


def written_report(by: User | None = None, year: str = YEAR) -> AnnualReport:
    """The year's report with every section written (each says which it is)."""
    by = by or UserFactory(role="business_manager")
    report = services_narrative.open_report(year=year, by=by)
    for section in report.sections.all():
        services_narrative.save_section(
            section,
            version=section.version,
            heading=section.heading,
            text=f"What we wrote for {section.heading}.\n\n- One point\n- Another point",
            by=by,
        )
    return report


def sign_off_all(report: AnnualReport, board: Board, by: User, on: date = date(2017, 9, 20)):
    for member in board.leads:
        services_narrative.sign_off(report, member=member, signed_on=on, by=by)


def poppler(tool: str, *args: str) -> str:
    """Run one of Poppler's tools (pdftotext, pdftoppm, pdfinfo) and return what it printed;
    scripts/ensure_pdf_tools.sh installs them."""
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is not installed: run bash scripts/ensure_pdf_tools.sh", False)
    return subprocess.run([path, *args], check=True, capture_output=True, text=True).stdout
