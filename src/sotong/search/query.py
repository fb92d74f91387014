"""Turning analysed query groups into each database's full-text syntax.

Only terms made of letters and digits reach here (`analysis._words`), and each is quoted, so
no user input can become FTS5 or tsquery syntax."""

from __future__ import annotations

Groups = list[tuple[tuple[str, ...], ...]]


def fts5(groups: Groups, *, column: str | None = None, every: bool = True) -> str:
    """SQLite FTS5: `("주차" AND "문제") OR "주차문제"` for each group, groups joined by AND
    (every) or OR; restricted to one column with `{column}: (...)`."""
    parts = [
        " OR ".join(
            "(" + " AND ".join(f'"{term}"' for term in alternative) + ")" for alternative in group
        )
        for group in groups
    ]
    expression = (" AND " if every else " OR ").join(f"({part})" for part in parts)
    return f"{{{column}}} : ({expression})" if column else expression


def tsquery(groups: Groups, *, weight: str = "", every: bool = True) -> str:
    """PostgreSQL tsquery text (cast with ::tsquery, no parser in between):
    `('주차' & '문제') | '주차문제'`; `weight="A"` looks in titles only."""
    suffix = f":{weight}" if weight else ""
    parts = [
        " | ".join(
            "(" + " & ".join(f"'{term}'{suffix}" for term in alternative) + ")"
            for alternative in group
        )
        for group in groups
    ]
    return (" & " if every else " | ").join(f"({part})" for part in parts)
