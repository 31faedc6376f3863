from safeguard.reports.models.builds import ReportBuild
from safeguard.reports.models.cabinet import CabinetItem, CabinetQuestion
from safeguard.reports.models.narrative import AnnualReport, NarrativeSection, SignOff

__all__ = [
    "AnnualReport",
    "CabinetItem",
    "CabinetQuestion",
    "NarrativeSection",
    "ReportBuild",
    "SignOff",
]
