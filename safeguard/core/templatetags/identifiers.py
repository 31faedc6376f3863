from django import template

from safeguard.core.identifiers import format_nhs_number

register = template.Library()


@register.filter
def nhs_number(value: str) -> str:
    """Show an NHS number in the 3-3-4 groups people read it in."""
    return format_nhs_number(value) if value else ""
