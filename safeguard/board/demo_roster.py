"""Who sits on the demo partnership's board and sub-groups, 2015 to 2018.

Agency names are the demo partnership's (safeguard/demo/partnership.py); a member with an email
is linked to that login when it exists (the personas David Hughes and Helen Baker, and the board
members the case reviews demo adds).
"""

from dataclasses import dataclass
from datetime import date

from safeguard.access.models import AgencyKind
from safeguard.board.codes import MemberRole, PartnerRole

COUNCIL = "Marcher Council Children's Services"
POLICE = "West Marcher Police"
ICB = "Marcher Integrated Care Board"
TRUST = "Marcher Community Health NHS Trust"
WHITECROSS = "Whitecross Academy"
LEDBURY = "Ledbury Grammar School"
PROBATION = "Marcher Probation Delivery Unit"
VOLUNTARY = "Marcher Family Support Network"
HOUSING = "Marcher Housing"
EARLY_HELP = "Marcher Early Help Service"
OFFICE = "Marcher Safeguarding Children Partnership business unit"

# (agency, kind, part in the partnership or None for the business unit, which is no partner)
AGENCIES: list[tuple[str, str, str | None]] = [
    (COUNCIL, AgencyKind.CHILDRENS_SERVICES, PartnerRole.LOCAL_AUTHORITY),
    (POLICE, AgencyKind.POLICE, PartnerRole.POLICE),
    (ICB, AgencyKind.HEALTH_ICB, PartnerRole.HEALTH),
    (TRUST, AgencyKind.HEALTH_TRUST, PartnerRole.RELEVANT_AGENCY),
    (WHITECROSS, AgencyKind.EDUCATION, PartnerRole.RELEVANT_AGENCY),
    (LEDBURY, AgencyKind.EDUCATION, PartnerRole.RELEVANT_AGENCY),
    (PROBATION, AgencyKind.PROBATION, PartnerRole.RELEVANT_AGENCY),
    (VOLUNTARY, AgencyKind.VOLUNTARY, PartnerRole.RELEVANT_AGENCY),
    (HOUSING, AgencyKind.HOUSING, PartnerRole.RELEVANT_AGENCY),
    (EARLY_HELP, AgencyKind.EARLY_HELP, PartnerRole.RELEVANT_AGENCY),
    (OFFICE, AgencyKind.PARTNERSHIP_OFFICE, None),
]

BOARD = "Marcher Safeguarding Children Board"
CSE = "Child sexual exploitation and missing sub-group"
QUALITY = "Quality assurance and performance sub-group"
NEGLECT = "Neglect and early help sub-group"

GROUPS = [
    (
        BOARD,
        "The partnership's board: sets priorities, holds partners to account, and reports "
        "each year to the council's cabinet.",
    ),
    (CSE, "Leads the priority on child sexual exploitation and missing children."),
    (
        QUALITY,
        "Reads the performance figures and multi-agency audits, and tests how well "
        "agencies work together.",
    ),
    (NEGLECT, "Leads the priorities on neglect and early help."),
]

START = date(2014, 4, 1)


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    email: str
    agency: str | None
    job_title: str
    # (group, role, term start, term end)
    seats: tuple[tuple[str, str, date, date | None], ...]


R = MemberRole

