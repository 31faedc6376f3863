"""The licence check as JSON, for a licensing authority's own system.

POST a JSON object {"reference", "licence_type", "application_kind", "application_date"} with
`Authorization: Bearer <key>`. Answers: 200 with the outcome; 400 with a message for a body that
is not such an object; 401 without a live key. The only view exempt from CSRF checks: it takes no
cookies, only the key, so there is no session for another site to ride on.
"""

import json
import logging

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from safeguard.training.apikeys import key_from_header
from safeguard.training.compliance import record_licence_check
from safeguard.training.forms_licensing import LicenceCheckApiForm
from safeguard.training.models import LicenceCheck

logger = logging.getLogger("safeguard.security")

FIELDS = ("reference", "licence_type", "application_kind", "application_date")


def _answer(body: dict[str, object], status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _refuse(message: str, status: int = 400, **extra: object) -> JsonResponse:
    response = _answer({"error": message, **extra}, status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="licence-check"'
    return response


def describe(check: LicenceCheck) -> dict[str, object]:
    certificate = check.certificate
    return {
        "check": check.pk,
        "reference": check.reference,
        "licence_type": check.licence_type,
        "application_kind": check.application_kind,
        "application_date": check.application_date.isoformat(),
        "outcome": "compliant" if check.compliant else "not compliant",
        "compliant": check.compliant,
        "reason": check.reason,
        "certificate": None
        if certificate is None
        else {
            "verification_code": certificate.display_code,
            "course": certificate.course.title,
            "name": certificate.holder_name,
            "completed_on": certificate.completed_on.isoformat(),
            "valid_until": certificate.valid_until.isoformat() if certificate.valid_until else None,
        },
        "rule": None
        if check.rule is None
        else {"version": check.rule.version, "in_force_from": check.rule.in_force_from.isoformat()},
    }


@csrf_exempt
@require_POST
def licence_check_api(request: HttpRequest) -> JsonResponse:
    key = key_from_header(request.headers.get("Authorization", ""))
    if key is None:
        logger.warning("Licence check API: no live key, from %s", request.META.get("REMOTE_ADDR"))
        return _refuse("Send a live licensing authority key as ‘Authorization: Bearer <key>’.", 401)
    try:
        body = json.loads(request.body)
    except RequestDataTooBig:
        return _refuse("The request is too large.")
    except (ValueError, RecursionError):
        return _refuse("The request body must be JSON.")
    if not isinstance(body, dict):
        return _refuse(f"The request body must be a JSON object with {', '.join(FIELDS)}.")
    unknown = sorted(str(name) for name in body if name not in FIELDS)
    if unknown:
        return _refuse(f"Unknown fields: {', '.join(unknown)[:200]}.")
    form = LicenceCheckApiForm({name: _text(body.get(name)) for name in FIELDS})
    if not form.is_valid():
        errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
        return _refuse("Some fields are missing or not valid.", errors=errors)
    check = record_licence_check(api_key=key, **form.cleaned_data)
    return _answer(describe(check), 200)


def _text(value: object) -> str | None:
    """JSON strings pass; numbers, lists and objects are refused by the form as not valid."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)
