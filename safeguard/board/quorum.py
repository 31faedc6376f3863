"""Whether a meeting was quorate, by the partnership's rule (BoardSettings)."""

from dataclasses import dataclass, field

from safeguard.board.codes import AttendanceStatus, PartnerRole
from safeguard.board.models import BoardSettings, Meeting, Partner


@dataclass(frozen=True)
class Quorum:
    counted: int  # members there in person, or through a deputy when deputies count
    needed: int
    statutory_missing: list[str] = field(default_factory=list)

    @property
    def quorate(self) -> bool:
        return self.counted >= self.needed and not self.statutory_missing

    @property
    def reasons(self) -> list[str]:
        """Why the meeting was not quorate, in the words the minutes would use."""
        reasons = []
        if self.counted < self.needed:
            reasons.append(f"{self.counted} of the {self.needed} members needed were there")
        reasons += [f"{label} was not represented" for label in self.statutory_missing]
        return reasons


_STATUTORY_LABELS = {
    PartnerRole.LOCAL_AUTHORITY: "The local authority",
    PartnerRole.POLICE: "The police",
    PartnerRole.HEALTH: "Health",
}


def check(meeting: Meeting, rule: BoardSettings | None = None) -> Quorum | None:
    """The quorum of a meeting whose attendance is recorded; None before anyone is recorded."""
    rule = rule or BoardSettings.current()
    attendances = list(meeting.attendances.all())
    if not attendances:
        return None
    counting = {AttendanceStatus.PRESENT}
    if rule.deputies_count:
        counting.add(AttendanceStatus.DEPUTY)
    there = [a for a in attendances if a.status in counting]
    if not meeting.group.is_board:
        return Quorum(len(there), rule.subgroup_minimum_members)
    missing = []
    if rule.statutory_partners_required:
        roles = dict(
            Partner.objects.filter(agency_id__in=[a.agency_id for a in there]).values_list(
                "agency_id", "role"
            )
        )
        represented = set(roles.values())
        missing = [label for role, label in _STATUTORY_LABELS.items() if role not in represented]
    return Quorum(len(there), rule.minimum_members, missing)
