"""Every URL pattern of the project, for every persona, against a declared table.

Each app declares its table in tests/access/matrix_<app>.py. A URL pattern in no table fails
the test, so no page ships without deciding who may see it; every persona appears in every row,
so each permission has its negative case.
"""

import importlib
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from factories import sign_in_as
from matrix_rules import (
    ANONYMOUS,
    DENIED,
    EVERYONE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    SIGN_IN,
)

# Records are made in this order, so a later app's records can hang off an earlier app's.
FIRST = ["matrix_access", "matrix_people", "matrix_frontdoor", "matrix_casework"]
FOUND = sorted(
    p.stem for p in Path(__file__).parent.glob("matrix_*.py") if p.stem != "matrix_rules"
)
MODULES = [importlib.import_module(name) for name in FIRST + [n for n in FOUND if n not in FIRST]]


def _matrix() -> dict[str, dict[str, str]]:
    matrix: dict[str, dict[str, str]] = {}
    for module in MODULES:
        overlap = matrix.keys() & module.TABLE.keys()
        assert not overlap, f"{module.__name__} declares {overlap} again"
        matrix |= module.TABLE
    return matrix


def _patterns(resolver: URLResolver, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _patterns(entry, inner)
        else:
            found.append((f"{namespace}{entry.name}", entry))
    return found


def _records(personas) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    found: dict[str, int] = {}
    overrides: dict[str, dict[str, int]] = {}
    for module in MODULES:
        if hasattr(module, "records"):
            found |= module.records(personas, found)
    for module in MODULES:
        for name, pick in getattr(module, "OVERRIDES", {}).items():
            overrides[name] = pick(found)
    return found, overrides


def _url(name: str, pattern: URLPattern, found: dict[str, int], overrides) -> str:
    values = found | overrides.get(name, {})
    return reverse(name, kwargs={key: values[key] for key in pattern.pattern.converters})


def _outcome(response) -> str:
    if response.status_code in (301, 302):
        return SIGN_IN if response["Location"].startswith(reverse("access:sign-in")) else OK
    return {403: DENIED, 404: NOT_FOUND, 405: NOT_ALLOWED}.get(
        response.status_code, OK if response.status_code < 300 else str(response.status_code)
    )


def test_every_url_pattern_has_an_entry_in_the_table():
    matrix = _matrix()
    names = {name for name, _ in _patterns(get_resolver())}
    assert names - matrix.keys() == set(), "decide who may use these pages"
    assert matrix.keys() - names == set(), "these entries name no URL pattern"
    for name, table in matrix.items():
        assert table.keys() == EVERYONE, f"{name} must name every persona"


@pytest.mark.django_db
def test_each_persona_gets_what_the_table_declares(client, personas):
    matrix = _matrix()
    found, overrides = _records(personas)
    mismatches = []
    for name, pattern in _patterns(get_resolver()):
        url = _url(name, pattern, found, overrides)
        for persona, expected in matrix[name].items():
            client.logout()
            if persona != ANONYMOUS:
                sign_in_as(client, personas[persona])
            got = _outcome(client.get(url))
            if got != expected:
                mismatches.append(f"{persona} GET {url}: expected {expected}, got {got}")
    assert mismatches == []
