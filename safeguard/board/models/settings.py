"""The partnership's rule for a quorate meeting: one row, changed by the business manager.

No statute sets a quorum: each partnership's constitution does. The defaults:
- a board meeting needs someone for each of the three statutory partners (the local authority,
  the police and health: Children Act 2004 s16E) and at least 7 members, about half of a board of
  15;
- a sub-group meeting needs at least 3 members;
- a named deputy who attends in a member's place counts as that member.
"""

from django.db import models

# Papers are board reports and slide packs: 10 MB holds a long report, and is about what email
# systems let members receive as an attachment anyway.
PAPER_MAX_MB = 10


class BoardSettings(models.Model):
    statutory_partners_required = models.BooleanField(
        "Every statutory partner must be represented at a board meeting", default=True
    )
    minimum_members = models.PositiveSmallIntegerField(
        "Members needed for a board meeting", default=7
    )
    subgroup_minimum_members = models.PositiveSmallIntegerField(
        "Members needed for a sub-group meeting", default=3
    )
    deputies_count = models.BooleanField(
        "A deputy counts as the member they stand in for", default=True
    )
    paper_max_mb = models.PositiveSmallIntegerField(
        "Largest paper, in megabytes", default=PAPER_MAX_MB
    )

    class Meta:
        verbose_name_plural = "board settings"

    def __str__(self) -> str:
        return "Board settings"

    @classmethod
    def current(cls) -> "BoardSettings":
        return cls.objects.get_or_create(pk=1)[0]
