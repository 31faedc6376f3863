"""The year's return tables (in_return) as the SSDA903's rows: its columns and its date format.

A code the year never had, in any column the return codes, refuses the whole return, listing
what to put right. A child recorded as neither male nor female has no SEX code in the return and
is written with SEX blank.
"""

from collections.abc import Iterable
from datetime import date

import pyarrow as pa

from safeguard.returns.cin_xml.errors import ReturnFileError
from safeguard.returns.cin_xml.years import CensusYear
from safeguard.returns.ssda903.codes import LABELS, return_codes
from safeguard.returns.ssda903.spec import FILES

SHOWN = 10
Row = dict[str, str]

# The dataset column each column of the Episodes table is written from.
_EPISODE_COLUMNS = {
    "DECOM": "start_date",
    "RNE": "reason_new_episode",
    "LS": "legal_status",
    "CIN": "category_of_need",
    "PLACE": "placement",
    "PLACE_PROVIDER": "placement_provider",
    "DEC": "end_date",
    "REC": "reason_ceased",
    "REASON_PLACE_CHANGE": "reason_place_change",
    "HOME_POST": "home_postcode",
    "PL_POST": "placement_postcode",
    "URN": "urn",
}
_CODED = {
    "Header": ("SEX", "ETHNIC"),
    "UASC": ("SEX",),
    "Episodes": ("RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "REC", "REASON_PLACE_CHANGE"),
    "Reviews": ("REVIEW_CODE",),
    "Missing": ("MISSING",),
}


def written(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def return_rows(tables: dict[str, pa.Table], year: CensusYear) -> dict[str, list[Row]]:
    """Header, UASC, Episodes, Reviews and Missing rows, each a dict keyed by column."""
    children = tables["children"].to_pylist()
    born = {c["child_id"]: written(c["date_of_birth"]) for c in children}
    header = [
        {
            "CHILD": c["child_id"],
            "SEX": c["gender"] if c["gender"] in return_codes(year)["SEX"] else "",
            "DOB": born[c["child_id"]],
            "ETHNIC": c["ethnicity"],
            "UPN": c["upn"] or c["upn_unknown"] or "",
            "MOTHER": "",
            "MC_DOB": "",
        }
        for c in children
    ]
    rows = {
        "Header": header,
        "UASC": [
            {"CHILD": h["CHILD"], "DOB": h["DOB"], "SEX": h["SEX"], "DUC": ""}
            for h, c in zip(header, children, strict=True)
            if c["uasc"]
        ],
        "Episodes": [
            {"CHILD": e["child_id"]}
            | {column: written(e[name]) for column, name in _EPISODE_COLUMNS.items()}
            for e in tables["cla_episodes"].to_pylist()
        ],
        "Reviews": [
            {
                "CHILD": r["child_id"],
                "DOB": born[r["child_id"]],
                "REVIEW": written(r["review_date"]),
                "REVIEW_CODE": written(r["participation"]),
            }
            for r in tables["cla_reviews"].to_pylist()
        ],
        "Missing": [
            {
                "CHILD": m["child_id"],
                "DOB": born[m["child_id"]],
                "MISSING": m["kind"],
                "MIS_START": written(m["start_date"]),
                "MIS_END": written(m["end_date"]),
            }
            for m in tables["missing_episodes"].to_pylist()
        ],
    }
    _refuse_unknown_codes(rows, year)
    return rows


def _refuse_unknown_codes(rows: dict[str, list[Row]], year: CensusYear) -> None:
    codes = return_codes(year)
    found: list[str] = []
    total = 0
    for table, columns in _CODED.items():
        for column in columns:
            bad = _unknown(rows[table], column, codes[column])
            total += len(bad)
            found.extend(
                f"{FILES[table]}, child {row['CHILD']}: {column} is “{row[column]}”, which is not "
                f"a {year} SSDA903 {LABELS[column]} code"
                for row in bad[:SHOWN]
            )
    if total:
        listed = "\n".join(f"  {line}" for line in found[:SHOWN])
        more = f"\n  … and {total - SHOWN} more" if total > SHOWN else ""
        raise ReturnFileError(
            f"The {year} SSDA903 return was not written: {total} value(s) have no code in that "
            f"year's return; nothing was written.\n{listed}{more}"
        )


def _unknown(rows: Iterable[Row], column: str, codes: frozenset[str]) -> list[Row]:
    return [row for row in rows if row[column] and row[column] not in codes]
