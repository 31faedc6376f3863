from safeguard.training.models.compliance import (
    ComplianceRule,
    LicenceCheck,
    LicensingApiKey,
    hash_key,
)
from safeguard.training.models.courses import (
    Booking,
    Certificate,
    Course,
    Evaluation,
    TrainingSession,
)
from safeguard.training.models.workforce import (
    CaseloadSnapshot,
    QuarterlyReturn,
    WorkforceSettings,
)

__all__ = [
    "Booking",
    "CaseloadSnapshot",
    "Certificate",
    "ComplianceRule",
    "Course",
    "Evaluation",
    "LicenceCheck",
    "LicensingApiKey",
    "QuarterlyReturn",
    "TrainingSession",
    "WorkforceSettings",
    "hash_key",
]
