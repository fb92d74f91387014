"""The home feed is a merge of sources, each registered under a kind.

A source answers "the newest `limit` items of your kind for this reader, older than the cursor"
with one query (plus its prefetches), inside a bounded time window, so the page costs the same
whatever the size of the city. Later apps (notices, proposals) plug in with `register_source`
from their own code or from `sotong.feed.plugins`; the feed knows nothing else about them.

Every item carries the reason it is in this reader's feed, said in Korean on its card.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Q

from sotong.interests.selectors import Followed

# Items older than this never reach the feed: the bound that keeps every query small.
WINDOW = timedelta(days=90)


@dataclass(frozen=True)
class Reader:
    """Who reads the feed and what they follow, resolved once per request."""

    user_id: int
    followed: Followed
    region_ids: frozenset[int]  # followed regions, cities expanded to their neighbourhoods
    home_region_ids: frozenset[int]  # the person's own region (and its family), if any
    now: datetime

    @property
    def since(self) -> datetime:
        return self.now - WINDOW


@dataclass(frozen=True)
class Cursor:
    """A position in the feed: items strictly after it in (at, rank, pk) descending order."""

    at: datetime
    rank: int
    pk: int


@dataclass
class Item:
    kind: str
    at: datetime
    pk: int
    obj: Any
    reason: str
    template: str
    rank: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        return (self.at, self.rank, self.pk)


Fetch = Callable[[Reader, Cursor | None, int], list[Item]]


@dataclass(frozen=True)
class Source:
    kind: str
    rank: int  # breaks ties between kinds at the same instant; unique per source
    fetch: Fetch


_sources: dict[str, Source] = {}


def register_source(kind: str, rank: int, fetch: Fetch) -> Source:
    source = Source(kind=kind, rank=rank, fetch=fetch)
    _sources[kind] = source
    return source


def sources() -> list[Source]:
    return sorted(_sources.values(), key=lambda s: s.rank)


def before(cursor: Cursor | None, rank: int, at_field: str) -> Q:
    """The lookup for a source's rows that come after `cursor` in the feed's order."""
    if cursor is None:
        return Q()
    if rank < cursor.rank:
        return Q(**{f"{at_field}__lte": cursor.at})
    if rank == cursor.rank:
        return Q(**{f"{at_field}__lt": cursor.at}) | Q(**{at_field: cursor.at, "pk__lt": cursor.pk})
    return Q(**{f"{at_field}__lt": cursor.at})
