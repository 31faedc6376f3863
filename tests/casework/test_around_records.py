"""Records around the pathway made the way the service makes them, for the test_around_* files
(this module holds no tests of its own; its name keeps it beside them).

- `at(day, hour, minute)`: an instant in England.
- `looked_after(child, on=..., by=...)`: a child starting to be looked after in an ordinary foster
  placement (U6) on a care order.
- `catalogue(by=..., in_force_from=...)`: a published indicator catalogue with three indicators
  (weights 1, 2 and 3, the last a disclosure), scores low from 1, medium from 4, high from 8, and
  the two override rules the partnership uses: a child under 13 is never graded low (medium), and
  a disclosure means high.
- `screen(child, catalogue, indicators, on=..., by=...)`: a screening the practitioner grades as
  suggested.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from safeguard.access.models import User
from safeguard.casework import services_exploitation, services_looked_after
from safeguard.casework.codes_around import Band, ExploitationArea, OverrideKind
from safeguard.casework.models import ExploitationScreening, IndicatorCatalogue
from safeguard.casework.services_looked_after import Placement
from safeguard.people.models import Child

LONDON = ZoneInfo("Europe/London")
FOSTERING = Placement("U6", "PR1", "Mr and Mrs Evans", "HR4 9AB", "HR1 2HX")


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def looked_after(child: Child, *, on: date, by: User, placement: Placement = FOSTERING):
    return services_looked_after.start_care(
        child,
        started_on=on,
        legal_status="C2",
        category_of_need="N1",
        placement=placement,
        by=by,
    )


def catalogue(*, by: User, in_force_from: date = date(2020, 1, 1)) -> IndicatorCatalogue:
    draft = services_exploitation.start_draft(by=by)
    add = services_exploitation.add_indicator
    add(draft, area=ExploitationArea.ANY, text="Missing from home or care", weight=1)
    add(draft, area=ExploitationArea.CRIMINAL, text="Unexplained money or phones", weight=2)
    disclosure = add(draft, area=ExploitationArea.SEXUAL, text="Disclosed exploitation", weight=3)
    services_exploitation.add_rule(
        draft, kind=OverrideKind.UNDER_AGE, under_age=13, band=Band.MEDIUM
    )
    services_exploitation.add_rule(
        draft, kind=OverrideKind.INDICATOR, indicator=disclosure, band=Band.HIGH
    )
    return services_exploitation.publish(draft, in_force_from=in_force_from, by=by)


def indicator(version: IndicatorCatalogue, text: str):
    return version.indicators.get(text=text)


def screen(
    child: Child,
    version: IndicatorCatalogue,
    texts: list[str],
    *,
    on: date,
    by: User,
    review_on: date | None = None,
) -> ExploitationScreening:
    ids = [indicator(version, text).pk for text in texts]
    suggestion = services_exploitation.suggest(
        version, version.indicators.filter(pk__in=ids), child.age_on(on)
    )
    return services_exploitation.record_screening(
        child,
        screened_on=on,
        indicator_ids=ids,
        practitioner_band=suggestion.band,
        reasons="As the catalogue suggests",
        referred_to_panel=False,
        panel_referral_on=None,
        review_on=review_on or date(on.year + 1, 1, 1),
        by=by,
    )
