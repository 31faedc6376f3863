"""The CIN census validation rules, in modules grouped by what they check.

Importing this package registers every rule (safeguard.returns.validation.registry).
"""

from safeguard.returns.validation.rules import (  # noqa: F401
    assessments,
    characteristics,
    child_identifiers,
    cin_plans,
    episodes,
    form,
    header,
    protection_plans,
    referrals,
    section47,
    sex,
    upn,
)
