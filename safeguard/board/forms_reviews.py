"""Forms for annual member reviews."""

from safeguard.board.forms_fields import line, past_date, textarea, version
from safeguard.core.forms import GovukForm


class ReviewForm(GovukForm):
    held_on = past_date("Date of the review", "the date of the review")
    reviewer = line("Reviewed by", "Enter who held the review", max_length=200)
    conversation = textarea("What was discussed", "Enter what was discussed", rows=6)
    agency_feedback = textarea(
        "How they fed the board's work back into their agency",
        "Enter how the member fed the board's work back into their agency",
        rows=4,
    )
    agreed = textarea("What was agreed for the year ahead", rows=4)


class ReviewEditForm(ReviewForm):
    version = version()
