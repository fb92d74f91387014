"""What each app makes findable: an app registers a kind of document from its `indexing.py`.

```python
register(Kind(
    key="activity",
    label=_("활동"),
    model=Activity,
    queryset=lambda: Activity.objects.exclude(status="cancelled"),  # what may be indexed
    document=activity_document,            # object -> Document
    m2m=(Activity.topics.through,),        # through models whose change re-indexes
))
```
`related` names other models whose rows are part of the document (a question's answers):
`related=((Answer, lambda answer: answer.question_id),)` re-indexes the question when an
answer is saved or deleted.
Saving or deleting an object of `model` re-indexes it once the transaction commits (see
`signals.py`); objects outside `queryset()` leave the index.

A document that is not public (a draft) is found by those the app's rules let see it: its
`owner_id`, the admins of its `organization_id` (a finder the organisations app registers
with `register_finder`), the admins of its region or of the city above it, and site admins
(`selectors.visible_to`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db.models import Model, Q, QuerySet


@dataclass
class Document:
    title: str
    body: str
    url: str
    region_id: int | None = None
    topic_ids: Iterable[int] = ()
    date: datetime | None = None
    is_public: bool = True
    owner_id: int | None = None  # may find it even when it is not public
    organization_id: int | None = None  # its admins may find it even when it is not public
    popularity: int = 0
    snippet: str | None = None  # shown under the title; the body when None


@dataclass(frozen=True)
class Kind:
    key: str
    label: Any
    model: type[Model]
    queryset: Callable[[], QuerySet]
    document: Callable[[Any], Document]
    # Through models of many-to-many fields (topics) whose changes re-index the object.
    m2m: tuple = field(default_factory=tuple)
    # (model, row -> the indexed object's id): rows that are part of the document.
    related: tuple[tuple[type[Model], Callable[[Any], int | None]], ...] = field(
        default_factory=tuple
    )


_kinds: dict[str, Kind] = {}
# user -> a condition on SearchDocument: more documents that are not public this user may find.
Finder = Callable[[Any], Q]
_finders: list[Finder] = []


def plain_text(markdown: str) -> str:
    """What a reader sees of a Markdown text, without its markup (for terms and snippets)."""
    from html import unescape

    from django.utils.html import strip_tags

    from sotong.core.markdown import render_markdown

    return " ".join(unescape(strip_tags(render_markdown(markdown or ""))).split())


def day_time(day: date | None) -> datetime | None:
    """A date as the index's date (noon, local time, so the year never shifts)."""
    from django.utils import timezone

    if day is None:
        return None
    return timezone.make_aware(datetime.combine(day, time(12)))


def register(kind: Kind) -> Kind:
    from sotong.search import signals

    _kinds[kind.key] = kind
    signals.connect(kind)
    return kind


def register_finder(finder: Finder) -> Finder:
    """Let more signed-in users find documents that are not public, from an app above search
    that knows who they are (the organisations app: the admins of a document's organisation)."""
    if finder not in _finders:
        _finders.append(finder)
    return finder


def finders() -> list[Finder]:
    return list(_finders)


def kinds() -> list[Kind]:
    return list(_kinds.values())


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def for_model(model: type[Model]) -> list[Kind]:
    return [kind for kind in _kinds.values() if kind.model is model]
