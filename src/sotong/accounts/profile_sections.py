"""Sections other apps add to a person's public profile, without accounts importing them.

An app registers, from its AppConfig.ready(), a function that takes the person and returns the
context of its section (or None to show nothing) and the template that renders it; the profile
page renders each in turn. Each function must run a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sotong.accounts.models import User


@dataclass(frozen=True)
class ProfileSection:
    name: str
    template: str
    context: Callable[[User], dict | None]


_sections: dict[str, ProfileSection] = {}


def register(section: ProfileSection) -> None:
    _sections[section.name] = section


def sections_for(person: User) -> list[dict]:
    rendered = []
    for section in _sections.values():
        context = section.context(person)
        if context is not None:
            rendered.append({"template": section.template, **context})
    return rendered
