"""Everything Sotong holds about a person, gathered from every app that holds some.

Each app registers a *section*: a function that exports what it holds about the person as
JSON-ready data and, optionally, one that erases it when the person deletes their account.
The data export (`selectors.user_personal_data`) and the deletion (`services.user_delete`)
walk the registered sections, so a new app only registers its own, typically from its
AppConfig.ready():

    from sotong.accounts import personal_data

    personal_data.register(
        "gatherings",
        title=_("참여한 모임"),
        export=lambda user: [...],
        erase=lambda user: ...,  # runs inside the deletion's transaction
    )

A section exports only what is *about* the person: never other people's e-mail addresses or
private data, at most the nickname others already see.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sotong.accounts.models import User

Exporter = Callable[[User], Any]
Eraser = Callable[[User], None]


@dataclass(frozen=True)
class Section:
    name: str
    title: str  # usually a lazy translation, rendered in the reader's language
    export: Exporter
    erase: Eraser | None = None
    order: int = 100


_sections: dict[str, Section] = {}


def register(
    name: str,
    *,
    title: str,
    export: Exporter,
    erase: Eraser | None = None,
    order: int = 100,
) -> Section:
    """Add (or replace, when an app re-registers) a section of a person's data."""
    section = Section(name=name, title=title, export=export, erase=erase, order=order)
    _sections[name] = section
    return section


def unregister(name: str) -> None:
    _sections.pop(name, None)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.name))
