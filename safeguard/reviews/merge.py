"""When two records of a child are merged, the reviews and audits they appear in follow."""

from safeguard.people.models import Child
from safeguard.reviews.models import AgencyChronologyEntry, AuditCase, IncidentChild


def move_to_kept_child(kept: Child, duplicate: Child) -> None:
    # A link the kept record already has would be a second link to the same child: drop it.
    IncidentChild.objects.filter(
        child=duplicate, incident__in=IncidentChild.objects.filter(child=kept).values("incident")
    ).delete()
    IncidentChild.objects.filter(child=duplicate).update(child=kept)
    AuditCase.objects.filter(
        child=duplicate, audit__in=AuditCase.objects.filter(child=kept).values("audit")
    ).delete()
    AuditCase.objects.filter(child=duplicate).update(child=kept)
    AgencyChronologyEntry.objects.filter(child=duplicate).update(child=kept)
