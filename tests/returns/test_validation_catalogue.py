"""The registry holds exactly the DfE's catalogue of CIN rules for each year, each one tested."""

import importlib
from pathlib import Path

import pytest

from safeguard.returns.validation.census import RULESETS
from safeguard.returns.validation.registry import RuleType, rules_for

CATALOGUE = Path("rules") / "cin_rules_2022_23_to_2025_26.txt"
RULE_TEST_MODULES = [
    "test_rule_assessments",
    "test_rule_characteristics",
    "test_rule_child_identifiers",
    "test_rule_cin_plans",
    "test_rule_episodes",
    "test_rule_form",
    "test_rule_header",
    "test_rule_protection_plans",
    "test_rule_referrals",
    "test_rule_section47",
    "test_rule_sex",
    "test_rule_upn",
]


def catalogue(shared_data: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """{ruleset: {code: (table, message)}}: each year's rules, the later years' changes applied.

    The file lists the 2022-23 rules and then, for 2023-24 and 2024-25, the rules added or
    changed; it says nothing of 2025-26, which is 2024-25's set until its changes are published.
    """
    changes: dict[str, dict[str, tuple[str, str]]] = {}
    for line in (shared_data / CATALOGUE).read_text(encoding="utf-8").splitlines():
        if line.strip():
            ruleset, code, table, message = (part.strip() for part in line.split("|", 3))
            label = f"{ruleset[3:7]}-{ruleset[8:10]}"
            changes.setdefault(label, {})[code] = (table, message)
    years: dict[str, dict[str, tuple[str, str]]] = {}
    current: dict[str, tuple[str, str]] = {}
    for ruleset in RULESETS:
        current = current | changes.get(ruleset, {})
        years[ruleset] = current
    return years


@pytest.mark.parametrize("ruleset", RULESETS)
def test_each_ruleset_has_the_catalogues_rules_with_their_messages_and_tables(shared_data, ruleset):
    ours = {r.code: (r.table, r.message) for r in rules_for(ruleset) if r.in_catalogue}
    assert ours == catalogue(shared_data)[ruleset]


def test_the_catalogue_counts_are_as_published(shared_data):
    # 105 rules in 2022-23; 2023-24 changes one (1530); 2024-25 changes four and adds four.
    years = catalogue(shared_data)
    assert [len(years[r]) for r in RULESETS] == [105, 105, 109, 109]


def test_a_code_ending_in_q_is_a_query_and_any_other_an_error():
    for rule in rules_for("2024-25"):
        expected = RuleType.QUERY if rule.code.endswith("Q") else RuleType.ERROR
        assert rule.type == expected


def test_every_version_of_every_rule_has_a_passing_and_a_failing_case():
    cases = [case for name in RULE_TEST_MODULES for case in importlib.import_module(name).CASES]
    untested = {
        (rule.code, rule.rulesets[0])
        for ruleset in RULESETS
        for rule in rules_for(ruleset)
        if not any(c.code == rule.code and c.ruleset in rule.rulesets for c in cases)
    }
    assert untested == set()


def test_every_issue_names_a_field_its_rule_points_at():
    fields = {(r.code, r.rulesets): set(r.fields) for s in RULESETS for r in rules_for(s)}
    for name in RULE_TEST_MODULES:
        for case in importlib.import_module(name).CASES:
            for (code, rulesets), pointed in fields.items():
                if code == case.code and case.ruleset in rulesets:
                    assert {f for f, _ in case.flagged} <= pointed, case.id
