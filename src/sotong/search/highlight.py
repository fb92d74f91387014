"""Marking query terms in titles and snippets: escape everything, then wrap the matches in
<mark>.

Most queries are nouns, numbers or foreign words, which a text writes as they are: those are
marked by finding the strings, without analysing anything. A verb or adjective (바꾸다, which a
text writes 바꿔) or a one-letter term (과, which a plain string search would find in every
particle 과) needs Kiwi: then the page's titles and snippets are analysed in one batch, and
each morpheme whose analysis gives a query term is marked where Kiwi places it."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sotong.search import analysis

SNIPPET_CHARS = 160
Span = tuple[int, int]


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _lowered(text: str) -> str:
    """`text` in lower case, letter for letter (a few letters grow when lowered: İ)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _literal_spans(text: str, needles: list[str]) -> list[Span]:
    lowered = _lowered(text)
    spans: list[Span] = []
    for needle in needles:
        position = lowered.find(needle)
        while position != -1:
            spans.append((position, position + len(needle)))
            position = lowered.find(needle, position + len(needle))
    return _merge(spans)


def _token_spans(tokens, terms: set[str]) -> list[Span]:
    """Morphemes that give a query term; particles and endings never do (과 in 공원과)."""
    spans = []
    for token in tokens:
        token_terms = analysis.token_terms(token)
        if terms.intersection(token_terms) or (token_terms and token.form.lower() in terms):
            spans.append((token.start, token.start + token.len))
        elif analysis.is_noun(token) and len(token_terms) == 1:  # 어린이 in 어린이집
            for part in terms.intersection(analysis.compound_parts(token_terms[0])):
                offset = token.form.find(part)
                if offset != -1:
                    spans.append((token.start + offset, token.start + offset + len(part)))
    return _merge(spans)


def _analysed_spans(texts: list[str], terms: set[str]) -> list[list[Span]]:
    """One Kiwi call for all the texts (each short: a title or a snippet)."""
    spans: list[list[Span]] = [[] for _ in texts]
    numbered = [(number, text) for number, text in enumerate(texts) if text.strip()]
    if numbered:
        batches = analysis.analyse_all([text for _, text in numbered])
        for (number, _text), tokens in zip(numbered, batches, strict=True):
            spans[number] = _token_spans(tokens, terms)
    return spans


def needs_analysis(terms: set[str], lemmas: Iterable[str] = ()) -> bool:
    return bool(terms.intersection(lemmas)) or any(len(term) < 2 for term in terms)


def _render(text: str, spans: list[Span]) -> SafeString:
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece above is escaped


def mark_all(
    texts: list[str], terms: Iterable[str], *, lemmas: Iterable[str] = ()
) -> list[SafeString]:
    """Each text escaped, with the query's terms marked. `lemmas` are the terms that came
    from the query's verbs and adjectives (`selectors.Query.lemmas`)."""
    terms_set = set(terms)
    if not terms_set:
        return [escape(text) for text in texts]
    if needs_analysis(terms_set, lemmas):
        spans = _analysed_spans(texts, terms_set)
    else:
        needles = sorted(terms_set, key=len, reverse=True)
        spans = [_literal_spans(text, needles) for text in texts]
    return [_render(text, text_spans) for text, text_spans in zip(texts, spans, strict=True)]


def mark(text: str, terms: Iterable[str]) -> SafeString:
    """One text, analysed (any term may be a lemma)."""
    terms_set = set(terms)
    if not text or not terms_set:
        return escape(text)
    return _render(text, _analysed_spans([text], terms_set)[0])


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
