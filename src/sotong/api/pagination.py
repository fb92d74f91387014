"""Limit/offset pages with hard bounds: a page never holds more than 100 items."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

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
