"""The home feed: every registered source's newest items for the reader, merged by time."""

from base64 import urlsafe_b64decode, urlsafe_b64encode
from dataclasses import dataclass
from datetime import UTC, datetime

from django.utils import timezone

from sotong.core.models import Region
from sotong.feed.sources import Cursor, Item, Reader, sources
from sotong.interests.selectors import expand_regions, followed_by

PAGE_SIZE = 20


@dataclass
class FeedPage:
    items: list[Item]
    next_cursor: str  # empty on the last page


def reader_for(user, all_regions: list[Region], now: datetime | None = None) -> Reader:
    """Two queries (the person's follows); regions come from the list the page already has."""
    followed = followed_by(user)
    home = set()
    if user.home_region_id:
        home = expand_regions([user.home_region_id], all_regions)
    return Reader(
        user_id=user.pk,
        followed=followed,
        region_ids=frozenset(expand_regions(followed.region_ids, all_regions)),
        home_region_ids=frozenset(home),
        now=now or timezone.now(),
    )


def encode_cursor(item: Item) -> str:
    stamp = int(item.at.timestamp() * 1_000_000)
    return urlsafe_b64encode(f"{stamp}.{item.rank}.{item.pk}".encode()).decode().rstrip("=")


def decode_cursor(value: str) -> Cursor | None:
    """None for a missing or malformed cursor: the page starts from the top."""
    if not value:
        return None
    try:
        padded = value + "=" * (-len(value) % 4)
        stamp, rank, pk = urlsafe_b64decode(padded.encode()).decode().split(".")
        at = datetime.fromtimestamp(int(stamp) / 1_000_000, tz=UTC)
        return Cursor(at=at, rank=int(rank), pk=int(pk))
    except (ValueError, UnicodeDecodeError, OverflowError, OSError):
        return None


def home_feed(reader: Reader, *, after: str = "", limit: int = PAGE_SIZE) -> FeedPage:
    """One query (plus prefetches) per source, whatever the data: each source returns at most
    `limit + 1` items after the cursor, and the merge keeps the newest `limit`."""
    cursor = decode_cursor(after)
    merged: list[Item] = []
    for source in sources():
        merged.extend(source.fetch(reader, cursor, limit + 1))
    merged.sort(key=lambda item: item.key, reverse=True)
    page = merged[:limit]
    next_cursor = encode_cursor(page[-1]) if len(merged) > limit else ""
    return FeedPage(items=page, next_cursor=next_cursor)
