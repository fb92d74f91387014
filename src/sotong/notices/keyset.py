"""Keyset ("seek") pagination for newest-first lists: the next page starts after the last
row's keys, so a page costs the same however deep it is, and rows added meanwhile never
shift a page. The question library uses it too.

A stop-gap: a general helper (sotong.core.keyset) is being written for the activities list;
once it is committed these lists should use it and this module go (same page interface)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Q, QuerySet

SEPARATOR = "_"


@dataclass
class KeysetPage:
    items: list
    next_cursor: str | None
    is_first: bool

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return not self.is_first


def _encode(value: Any) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _decode(field: models.Field, raw: str) -> Any:
    if isinstance(field, models.DateTimeField):
        value = datetime.fromisoformat(raw)
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value
    return int(raw)


def keyset_page(queryset: QuerySet, *, key: str, cursor: str | None, size: int) -> KeysetPage:
    """One page of `queryset` ordered by `key` descending, then by id descending.

    `cursor` is the opaque value a previous page returned; a malformed one starts over."""
    after = None
    if cursor:
        raw_value, _, raw_id = cursor.rpartition(SEPARATOR)
        try:
            after = (_decode(queryset.model._meta.get_field(key), raw_value), int(raw_id))
        except (ValueError, TypeError):
            after = None
    ordered = queryset.order_by(f"-{key}", "-id")
    if after is not None:
        ordered = ordered.filter(
            Q(**{f"{key}__lt": after[0]}) | Q(**{key: after[0], "id__lt": after[1]})
        )
    rows = list(ordered[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = f"{_encode(getattr(last, key))}{SEPARATOR}{last.pk}"
    return KeysetPage(items=rows, next_cursor=next_cursor, is_first=after is None)
