"""Who may use the sign-in, session, home and access log pages."""

from matrix_rules import EVERYONE, NOT_ALLOWED, OK, SIGNED_IN, rule

TABLE = {
    "home": rule(SIGNED_IN),
    "access:sign-in": dict.fromkeys(EVERYONE, OK),
    "access:sign-out": dict.fromkeys(EVERYONE, NOT_ALLOWED),
    "access:timed-out": dict.fromkeys(EVERYONE, OK),
    "access:keep-alive": rule(SIGNED_IN),
    "access:two-factor": rule(SIGNED_IN),
    "access:log": rule({"data_protection_officer"}),
    "access:break-glass-log": rule({"data_protection_officer"}),
}
