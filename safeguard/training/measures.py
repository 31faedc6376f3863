"""The training and workforce measures in the partnership's registry, from this app's records:
attendance, licence applicants' compliance, caseloads, vacancies and agency workers."""

from collections import Counter
from collections.abc import Iterator
from datetime import date
from statistics import median

from django.conf import settings
from django.db.models import Q

from safeguard.casework.models import Allocation
from safeguard.measures.periods import as_at, reporting_period
from safeguard.measures.registry import Figure, Measure, Period, Polarity, Unit, register
from safeguard.training import figures
from safeguard.training.caseloads import social_work_teams
from safeguard.training.models import LicenceCheck


def attended(years: list[str]) -> Iterator[Figure]:
    for year in years:
        total = figures.attendances_by_agency(reporting_period(year)).total
        yield settings.LA_CODE, year, total, None, total


def taxi_applicants_compliant(years: list[str]) -> Iterator[Figure]:
    """Licence application references checked in the year whose latest check said compliant."""
    for year in years:
        start, end = reporting_period(year).bounds()
        latest: dict[str, bool] = {}
        checks = LicenceCheck.objects.filter(checked_at__gte=start, checked_at__lt=end)
        for reference, compliant in checks.order_by("checked_at", "id").values_list(
            "reference", "compliant"
        ):
            latest[reference] = compliant
        if latest:
            compliant = sum(latest.values())
            yield settings.LA_CODE, year, compliant, len(latest), 100 * compliant / len(latest)


def caseloads_on(day: date) -> list[int]:
    """Children held by each social worker on the day, from the allocations' own dates (a new
    allocation ends the one before on its first day)."""
    held = Allocation.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=day),
        started_on__lte=day,
        team__in=social_work_teams(),
    )
    return list(Counter(held.values_list("worker_id", flat=True)).values())


def caseload_median(years: list[str]) -> Iterator[Figure]:
    for year in years:
        counts = caseloads_on(as_at(year))
        if counts:
            yield settings.LA_CODE, year, sum(counts), len(counts), median(counts)


def caseload_largest(years: list[str]) -> Iterator[Figure]:
    for year in years:
        counts = caseloads_on(as_at(year))
        if counts:
            yield settings.LA_CODE, year, max(counts), None, max(counts)


def vacancy_rate(years: list[str]) -> Iterator[Figure]:
    for year in years:
        total = figures.workforce(reporting_period(year))[1]
        if total.establishment:
            share = 100 * total.vacancies / total.establishment
            yield settings.LA_CODE, year, total.vacancies, total.establishment, share


def agency_rate(years: list[str]) -> Iterator[Figure]:
    for year in years:
        total = figures.workforce(reporting_period(year))[1]
        posts = total.agency + total.permanent
        if posts:
            yield settings.LA_CODE, year, total.agency, posts, 100 * total.agency / posts


# Staff, courses and licence applicants are not children: no disclosure control on these.
_STAFF = {"disclosure": "none"}


def register_measures() -> None:
    register(
        Measure(
            id="training_attended",
            title="People who attended multi-agency training",
            definition=figures.DEFINITIONS["attendance"],
            numerator="attendances at sessions held in the year",
            denominator="",
            unit=Unit.COUNT,
            period=Period.YEAR,
            polarity=Polarity.HIGHER_IS_BETTER,
            priority="training",
            headline=True,
            compute=attended,
            **_STAFF,
        )
    )
    register(
        Measure(
            id="training_taxi_compliant_pct",
            title="Taxi and private hire applicants with the required training",
            definition="Licence application references checked in the year whose latest check "
            "said the applicant held the child exploitation training the rules require.",
            numerator="references whose latest check in the year was compliant",
            denominator="references checked in the year",
            unit=Unit.PERCENT,
            period=Period.YEAR,
            polarity=Polarity.HIGHER_IS_BETTER,
            priority="training",
            compute=taxi_applicants_compliant,
            **_STAFF,
        )
    )
    caseloads = {
        "unit": Unit.RATIO,
        "period": Period.SNAPSHOT,
        "polarity": Polarity.LOWER_IS_BETTER,
        "priority": "workforce",
    }
    register(
        Measure(
            id="workforce_caseload_median",
            title="Caseload of the middle social worker",
            definition="Children allocated to each social worker in the children's services "
            "teams at 31 March (today, for the year in progress); the median of the workers "
            "holding at least one child.",
            numerator="children allocated at 31 March",
            denominator="social workers holding children at 31 March",
            headline=True,
            compute=caseload_median,
            **caseloads,
            **_STAFF,
        )
    )
    register(
        Measure(
            id="workforce_caseload_max",
            title="Largest caseload of a social worker",
            definition="The most children allocated to any one social worker in the children's "
            "services teams at 31 March (today, for the year in progress).",
            numerator="children allocated to the worker holding the most",
            denominator="",
            compute=caseload_largest,
            **caseloads,
            **_STAFF,
        )
    )
    register(
        Measure(
            id="workforce_vacancy_pct",
            title="Social worker vacancy rate",
            definition=figures.DEFINITIONS["vacancy"],
            numerator="vacancies in the latest return of the year",
            denominator="posts in the establishment",
            unit=Unit.PERCENT,
            period=Period.SNAPSHOT,
            polarity=Polarity.LOWER_IS_BETTER,
            priority="workforce",
            compute=vacancy_rate,
            **_STAFF,
        )
    )
    register(
        Measure(
            id="workforce_agency_pct",
            title="Posts covered by agency social workers",
            definition=figures.DEFINITIONS["agency"],
            numerator="posts covered by agency staff in the latest return of the year",
            denominator="posts covered by agency or permanent staff",
            unit=Unit.PERCENT,
            period=Period.SNAPSHOT,
            polarity=Polarity.LOWER_IS_BETTER,
            priority="workforce",
            compute=agency_rate,
            **_STAFF,
        )
    )
