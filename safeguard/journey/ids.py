"""Record ids in a journey dataset, built from natural keys.

A referral is its child and its date; an assessment, enquiry or plan is its referral and its
start date; an early help episode is its child and its start date. The same facts get the same
ids whether they were extracted from the live records, read from a CIN census file or generated,
which is what lets a load be idempotent and a dataset round-trip. A second record on the same key
(two referrals of one child on one day) gets a numbered suffix, in the order the records were made.
"""

from datetime import date


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _nth(key: str, n: int) -> str:
    return key if n <= 1 else f"{key}.{n}"


def referral_id(child_id: str, referral_date: date, n: int = 1) -> str:
    return _nth(f"{child_id}/R{_day(referral_date)}", n)


def assessment_id(referral: str, start: date, n: int = 1) -> str:
    return _nth(f"{referral}/A{_day(start)}", n)


def s47_id(referral: str, start: date, n: int = 1) -> str:
    return _nth(f"{referral}/S{_day(start)}", n)


def cin_plan_id(referral: str, start: date, n: int = 1) -> str:
    return _nth(f"{referral}/N{_day(start)}", n)


def cp_plan_id(referral: str, start: date, n: int = 1) -> str:
    return _nth(f"{referral}/P{_day(start)}", n)


def discussion_id(referral: str, held: date, n: int = 1) -> str:
    return _nth(f"{referral}/D{_day(held)}", n)


def early_help_id(child_id: str, start: date, n: int = 1) -> str:
    return _nth(f"{child_id}/E{_day(start)}", n)


def numbered(keys: list[str]) -> list[str]:
    """Give repeated keys their suffixes: ["a", "a", "b"] -> ["a", "a.2", "b"]."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(_nth(key, seen[key]))
    return out


def ordinal(record_id: str) -> tuple[str, int]:
    """An id as its key and its number: "a.2" -> ("a", 2), so repeats sort in the order made."""
    key, dot, n = record_id.rpartition(".")
    return (key, int(n)) if dot and n.isdigit() else (record_id, 1)
