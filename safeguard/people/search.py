"""Search-before-create: find the records that may be this child, best first.

An identical NHS number, UPN or LA child ID is decisive. Otherwise a candidate is scored on its
name (fuzzy and phonetic, current and former names), date of birth (exact, or close enough to be a
typing slip) and postcode. Two different NHS numbers mean two different children, whatever else
matches, so that candidate is dropped.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q, QuerySet
from rapidfuzz import fuzz

from safeguard.core.identifiers import normalise_nhs_number, normalise_postcode, normalise_upn
from safeguard.people.models import Child
from safeguard.people.names import phonetic_key

DATE_OF_BIRTH_TOLERANCE = timedelta(days=31)
CANDIDATE_LIMIT = 300
# A candidate is shown when it scores this share of what the given details could score at most.
SHOW_FROM_SHARE = 0.55
LIKELY_FROM_SHARE = 0.85

# Points out of 100: a name alone cannot reach a likely match; name and date of birth can.
NAME_POINTS = 50
DATE_OF_BIRTH_POINTS = 35
POSTCODE_POINTS = 15


@dataclass(frozen=True)
class Criteria:
    first_name: str = ""
    last_name: str = ""
    date_of_birth: date | None = None
    nhs_number: str = ""
    upn: str = ""
    la_child_id: str = ""
    postcode: str = ""

    @classmethod
    def from_form(cls, data: dict[str, object]) -> "Criteria":
        return cls(
            first_name=str(data.get("first_name") or "").strip(),
            last_name=str(data.get("last_name") or "").strip(),
            date_of_birth=data.get("date_of_birth"),  # type: ignore[arg-type]
            nhs_number=normalise_nhs_number(str(data.get("nhs_number") or "")),
            upn=normalise_upn(str(data.get("upn") or "")),
            la_child_id=str(data.get("la_child_id") or "").strip().upper(),
            postcode=normalise_postcode(str(data.get("postcode") or ""))
            if data.get("postcode")
            else "",
        )

    @property
    def best_possible(self) -> int:
        """The most a candidate can score on these details (identifiers aside)."""
        return (
            (NAME_POINTS if self.first_name or self.last_name else 0)
            + (DATE_OF_BIRTH_POINTS if self.date_of_birth else 0)
            + (POSTCODE_POINTS if self.postcode else 0)
        )

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.first_name,
                self.last_name,
                self.date_of_birth,
                self.nhs_number,
                self.upn,
                self.la_child_id,
                self.postcode,
            )
        )


@dataclass
class Candidate:
    child: Child
    score: int
    best_possible: int = 100
    decisive: bool = False
    reasons: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.score / self.best_possible if self.best_possible else 0.0

    @property
    def strength(self) -> str:
        if self.decisive:
            return "Same child"
        return "Likely match" if self.share >= LIKELY_FROM_SHARE else "Possible match"


def _prefilter(criteria: Criteria) -> Q:
    """Cheap database conditions that every candidate worth scoring meets at least one of."""
    condition = Q(pk__in=[])
    if criteria.nhs_number:
        condition |= Q(nhs_number=criteria.nhs_number)
    if criteria.upn:
        condition |= Q(upn=criteria.upn)
    if criteria.la_child_id:
        condition |= Q(la_child_id=criteria.la_child_id)
    last_key = phonetic_key(criteria.last_name)
    first_key = phonetic_key(criteria.first_name)
    if last_key:
        condition |= Q(last_name_key=last_key) | Q(former_names__last_name_key=last_key)
    if criteria.date_of_birth:
        born = criteria.date_of_birth
        near = Q(
            date_of_birth__range=(born - DATE_OF_BIRTH_TOLERANCE, born + DATE_OF_BIRTH_TOLERANCE)
        )
        # Day and month typed the wrong way round, or the wrong year.
        swapped = (
            Q(date_of_birth__month=born.day, date_of_birth__day=born.month)
            if born.day <= 12
            else Q(pk__in=[])
        )
        other_year = Q(date_of_birth__month=born.month, date_of_birth__day=born.day)
        condition |= (
            near & (Q(first_name_key=first_key) | Q(last_name_key=last_key))
            if (first_key or last_key)
            else near
        )
        if first_key or last_key:
            condition |= (swapped | other_year) & (
                Q(first_name_key=first_key) | Q(last_name_key=last_key)
            )
    if criteria.postcode:
        condition |= Q(addresses__postcode=criteria.postcode)
    return condition


def _name_points(criteria: Criteria, child: Child) -> tuple[int, str | None]:
    wanted = f"{criteria.first_name} {criteria.last_name}".strip().lower()
    if not wanted:
        return 0, None
    names = [(child.first_name, child.last_name, "name")]
    names += [(f.first_name, f.last_name, "former name") for f in child.former_names.all()]
    best, best_label = 0.0, "name"
    for first, last, label in names:
        similarity = fuzz.token_sort_ratio(wanted, f"{first} {last}".lower())
        if criteria.last_name and phonetic_key(criteria.last_name) == phonetic_key(last):
            similarity = max(similarity, 85.0)
        if similarity > best:
            best, best_label = similarity, label
    points = round(NAME_POINTS * best / 100)
    return points, (f"similar {best_label}" if best >= 70 else None)


def _date_of_birth_points(criteria: Criteria, child: Child) -> tuple[int, str | None]:
    wanted, known = criteria.date_of_birth, child.date_of_birth or child.expected_date_of_birth
    if not wanted or not known:
        return 0, None
    if wanted == known:
        return DATE_OF_BIRTH_POINTS, "same date of birth"
    if (wanted.day, wanted.month) == (known.month, known.day) and wanted.year == known.year:
        return DATE_OF_BIRTH_POINTS * 2 // 3, "date of birth with day and month swapped"
    if (wanted.day, wanted.month) == (known.day, known.month):
        return DATE_OF_BIRTH_POINTS // 2, "same birthday, different year"
    if abs(wanted - known) <= DATE_OF_BIRTH_TOLERANCE:
        return DATE_OF_BIRTH_POINTS // 2, "date of birth within a month"
    return 0, None


def score(criteria: Criteria, child: Child) -> Candidate | None:
    """Score one record against the criteria; None when it cannot be the same child."""
    if criteria.nhs_number and child.nhs_number and criteria.nhs_number != child.nhs_number:
        return None
    for wanted, known, label in (
        (criteria.nhs_number, child.nhs_number, "same NHS number"),
        (criteria.upn, child.upn, "same UPN"),
        (criteria.la_child_id, child.la_child_id, "same LA child ID"),
    ):
        if wanted and wanted == known:
            return Candidate(child, 100, decisive=True, reasons=[label])
    reasons = []
    total = 0
    for points, reason in (_name_points(criteria, child), _date_of_birth_points(criteria, child)):
        total += points
        if reason:
            reasons.append(reason)
    if criteria.postcode and any(a.postcode == criteria.postcode for a in child.addresses.all()):
        total += POSTCODE_POINTS
        reasons.append("same postcode")
    return Candidate(child, total, best_possible=criteria.best_possible, reasons=reasons)


def find_candidates(criteria: Criteria, children: QuerySet[Child]) -> list[Candidate]:
    """Candidates among `children` (already limited to what the user may reach), best first."""
    if criteria.is_empty:
        return []
    pool = (
        children.filter(_prefilter(criteria))
        .distinct()
        .prefetch_related("former_names", "addresses")[:CANDIDATE_LIMIT]
    )
    candidates = [c for c in (score(criteria, child) for child in pool) if c is not None]
    shown = [c for c in candidates if c.decisive or c.share >= SHOW_FROM_SHARE]
    return sorted(shown, key=lambda c: (not c.decisive, -c.share, c.child.last_name))
