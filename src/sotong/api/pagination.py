"""API pages with hard bounds: a page never holds more than 100 items.

LimitOffsetPage counts the whole list and skips `offset` rows, fine for short lists (one
activity's reviews, an organisation's members); CursorPage never counts nor skips, for the
lists that grow with the city (activities)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from sotong.api.errors import unknown_value
from sotong.core import keyset

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
# Far beyond any real list, and well inside what SQLite and PostgreSQL accept as an OFFSET.
MAX_OFFSET = 1_000_000


class LimitOffsetPage(PaginationBase):
    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"한 번에 받을 개수 (1~{MAX_LIMIT})"
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description="건너뛸 개수")

    class Output(Schema):
        items: list[Any]
        count: int = Field(..., description="조건에 맞는 전체 개수")
        limit: int
        offset: int

    items_attribute = "items"

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        offset, limit = pagination.offset, pagination.limit
        return {
            "items": queryset[offset : offset + limit],
            "count": self._items_count(queryset),
            "limit": limit,
            "offset": offset,
        }


class CursorPage(PaginationBase):
    """Key-based pages for lists that grow without bound: no count and no offset, so the
    hundredth page costs what the first does. Follow `next_cursor` until it is null."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"한 번에 받을 개수 (1~{MAX_LIMIT})"
        )
        cursor: str | None = Field(
            None,
            max_length=keyset.MAX_CURSOR_LENGTH,
            description="다음 쪽을 받을 때 앞 응답의 next_cursor 값. 첫 쪽은 비워 둡니다.",
        )

    class Output(Schema):
        items: list[Any]
        next_cursor: str | None = Field(
            ..., description="다음 쪽의 cursor 값. 마지막 쪽이면 null입니다."
        )
        limit: int

    items_attribute = "items"

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        if pagination.cursor:
            try:
                keyset.decode_cursor(queryset, pagination.cursor)
            except keyset.InvalidCursor:
                raise unknown_value(
                    "query",
                    "cursor",
                    _("알 수 없는 cursor입니다. 앞 응답의 next_cursor 값을 그대로 보내 주세요."),
                ) from None
        page = keyset.keyset_page(queryset, pagination.cursor, pagination.limit)
        return {"items": page.items, "next_cursor": page.next_cursor, "limit": pagination.limit}
