"""The choices the board's records make. None is a statutory return code."""

from django.db import models


class PartnerRole(models.TextChoices):
    """The three safeguarding partners of the Children Act 2004 s16E, and the relevant agencies
    they name (schools, probation, the voluntary sector…)."""

    LOCAL_AUTHORITY = "local_authority", "Statutory partner: the local authority"
    POLICE = "police", "Statutory partner: the police"
    HEALTH = "health", "Statutory partner: health (the ICB, formerly the CCG)"
    RELEVANT_AGENCY = "relevant_agency", "Relevant agency"

    @classmethod
    def statutory(cls) -> list["PartnerRole"]:
        return [cls.LOCAL_AUTHORITY, cls.POLICE, cls.HEALTH]


class GroupKind(models.TextChoices):
    BOARD = "board", "The board"
    SUB_GROUP = "sub_group", "Sub-group"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    LEAD_PARTNER = "lead_partner", "Lead safeguarding partner"
    DELEGATED_PARTNER = "delegated_partner", "Delegated safeguarding partner"
    SCRUTINEER = "scrutineer", "Independent scrutineer"
    BUSINESS_MANAGER = "business_manager", "Business manager"
    REPRESENTATIVE = "representative", "Agency representative"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    DEPUTY = "deputy", "Apologies, deputy attended"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent without apologies"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


QUARTERS: dict[int, str] = {
    1: "Quarter 1 (April to June)",
    2: "Quarter 2 (July to September)",
    3: "Quarter 3 (October to December)",
    4: "Quarter 4 (January to March)",
}