PEOPLE = [
    Person(
        "chair",
        "Dr Elizabeth Harding",
        "",
        None,
        "Independent chair",
        ((BOARD, R.CHAIR, START, None),),
    ),
    Person(
        "dcs",
        "Sarah Mitchell",
        "sarah.mitchell@council.example.org",
        COUNCIL,
        "Director of Children's Services",
        ((BOARD, R.LEAD_PARTNER, START, None),),
    ),
    Person(
        "acc",
        "Rebecca Stone",
        "",
        POLICE,
        "Assistant Chief Constable",
        ((BOARD, R.LEAD_PARTNER, START, None),),
    ),
    Person(
        "police",
        "David Hughes",
        "david.hughes@police.example.org",
        POLICE,
        "Detective Superintendent, public protection",
        ((BOARD, R.DELEGATED_PARTNER, START, None), (CSE, R.CHAIR, START, None)),
    ),
    Person(
        "nurse",
        "Nicola Hart",
        "",
        ICB,
        "Director of Nursing and Quality",
        ((BOARD, R.LEAD_PARTNER, START, None),),
    ),
    Person(
        "doctor",
        "Dr Anita Rao",
        "anita.rao@icb.example.org",
        ICB,
        "Designated Doctor for Safeguarding",
        (
            (BOARD, R.DELEGATED_PARTNER, START, None),
            (QUALITY, R.REPRESENTATIVE, START, None),
            (NEGLECT, R.REPRESENTATIVE, START, None),
        ),
    ),
    Person(
        "trust",
        "James Whitfield",
        "james.whitfield@health.example.org",
        TRUST,
        "Chief Nurse",
        ((BOARD, R.REPRESENTATIVE, START, None), (CSE, R.REPRESENTATIVE, START, None)),
    ),
    Person(
        "school",
        "Claire Morgan",
        "claire.morgan@whitecross.example.org",
        WHITECROSS,
        "Headteacher",
        ((BOARD, R.REPRESENTATIVE, START, None), (QUALITY, R.REPRESENTATIVE, START, None)),
    ),
    Person(
        "school2",
        "Paul Bennett",
        "",
        LEDBURY,
        "Headteacher",
        ((BOARD, R.REPRESENTATIVE, date(2016, 9, 1), None),),
    ),
    Person(
        "probation",
        "Susan Clarke",
        "",
        PROBATION,
        "Head of the Probation Delivery Unit",
        ((BOARD, R.REPRESENTATIVE, START, None), (NEGLECT, R.REPRESENTATIVE, START, None)),
    ),
    Person(
        "voluntary",
        "Jenny Walsh",
        "",
        VOLUNTARY,
        "Chief Executive",
        (
            (BOARD, R.REPRESENTATIVE, START, None),
            (CSE, R.REPRESENTATIVE, START, None),
            (NEGLECT, R.REPRESENTATIVE, START, None),
        ),
    ),
    Person(
        "housing",
        "Ravi Patel",
        "",
        HOUSING,
        "Head of Housing",
        ((BOARD, R.REPRESENTATIVE, START, date(2016, 9, 30)),),
    ),
    Person(
        "housing2",
        "Megan Lloyd",
        "",
        HOUSING,
        "Head of Housing Options",
        ((BOARD, R.REPRESENTATIVE, date(2016, 10, 1), None),),
    ),
    Person(
        "early_help",
        "Karen Lewis",
        "",
        EARLY_HELP,
        "Head of Early Help",
        (
            (BOARD, R.REPRESENTATIVE, START, None),
            (NEGLECT, R.CHAIR, START, None),
            (CSE, R.REPRESENTATIVE, START, None),
        ),
    ),
    Person(
        "safeguarding",
        "Andrew Price",
        "",
        COUNCIL,
        "Head of Safeguarding and Review",
        ((BOARD, R.REPRESENTATIVE, START, None), (QUALITY, R.CHAIR, START, None)),
    ),
    Person(
        "manager",
        "Helen Baker",
        "helen.baker@partnership.example.org",
        OFFICE,
        "Partnership business manager",
        (
            (BOARD, R.BUSINESS_MANAGER, START, None),
            (CSE, R.BUSINESS_MANAGER, START, None),
            (QUALITY, R.BUSINESS_MANAGER, START, None),
            (NEGLECT, R.BUSINESS_MANAGER, START, None),
        ),
    ),
    Person(
        "scrutineer",
        "Professor Alan Webb",
        "",
        None,
        "Independent scrutineer",
        ((QUALITY, R.SCRUTINEER, date(2017, 4, 1), None),),
    ),
]

# Who comes in a member's place when they send a deputy, by agency.
DEPUTIES = {
    COUNCIL: "Joanne Ellis, Assistant Director, Safeguarding",
    POLICE: "DCI Laura Fox",
    ICB: "Mary Owen, Designated Nurse",
    TRUST: "Peter Vaughan, Named Nurse",
    WHITECROSS: "Tom Reese, Deputy Headteacher",
    LEDBURY: "Ann Jarvis, Designated Safeguarding Lead",
    PROBATION: "Gwen Davies, Senior Probation Officer",
    VOLUNTARY: "Lee Harris, Operations Manager",
    HOUSING: "Sian Roberts, Housing Manager",
    EARLY_HELP: "Rob Turner, Early Help Manager",
}
