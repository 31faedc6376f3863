"""The themes learning is most often tagged with; a partnership adds its own on the themes page.

They are made after every migrate (and so after a test database is flushed), not only by the
data migration, so a partnership always starts with them.
"""

DEFAULT_THEMES = [
    "Information sharing",
    "Cultural context",
    "Disabled children",
    "Neglect",
    "Threshold decisions",
    "Voice of the child",
    "Professional curiosity",
    "Domestic abuse",
    "Parental mental health",
    "Parental substance misuse",
    "Child exploitation",
    "Escalation and challenge",
    "Hidden men",
    "Safe sleeping",
]


def ensure_default_themes(**kwargs: object) -> None:
    from safeguard.reviews.models import Theme

    for name in DEFAULT_THEMES:
        Theme.objects.get_or_create(name=name)
