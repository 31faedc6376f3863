"""How the report writes what people typed, and its figures.

`paragraphs`: the narrative as HTML, paragraphs split at blank lines and lines starting with a
dash as a bulleted list; everything typed is escaped first, so no markup gets in.
`after_figure`: the words that follow a figure in a sentence, by its unit.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from safeguard.measures.registry import Unit

register = template.Library()

BULLET = ("- ", "* ", "• ")


def _block(lines: list[str]) -> str:
    if all(line.startswith(BULLET) for line in lines):
        items = "".join(f"<li>{escape(line[2:].strip())}</li>" for line in lines)
        return f'<ul class="govuk-list govuk-list--bullet">{items}</ul>'
    return f'<p class="govuk-body">{"<br>".join(escape(line) for line in lines)}</p>'


@register.filter
def paragraphs(text: str) -> SafeString:
    blocks: list[list[str]] = [[]]
    for raw in (text or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return mark_safe("\n".join(_block(lines) for lines in blocks if lines))  # noqa: S308


# What follows a figure in a sentence: "31.9 per 10,000 children", "15.1%", "29.0 working days".
_AFTER = {Unit.PER_10K: " per 10,000 children", Unit.WORKING_DAYS: " working days"}


@register.filter
def after_figure(unit: str) -> str:
    return _AFTER.get(Unit(unit), "") if unit in Unit._value2member_map_ else ""
