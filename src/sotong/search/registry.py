"""What each app makes findable: an app registers a kind of document from its `indexing.py`.

```python
register(Kind(
    key="activity",
    label=_("활동"),
    model=Activity,
    queryset=lambda: Activity.objects.exclude(status="cancelled"),  # what may be indexed
    document=activity_document,            # object -> Document
    related=lambda: [Activity.topics.through],  # extra models whose change re-indexes
))
```
Saving or deleting an object of `model` re-indexes it once the transaction commits (see
`signals.py`); objects outside `queryset()` leave the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet


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


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    from sotong.search import signals

    _kinds[kind.key] = kind
    signals.connect(kind)
    return kind


def kinds() -> list[Kind]:
    return list(_kinds.values())


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def for_model(model: type[Model]) -> list[Kind]:
    return [kind for kind in _kinds.values() if kind.model is model]
