"""The choices the report's records make. None is a statutory return code."""

from django.db import models


class SectionKind(models.TextChoices):
    """The narrative sections of the annual report, in the order the report prints them."""

    FOREWORD = "foreword", "The chair's foreword"
    EFFECTIVENESS = "effectiveness", "Our assessment of effectiveness"
    STATUTORY_CONTEXT = "statutory_context", "The changing statutory context"
    PRIORITY = "priority", "Progress on a priority"
    CONCLUSION = "conclusion", "Conclusion"
    NEXT_YEAR = "next_year", "Our priorities for next year"
