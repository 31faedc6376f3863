"""The comparator store speaks the registry's language: every measure a DfE table fills is one
the registry declares, in the same unit."""

from safeguard.measures import registry
from safeguard.measures.comparators.england import ENGLAND
from safeguard.measures.comparators.tables import TABLES
from safeguard.measures.registry import Unit

RATES = {"referrals_rate", "s47_rate", "icpc_rate", "cpp_rate", "cin_rate", "cla_rate"}


def test_every_measure_a_table_fills_is_declared_in_the_registry():
    declared = {measure.id for measure in registry.measures()}
    filled = {measure_id for table in TABLES for measure_id in table.measures}
    assert filled - declared == set()


def test_rates_are_per_10000_children_and_the_rest_percentages():
    for table in TABLES:
        for measure_id in table.measures:
            expected = Unit.PER_10K if measure_id in RATES else Unit.PERCENT
            assert registry.get(measure_id).unit == expected, measure_id


def test_every_built_in_england_figure_is_of_a_declared_measure():
    declared = {measure.id for measure in registry.measures()}
    assert {measure_id for measure_id, _ in ENGLAND} - declared == set()
