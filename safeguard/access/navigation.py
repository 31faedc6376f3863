"""The service navigation: each app registers its sections with the capability they need."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse

from safeguard.access.models import User


@dataclass(frozen=True)
class Section:
    label: str
    url_name: str
    capability: str
    order: int


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


_sections: list[Section] = []


def register(label: str, url_name: str, capability: str, order: int = 50) -> None:
    _sections.append(Section(label, url_name, capability, order))


def items_for(request: HttpRequest) -> list[NavItem]:
    user: User = request.user  # type: ignore[assignment]
    if not user.is_authenticated:
        return []
    items = []
    for section in sorted(_sections, key=lambda s: (s.order, s.label)):
        if user.can(section.capability):
            url = reverse(section.url_name)
            items.append(NavItem(section.label, url, request.path.startswith(url)))
    return items
