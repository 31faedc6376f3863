"""Front-door test data made the way the service makes it: contacts through `services.open_contact`.

- `make_contact(recorded_by=...)`: a contact with every required answer filled in; pass
  `received_at`, `agency`, `referrer_role`, `child` or `immediate_danger` (or any Contact field) to
  change one.
- `make_threshold_document()`: a threshold document with the usual four levels of need.
"""

from datetime import date, datetime

from django.utils import timezone

from safeguard.access.models import Agency, User
from safeguard.frontdoor import services
from safeguard.frontdoor.codes import Channel, Concern, EarlyHelpOffered, LawfulBasis
from safeguard.frontdoor.models import Contact, ThresholdDocument, ThresholdLevel
from safeguard.people.models import Child

LEVELS = {
    1: ("Universal", "Needs met by universal services: schools, GPs, health visitors."),
    2: ("Early help", "Additional needs met by a coordinated early help plan."),
    3: ("Child in need", "Complex needs: an assessment under section 17 of the Children Act 1989."),
    4: ("Child protection", "Significant harm, or its risk: section 47 enquiries."),
}


def make_contact(
    *,
    recorded_by: User,
    received_at: datetime | None = None,
    agency: Agency | None = None,
    referrer_role: str = "",
    child: Child | None = None,
    immediate_danger: bool = False,
    **fields: object,
) -> Contact:
    """Open a contact as the MASH would on taking a phone call; received now unless told."""
    answers: dict[str, object] = {
        "channel": Channel.PHONE,
        "referrer_name": "Jo Referrer",
        "referrer_role": referrer_role,
        "referrer_agency": agency,
        "referrer_phone": "01432 260000",
        "child": child,
        "child_first_name": child.first_name if child else "Ruby",
        "child_last_name": child.last_name if child else "Fenwick",
        "child_date_of_birth": child.date_of_birth if child else date(2016, 6, 14),
        "concerns": [Concern.NEGLECT],
        "what_happened": "Came to school hungry and in the same clothes all week.",
        "immediate_danger": immediate_danger,
        "early_help_offered": EarlyHelpOffered.NO,
        "family_aware": True,
        "lawful_basis": LawfulBasis.CONSENT,
    }
    answers.update(fields)
    contact = Contact(received_at=received_at or timezone.now(), **answers)
    return services.open_contact(contact, recorded_by=recorded_by)


def make_threshold_document(
    *, version: int = 1, in_force_from: date = date(2015, 4, 1), published_by: User | None = None
) -> ThresholdDocument:
    """A threshold document with levels 1 universal, 2 early help, 3 child in need, 4 protection."""
    document = ThresholdDocument.objects.create(
        version=version,
        title="Westshire levels of need",
        in_force_from=in_force_from,
        published_by=published_by,
    )
    for number, (name, descriptors) in LEVELS.items():
        ThresholdLevel.objects.create(
            document=document, number=number, name=name, descriptors=descriptors
        )
    return document


def level(document: ThresholdDocument, number: int) -> ThresholdLevel:
    return document.levels.get(number=number)
