"""The demo partnership's organisations, teams and one user per persona.

Passwords are made at random when the demo is seeded and written to var/demo_logins.json (never
committed); `safeguard demo logins` prints them.
"""

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from safeguard.access.models import Agency, AgencyKind, Role, Team, User
from safeguard.access.roles import sync_standard_roles

PARTNERSHIP = "Marcher Safeguarding Children Partnership"
COUNCIL = "Marcher Council Children's Services"
POLICE = "West Marcher Police"
TRUST = "Marcher Community Health NHS Trust"
ICB = "Marcher Integrated Care Board"

SCHOOLS = [
    "Aylestone Primary School",
    "Bishop's Park Academy",
    "Bromyard Primary School",
    "Castle Hill Primary School",
    "Colwall High School",
    "Credenhill Primary School",
    "Eastnor Church of England Primary School",
    "Fownhope Primary School",
    "Hampton Dene Primary School",
    "Holmer Church of England Academy",
    "Kington Primary School",
    "Ledbury Grammar School",
    "Leominster Academy",
    "Lugwardine Primary School",
    "Marden Primary School",
    "Peterchurch High School",
    "Riverside Primary School",
    "Ross Community College",
    "St Mary's High School",
    "Weobley High School",
    "Whitecross Academy",
    "Wigmore Primary School",
]
GP_PRACTICES = ["Belmont Medical Centre", "Kington Surgery", "Ledbury Health Partnership"]

AGENCIES: list[tuple[str, str]] = [
    (COUNCIL, AgencyKind.CHILDRENS_SERVICES),
    (POLICE, AgencyKind.POLICE),
    (TRUST, AgencyKind.HEALTH_TRUST),
    (ICB, AgencyKind.HEALTH_ICB),
    ("Marcher Early Help Service", AgencyKind.EARLY_HELP),
    ("Marcher Council Licensing", AgencyKind.LICENSING),
    ("Marcher Probation Delivery Unit", AgencyKind.PROBATION),
    ("Marcher Housing", AgencyKind.HOUSING),
    ("Marcher Family Support Network", AgencyKind.VOLUNTARY),
    (PARTNERSHIP + " business unit", AgencyKind.PARTNERSHIP_OFFICE),
    *[(school, AgencyKind.EDUCATION) for school in SCHOOLS],
    *[(practice, AgencyKind.GP_PRACTICE) for practice in GP_PRACTICES],
]

TEAMS: list[tuple[str, str]] = [
    (COUNCIL, "Multi-agency safeguarding hub (MASH)"),
    (COUNCIL, "Assessment team"),
    (COUNCIL, "Child protection team"),
    (COUNCIL, "Looked after children team"),
    (COUNCIL, "Safeguarding and review unit"),
    ("Marcher Early Help Service", "Early help locality team"),
    (POLICE, "Public protection unit"),
]


@dataclass(frozen=True)
class Persona:
    role: str
    name: str
    email: str
    agency: str
    team: str | None
    job_title: str


PERSONAS = [
    Persona(
        "partner_practitioner",
        "Dan Morgan",
        "dan.morgan@police.example.org",
        POLICE,
        "Public protection unit",
        "Police constable",
    ),
    Persona(
        "partner_practitioner",
        "Hannah Price",
        "hannah.price@health.example.org",
        TRUST,
        None,
        "Health visitor",
    ),
    Persona(
        "mash_worker",
        "Sam Okafor",
        "sam.okafor@council.example.org",
        COUNCIL,
        "Multi-agency safeguarding hub (MASH)",
        "MASH social worker",
    ),
    Persona(
        "mash_manager",
        "Priya Shah",
        "priya.shah@council.example.org",
        COUNCIL,
        "Multi-agency safeguarding hub (MASH)",
        "MASH team manager",
    ),
    Persona(
        "social_worker",
        "Tom Griffiths",
        "tom.griffiths@council.example.org",
        COUNCIL,
        "Child protection team",
        "Social worker",
    ),
    Persona(
        "team_manager",
        "Rachel Evans",
        "rachel.evans@council.example.org",
        COUNCIL,
        "Child protection team",
        "Team manager",
    ),
    Persona(
        "conference_chair",
        "Gareth Lloyd",
        "gareth.lloyd@council.example.org",
        COUNCIL,
        "Safeguarding and review unit",
        "Child protection conference chair",
    ),
    Persona(
        "early_help_practitioner",
        "Amy Watkins",
        "amy.watkins@earlyhelp.example.org",
        "Marcher Early Help Service",
        "Early help locality team",
        "Family support worker",
    ),
    Persona(
        "business_manager",
        "Helen Baker",
        "helen.baker@partnership.example.org",
        PARTNERSHIP + " business unit",
        None,
        "Partnership business manager",
    ),
    Persona(
        "board_member",
        "David Hughes",
        "david.hughes@police.example.org",
        POLICE,
        None,
        "Detective Superintendent, board member",
    ),
    Persona(
        "performance_analyst",
        "Kate Davies",
        "kate.davies@council.example.org",
        COUNCIL,
        None,
        "Performance analyst",
    ),
    Persona(
        "training_coordinator",
        "Lucy Powell",
        "lucy.powell@partnership.example.org",
        PARTNERSHIP + " business unit",
        None,
        "Training coordinator",
    ),
    Persona(
        "licensing_officer",
        "Mark Jones",
        "mark.jones@licensing.example.org",
        "Marcher Council Licensing",
        None,
        "Licensing officer",
    ),
    Persona(
        "data_protection_officer",
        "Fiona Clarke",
        "fiona.clarke@council.example.org",
        COUNCIL,
        None,
        "Data protection officer",
    ),
    Persona(
        "system_administrator",
        "Owen Thomas",
        "owen.thomas@council.example.org",
        COUNCIL,
        None,
        "System administrator",
    ),
]


def logins_path() -> Path:
    return settings.VAR_DIR / "demo_logins.json"


@transaction.atomic
def seed_partnership() -> list[dict[str, str]]:
    sync_standard_roles()
    agencies = {
        name: Agency.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in AGENCIES
    }
    teams = {
        name: Team.objects.get_or_create(agency=agencies[agency], name=name)[0]
        for agency, name in TEAMS
    }
    logins = []
    for persona in PERSONAS:
        password = secrets.token_urlsafe(12)
        user, _ = User.objects.update_or_create(
            email=persona.email,
            defaults={
                "full_name": persona.name,
                "job_title": persona.job_title,
                "agency": agencies[persona.agency],
                "role": Role.objects.get(key=persona.role),
            },
        )
        user.set_password(password)
        user.save()
        if persona.team:
            user.teams.set([teams[persona.team]])
        logins.append(
            {
                "role": user.role.name,
                "name": persona.name,
                "email": persona.email,
                "password": password,
            }
        )
    path = logins_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(logins, indent=2))
    path.chmod(0o600)
    return logins
