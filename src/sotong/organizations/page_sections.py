"""Sections other apps add to an organisation's page, without organizations importing them.

The same pattern as `accounts.profile_sections`: an app registers, from its
AppConfig.ready(), a function that takes the organisation and returns the context of its
section (or None to show nothing) and the template that renders it; the organisation's page
renders each in turn, in the order of `order`. Each function must run a fixed number of
queries, whatever the data.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sotong.organizations.models import Organization


@dataclass(frozen=True)
class OrganizationSection:
    name: str
    template: str
    context: Callable[[Organization], dict | None]
    order: int = 100


_sections: dict[str, OrganizationSection] = {}


def register(section: OrganizationSection) -> None:
    _sections[section.name] = section


def sections_for(organization: Organization) -> list[dict]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda item: (item.order, item.name)):
        context = section.context(organization)
        if context is not None:
            rendered.append({"template": section.template, **context})
    return rendered
