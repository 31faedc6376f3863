"""Build Ofsted's Annex A lists 1 to 11 for one council from a journey dataset.

Each list is built by its own function from the dataset, for its window (window.windows). The
columns the dataset does not hold (the allocated team and worker, visits, health checks…) are
left blank and named in `blank`; the lists it holds nothing for at all (care leavers, adoption,
adopters) have no rows and say why in `unfilled`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from safeguard.journey.dataset import Dataset
from safeguard.returns.annex_a.care import children_in_care
from safeguard.returns.annex_a.data import AnnexData
from safeguard.returns.annex_a.enquiries import assessments, enquiries
from safeguard.returns.annex_a.front_door import contacts, early_help, referrals
from safeguard.returns.annex_a.lists import ALLOCATED, LISTS, AnnexList
from safeguard.returns.annex_a.plans import children_in_need, protection_plans
from safeguard.returns.annex_a.window import Window, windows
from safeguard.returns.cin_xml.errors import ReturnFileError

Builder = Callable[[AnnexData, Window], list[dict[str, object]]]

# Each list's builder and the columns it leaves blank because the dataset does not hold them.
BUILDERS: dict[int, tuple[Builder, tuple[str, ...]]] = {
    1: (contacts, ()),
    2: (early_help, ("Assessment completion date",)),
    3: (referrals, ALLOCATED),
    4: (assessments, ("Child Seen During Continuous Assessment", *ALLOCATED)),
    5: (enquiries, ALLOCATED),
    6: (children_in_need, ("Date Child Was Last Seen", *ALLOCATED)),
    7: (
        protection_plans,
        ("Date of the Last Statutory Visit", "Was the Child Seen Alone?", *ALLOCATED),
    ),
    8: (
        children_in_care,
        (
            "Date of Last Social Work Visit",
            "What is the permanence plan for this child?",
            "Date of Last IRO Visit / Contact to the Child",
            "Date of Last Health Assessment",
            "Date of Last Dental Check",
            "Placement Location",
            "LA of Placement",
            *ALLOCATED,
        ),
    ),
}
UNFILLED = {
    9: "the journey dataset holds no care leavers' details (eligibility, keeping in touch, "
    "accommodation, activity)",
    10: "the journey dataset holds no adoption decisions, matches or orders",
    11: "the journey dataset holds no adopters",
}


@dataclass(frozen=True)
class BuiltList:
    spec: AnnexList
    window: Window
    rows: list[list[object]]  # in the order of spec.headings
    blank: tuple[str, ...] = ()
    unfilled: str | None = None


@dataclass(frozen=True)
class AnnexA:
    la: str
    lists: list[BuiltList]


def build(
    dataset: Dataset, *, end: date, start: date | None = None, la: str | None = None
) -> AnnexA:
    """Council `la`'s (the dataset's only council, if not given) lists for the window ending
    `end`: from `start` for every list, or each list's default months."""
    la = _council(dataset, la)
    data = AnnexData.of(dataset, la, end)
    built = []
    for spec, (number, window) in zip(LISTS, windows(end, start).items(), strict=True):
        if number in UNFILLED:
            built.append(BuiltList(spec, window, [], unfilled=UNFILLED[number]))
            continue
        builder, blank = BUILDERS[number]
        rows = [[row.get(h) for h in spec.headings] for row in builder(data, window)]
        built.append(BuiltList(spec, window, rows, blank))
    return AnnexA(la, built)


def _council(dataset: Dataset, la: str | None) -> str:
    councils = dataset.councils()
    if la is None:
        if len(councils) != 1:
            held = ", ".join(councils) or "none"
            raise ReturnFileError(f"Annex A is one council's: say which (the dataset holds {held})")
        la = councils[0]
    if not re.fullmatch(r"\d{3}", la):
        raise ReturnFileError(f"“{la}” is not a council's LA code: expected three digits")
    return la
