"""Who holds the training a rule requires: the licence check and the staff compliance report.

The licence check answers yes or no for one licence application reference. It reads only the
certificates earned under that reference, and no child's record, so it can reveal nothing about
children or about other applicants.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from safeguard.access.models import User
from safeguard.core.calendar import add_months
from safeguard.training.codes import (
    STAFF_AUDIENCE_ROLES,
    ApplicationKind,
    Audience,
    CheckChannel,
    LicenceType,
)
from safeguard.training.models import (
    Certificate,
    ComplianceRule,
    LicenceCheck,
    LicensingApiKey,
)
from safeguard.training.references import normalise_reference


@dataclass(frozen=True)
class LicenceAnswer:
    compliant: bool
    reason: str
    certificate: Certificate | None = None
    rule: ComplianceRule | None = None


def _day(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _rule_name(rule: ComplianceRule) -> str:
    return f"Rule version {rule.version} (in force from {_day(rule.in_force_from)})"


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def check_licence(
    reference: str, licence_type: str, application_kind: str, application_date: date
) -> LicenceAnswer:
    reference = normalise_reference(reference)
    rule = ComplianceRule.in_force_on(Audience.TAXI_AND_PRIVATE_HIRE, application_date)
    if rule is None:
        return LicenceAnswer(
            True,
            f"No training rule for licence applicants was in force on {_day(application_date)}, "
            "so no certificate is needed.",
        )
    rule_name = _rule_name(rule)
    needed = (
        rule.required_at_first_grant
        if application_kind == ApplicationKind.FIRST_GRANT
        else rule.required_at_renewal
    )
    if licence_type not in rule.licence_types:
        label = LicenceType(licence_type).label.lower()
        return LicenceAnswer(
            True, f"{rule_name} does not require training for a {label} licence.", rule=rule
        )
    if not needed:
        kind = ApplicationKind(application_kind).label.lower()
        return LicenceAnswer(True, f"{rule_name} does not require training at {kind}.", rule=rule)
    return _certificate_answer(reference, application_date, rule, rule_name)


def _certificate_answer(
    reference: str, application_date: date, rule: ComplianceRule, rule_name: str
) -> LicenceAnswer:
    course = rule.course.title
    held = Certificate.objects.filter(
        licence_reference=reference, course=rule.course, withdrawn_at__isnull=True
    ).select_related("course")
    earliest = add_months(application_date, -rule.max_age_months) if rule.max_age_months else None
    fresh = held.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=application_date))
    if earliest is not None:
        fresh = fresh.filter(completed_on__gte=earliest)
    certificate = fresh.order_by("-completed_on", "-id").first()
    if certificate is not None:
        within = (
            f", within the {rule.max_age_months} months before the application that "
            f"{_lower(rule_name)} allows"
            if rule.max_age_months
            else f", as {_lower(rule_name)} requires"
        )
        return LicenceAnswer(
            True,
            f"{course} was completed on {_day(certificate.completed_on)}{within}.",
            certificate,
            rule,
        )
    latest = held.order_by("-completed_on", "-id").first()
    if latest is None:
        return LicenceAnswer(
            False,
            f"No {course} certificate is held under reference {reference}. {rule_name} "
            f"requires one.",
            rule=rule,
        )
    if earliest is not None and latest.completed_on < earliest:
        reason = (
            f"The latest {course} certificate was completed on {_day(latest.completed_on)}, "
            f"more than {rule.max_age_months} months before the application on "
            f"{_day(application_date)}. {rule_name} requires it to be completed no more than "
            f"{rule.max_age_months} months before the application."
        )
    else:
        reason = (
            f"The latest {course} certificate ran out on {_day(latest.valid_until)}, before the "
            f"application on {_day(application_date)}."
        )
    return LicenceAnswer(False, reason, latest, rule)


def record_licence_check(
    *,
    reference: str,
    licence_type: str,
    application_kind: str,
    application_date: date,
    user: User | None = None,
    api_key: LicensingApiKey | None = None,
) -> LicenceCheck:
    """Answer the check and log it: who asked (a person or a licensing system's key) and what."""
    reference = normalise_reference(reference)
    answer = check_licence(reference, licence_type, application_kind, application_date)
    return LicenceCheck.objects.create(
        channel=CheckChannel.API if api_key else CheckChannel.PAGE,
        checked_by=user,
        api_key=api_key,
        agency=api_key.agency if api_key else user.agency if user else None,
        reference=reference,
        licence_type=licence_type,
        application_kind=application_kind,
        application_date=application_date,
        compliant=answer.compliant,
        reason=answer.reason,
        certificate=answer.certificate,
        rule=answer.rule,
    )


@dataclass(frozen=True)
class StaffRow:
    user: User
    certificate: Certificate | None

    @property
    def compliant(self) -> bool:
        return self.certificate is not None


@dataclass(frozen=True)
class AudienceReport:
    audience: str
    rule: ComplianceRule
    rows: list[StaffRow]

    @property
    def label(self) -> str:
        return Audience(self.audience).label

    @property
    def compliant(self) -> int:
        return sum(row.compliant for row in self.rows)

    @property
    def share(self) -> float | None:
        return round(100 * self.compliant / len(self.rows), 1) if self.rows else None


def staff_compliance(on: date) -> list[AudienceReport]:
    """For each staff audience with a rule in force: its members and the certificate each holds
    (the latest valid one of the rule's course), or none."""
    reports = []
    for audience, role_keys in STAFF_AUDIENCE_ROLES.items():
        rule = ComplianceRule.in_force_on(audience, on)
        if rule is None:
            continue
        staff = list(
            User.objects.filter(is_active=True, role__key__in=role_keys)
            .select_related("agency")
            .order_by("full_name")
        )
        held: dict[int, Certificate] = {}
        certificates = Certificate.objects.filter(
            user__in=staff, course=rule.course, withdrawn_at__isnull=True, completed_on__lte=on
        ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        for certificate in certificates.order_by("completed_on"):
            held[certificate.user_id] = certificate  # the latest wins
        reports.append(
            AudienceReport(audience, rule, [StaffRow(user, held.get(user.pk)) for user in staff])
        )
    return reports
