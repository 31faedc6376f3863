"""What the returns app lets a role do (granted in ReturnsConfig.ready)."""

from safeguard.access.capabilities import register

VALIDATE_CIN = register(
    "returns.validate_cin",
    "Check CIN census files and the live records against the DfE validation rules",
)
