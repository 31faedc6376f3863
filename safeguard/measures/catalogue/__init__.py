"""The journey measures, one module per board priority; importing the package registers them all,
with their formulas, in the order below (the national measures first)."""

import importlib

from safeguard.measures.catalogue.base import FORMULAS, POPULATION, Column, Context, Family, Formula

MODULES = (
    "journey",
    "front_door",
    "neglect",
    "missing_exploitation",
    "early_help",
    "looked_after",
    "home_education",
)
for _module in MODULES:
    importlib.import_module(f"{__name__}.{_module}")

__all__ = ["FORMULAS", "POPULATION", "Column", "Context", "Family", "Formula"]
