"""Marking query terms in titles and snippets: escape everything, then wrap the words whose
analysis gives a query term in <mark>. Kiwi gives each morpheme's place in the text, so an
inflected form (바꿔) is marked for the query 바꾸다."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sotong.search import analysis

SNIPPET_CHARS = 160


def _spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for token in analysis.analyser().tokenize(text):
        if terms.intersection(analysis.token_terms(token)) or token.form.lower() in terms:
            start, end = token.start, token.start + token.len
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
    return spans


def mark(text: str, terms: list[str]) -> SafeString:
    terms_set = set(terms)
    if not text or not terms_set:
        return escape(text)
    out, position = [], 0
    for start, end in _spans(text, terms_set):
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped


def window(text: str, terms: list[str], size: int = SNIPPET_CHARS) -> str:
    """About `size` characters of `text` around the first place a query term is written as
    is (nouns usually are), else its beginning; cut at spaces, with … where text was cut."""
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    lowered = text.lower()
    found = [index for index in (lowered.find(term) for term in terms) if index >= 0]
    start = max(min(found) - size // 4, 0) if found else 0
    if start:
        space = text.find(" ", start, start + 20)
        start = space + 1 if space != -1 else start
    end = min(start + size, len(text))
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space != -1 else end
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
