"""The partnership's settings for the records around the pathway: one row.

National timescales (looked-after reviews and visits, the 72 hours for a return home interview)
are fixed in `timescales_around.py`; these are the local ones a partnership sets for itself.
"""

from django.db import models


class AroundSettings(models.Model):
    repeat_missing_episodes = models.PositiveSmallIntegerField(
        default=3, help_text="Missing episodes that make a child missing repeatedly…"
    )
    repeat_missing_days = models.PositiveSmallIntegerField(
        default=90, help_text="…when they start within this many days"
    )
    screening_review_months = models.PositiveSmallIntegerField(
        default=3, help_text="Months to a screening's review, unless the screener says"
    )
    early_help_assessment_working_days = models.PositiveSmallIntegerField(
        default=30, help_text="Working days from the start of early help to a completed assessment"
    )
    early_help_review_weeks = models.PositiveSmallIntegerField(
        default=6, help_text="Weeks between reviews of an early help plan"
    )
    home_education_contact_months = models.PositiveSmallIntegerField(
        default=12, help_text="Months between the authority's contacts with a home-educated child"
    )
    neglect_assessment_months = models.PositiveSmallIntegerField(
        default=3, help_text="A plan under neglect needs a neglect assessment this recent"
    )

    class Meta:
        verbose_name_plural = "settings for the records around the pathway"

    def __str__(self) -> str:
        return "Settings for the records around the pathway"

    @classmethod
    def current(cls) -> "AroundSettings":
        return cls.objects.get_or_create(pk=1)[0]
