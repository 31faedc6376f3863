"""The themes learning is most often tagged with; a partnership adds its own on the themes page."""

from django.db import migrations

THEMES = [
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


def add_themes(apps, schema_editor):
    Theme = apps.get_model("reviews", "Theme")
    for name in THEMES:
        Theme.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]

    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
