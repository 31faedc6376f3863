"""Every Annex A answer we write is one of the answer codes of
shared/data/schemas/annex_a/data-map.yml for its list and column, and every statutory code we
hold has an answer."""

import re
from datetime import date

import pytest
from annex_a_crafted import END, crafted
from annex_a_schemas import answer_codes

from safeguard.casework.codes import CategoryOfAbuse
from safeguard.casework.codes_903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
)
from safeguard.frontdoor.codes import PrimaryNeed, ReferralSource
from safeguard.frontdoor.models import ReasonForClosure
from safeguard.journey.generate import councils_for, generate, reporting_years
from safeguard.people.codes import Ethnicity, Gender
from safeguard.returns.annex_a import answers
from safeguard.returns.annex_a.build import build

# Each answer list, the codes it answers for, and a list and column of data-map.yml it answers.
ANSWERS = [
    (answers.GENDER, set(Gender.values), "List 1", "Gender"),
    (answers.ETHNICITY, set(Ethnicity.values), "List 1", "Ethnicity"),
    (answers.SOURCE, set(ReferralSource.values), "List 1", "Contact Source"),
    (answers.SOURCE, set(ReferralSource.values), "List 3", "Referral Source"),
    (answers.NEED, set(PrimaryNeed.values), "List 6", "Primary Need Code"),
    (answers.NEED, set(PrimaryNeed.values), "List 8", "Child's Category of Need"),
    (answers.CLOSURE, set(ReasonForClosure.values), "List 6", "Reason for Closure"),
    (answers.CATEGORY, set(CategoryOfAbuse.values), "List 7", "Initial Category of Abuse"),
    (answers.LEGAL_STATUS, set(LegalStatus.values), "List 8", "Child's Legal Status"),
    (answers.PLACEMENT, set(PlacementType.values), "List 8", "Placement Type"),
    (answers.PROVIDER, set(PlacementProvider.values), "List 8", "Placement Provider"),
    # And the special guardianship codes of SSDA903 before 2019, which data-map.yml maps too.
    (
        answers.CEASED,
        set(ReasonEpisodeCeased.values) | {"E43", "E44"},
        "List 8",
        "Reason Ceased to be Looked After",
    ),
]


def squeezed(heading: str) -> str:
    """A heading without case, spaces or punctuation (data-map.yml writes a few differently)."""
    return re.sub(r"[^a-z0-9]", "", heading.lower())


@pytest.mark.parametrize(
    ("answered", "codes", "sheet", "column"), ANSWERS, ids=lambda v: v if isinstance(v, str) else ""
)
def test_each_code_has_an_answer_of_the_data_map(shared_data, answered, codes, sheet, column):
    assert set(answered) == codes
    assert set(answered.values()) <= set(answer_codes(shared_data)[sheet][column])


def test_yes_no_and_the_case_statuses_are_the_data_maps(shared_data):
    codes = answer_codes(shared_data)
    assert {answers.YES, answers.NO} < set(codes["List 3"]["Referral NFA?"])
    statuses = {
        answers.LOOKED_AFTER,
        answers.PROTECTION_PLAN,
        answers.CIN_PLAN,
        answers.OPEN_ASSESSMENT,
        answers.CLOSED_EPISODE,
    }
    assert statuses == set(codes["List 6"]["Case status"])


def test_a_generated_council_gets_only_answers_of_the_data_map(shared_data):
    first, last = reporting_years("2015-16:2016-17")
    generated = generate(councils_for(1, 4000, "annex"), first, last, "annex")
    codes = answer_codes(shared_data)
    checked = 0
    for dataset in (generated, crafted()):
        for built in build(dataset, end=END).lists:
            coded = {squeezed(c): answered for c, answered in codes[built.spec.sheet].items()}
            for at, heading in enumerate(built.spec.headings):
                allowed = coded.get(squeezed(heading))
                if not allowed:
                    continue
                given = {row[at] for row in built.rows} - {None}
                assert given <= set(allowed), (built.spec.sheet, heading, given - set(allowed))
                checked += len(given)
    # Enough answers met to mean something (counted from the crafted dataset alone: over 50).
    assert checked > 50


def test_age_and_dates_are_plain_values(shared_data):
    annex = build(crafted(), end=END)
    contacts = annex.lists[0]
    assert isinstance(contacts.rows[0][3], date)
    assert isinstance(contacts.rows[0][4], int)
