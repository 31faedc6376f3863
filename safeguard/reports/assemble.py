"""The annual report for a year, assembled from the system: the narrative sections, the board's
arrangements, the business plan's priorities with their measures, a chapter of figures for each
of the registry's priority groups, the partnership's own activity, and where the figures came
from. Every council figure comes from the one stored measure run passed in."""

from django.conf import settings

from safeguard.measures import registry
from safeguard.measures.comparators import NEIGHBOUR_MODELS
from safeguard.measures.comparators.models import ComparatorFile
from safeguard.measures.comparison import METHOD, NEIGHBOURS_MODEL
from safeguard.measures.models import MeasureRun
from safeguard.measures.registry import Measure
from safeguard.reports import activity, plan, services_narrative
from safeguard.reports.arrangements import arrangements
from safeguard.reports.codes import SectionKind
from safeguard.reports.content import (
    AnnualReportContent,
    Chapter,
    MeasureFigure,
    PriorityPart,
    Provenance,
)
from safeguard.reports.models import AnnualReport
from safeguard.reports.run_figures import RunFigures

# The report's chapters of figures: its anchor, heading, the registry's priority groups it shows,
# a sentence introducing it, and the template of its own tables (if any).
CHAPTERS: list[tuple[str, str, list[str], str, str]] = [
    (
        "journey",
        "The child's journey",
        ["journey", "looked_after"],
        "From the first contact with the front door to a child protection plan or care: "
        "contacts and what became of them (including no further action by who made the contact), "
        "referrals, assessments, section 47 enquiries, conferences, plans and their categories, "
        "repeat plans and children looked after.",
        "",
    ),
    (
        "exploitation",
        "Exploitation and missing children",
        ["exploitation"],
        "Children missing from home or care, the return home interviews offered to them, and "
        "children screened for risk of exploitation.",
        "",
    ),
    (
        "neglect",
        "Neglect",
        ["neglect"],
        "The share of child protection plans under neglect, and whether plans under neglect "
        "rest on a neglect assessment and recorded reasoning.",
        "",
    ),
    ("early_help", "Early help", ["early_help"], "Help offered early, before needs escalate.", ""),
    (
        "home_education",
        "Children educated at home",
        ["home_education"],
        "Children on the register of children educated at home, and those known to social care.",
        "",
    ),
    (
        "reviews",
        "Case reviews and learning",
        ["reviews"],
        "Serious incidents notified to the national Panel, rapid reviews, the reviews the "
        "partnership published, and the actions that follow them.",
        "reports/document/_case_reviews.html",
    ),
    (
        "training",
        "Multi-agency training",
        ["training"],
        "The training the partnership delivered and whether the people who need it hold it.",
        "reports/document/_training.html",
    ),
    (
        "workforce",
        "Workforce",
        ["workforce"],
        "The social work workforce: caseloads, vacancies and agency workers.",
        "reports/document/_workforce.html",
    ),
]


def annual_report(report: AnnualReport, run: MeasureRun) -> AnnualReportContent:
    figures = RunFigures(run, settings.LA_CODE, report.year)
    known = {m.id: m for m in registry.measures()}
    priorities = _priorities(report, figures, known)
    under_priorities = {f.measure.id: f for p in priorities for f in p.figures}
    chapters = [_chapter(spec, figures, known, under_priorities) for spec in CHAPTERS]
    headlines = [
        under_priorities.get(m.id) or figures.figure(m, drawn=False)
        for m in known.values()
        if m.headline and figures.has(m)
    ]
    board = [
        figures.figure(m, drawn=False)
        for m in _group(known, ["board"], figures)
        if m.id not in under_priorities
    ]
    fixed = {s.kind: s for s in report.sections.exclude(kind=SectionKind.PRIORITY)}
    return AnnualReportContent(
        partnership=settings.PARTNERSHIP_NAME,
        year=report.year,
        year_label=report.year_label,
        period_label=report.period.label,
        edition=report.edition,
        signed_off=services_narrative.is_signed_off(report),
        sign_offs=services_narrative.current_sign_offs(report),
        narrative={kind: s.text for kind, s in fixed.items()},
        headings={kind: s.heading for kind, s in fixed.items()},
        headlines=headlines,
        arrangements={"found": arrangements(report.year), "board": board},
        priorities=priorities,
        chapters=chapters,
        extras={
            "reviews": activity.case_reviews(report.year),
            "training": activity.training(report.year),
            "workforce": activity.workforce(report.year),
        },
        provenance=_provenance(run, figures),
    )


def _group(known: dict[str, Measure], groups: list[str], figures: RunFigures) -> list[Measure]:
    """The groups' measures with figures in the run, headline measures first, else as the
    registry declares them."""
    found = [m for m in known.values() if m.priority in groups and figures.has(m)]
    return sorted(found, key=lambda m: (groups.index(m.priority), not m.headline))


def _priorities(
    report: AnnualReport, figures: RunFigures, known: dict[str, Measure]
) -> list[PriorityPart]:
    words = {s.priority_id: s.text for s in report.sections.filter(kind=SectionKind.PRIORITY)}
    drawn: set[str] = set()
    parts = []
    for priority in plan.priorities(report.year):
        linked = [known[i] for i in priority.measure_ids if i in known and figures.has(known[i])]
        # A measure two priorities name is drawn under the first; the second links to it.
        shown = [figures.figure(m, drawn=True) for m in linked if m.id not in drawn]
        earlier = [figures.figure(m, drawn=True) for m in linked if m.id in drawn]
        drawn |= {m.id for m in linked}
        parts.append(
            PriorityPart(
                number=priority.number,
                title=priority.title,
                anchor=f"priority-{priority.number}",
                lead_group=str(priority.lead_group or ""),
                narrative=words.get(priority.pk, ""),
                objectives=[o.text for o in priority.objectives.all()],
                ratings=[
                    (r.get_quarter_display(), r.rag, r.get_rag_display(), r.narrative)
                    for r in priority.ratings.all()
                ],
                figures=shown,
                elsewhere=earlier,
                not_measured=[
                    known[i].title if i in known else i
                    for i in priority.measure_ids
                    if i not in {m.id for m in linked}
                ],
            )
        )
    return parts


def _chapter(
    spec: tuple[str, str, list[str], str, str],
    figures: RunFigures,
    known: dict[str, Measure],
    under_priorities: dict[str, MeasureFigure],
) -> Chapter:
    anchor, heading, groups, intro, extra = spec
    measures = _group(known, groups, figures)
    rest = [m for m in measures if m.id not in under_priorities]
    return Chapter(
        anchor=anchor,
        heading=heading,
        intro=intro,
        drawn=[figures.figure(m, drawn=True) for m in rest if m.headline],
        listed=[figures.figure(m, drawn=False) for m in rest if not m.headline],
        elsewhere=[under_priorities[m.id] for m in measures if m.id in under_priorities],
        extra=extra,
    )


def _provenance(run: MeasureRun, figures: RunFigures) -> Provenance:
    return Provenance(
        run_number=run.pk,
        run_label=run.label,
        run_made_at=run.created_at,
        run_fingerprint=run.fingerprint,
        dataset_fingerprint=run.dataset_fingerprint,
        years=figures.years,
        council=figures.council,
        la=figures.la,
        region=figures.region_name(),
        neighbours_model=f"{NEIGHBOURS_MODEL}: {NEIGHBOUR_MODELS[NEIGHBOURS_MODEL]}",
        method=METHOD,
        comparator_files=[
            (f.table, f.name, f.sha256[:12]) for f in ComparatorFile.objects.order_by("table")
        ],
    )
