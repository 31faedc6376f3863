"""Fixtures for the front-door tests.

- `levels`: the four levels of need of a threshold document in force from 1 April 2015, by number.
"""

import pytest
from factories_frontdoor import make_threshold_document

from safeguard.frontdoor.models import ThresholdLevel


@pytest.fixture
def levels(db) -> dict[int, ThresholdLevel]:
    document = make_threshold_document()
    return {level.number: level for level in document.levels.all()}
