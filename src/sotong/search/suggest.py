""" "Did you mean": the nearest indexed term for each query word, by edit distance over Hangul
jamo (놀이텨 → 놀이터 is one jamo away, not one syllable)."""

from __future__ import annotations

from django.db.models import Q

from sotong.search.models import SearchTerm

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
MAX_CANDIDATES = 2000


def jamo(word: str) -> str:
    letters = []
    for char in word:
        code = ord(char)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            offset = code - _HANGUL_FIRST
            letters.append(chr(0x1100 + offset // 588))
            letters.append(chr(0x1161 + (offset % 588) // 28))
            if offset % 28:
                letters.append(chr(0x11A7 + offset % 28))
        else:
            letters.append(char.lower())
    return "".join(letters)


def distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def _stems(word: str) -> list[str]:
    """The word and the word without one or two final syllables (a particle: 놀이텨를)."""
    return [word[:length] for length in range(len(word), max(len(word) - 2, 1) - 1, -1)]


def suggest(text: str) -> str | None:
    """A corrected query, or None. One query on the term table whatever the input."""
    words = [word for word in text.split() if len(word) >= 2][:5]
    if not words:
        return None
    condition = Q()
    for word in words:
        for stem in _stems(word):
            condition |= Q(length__in=[len(stem) - 1, len(stem), len(stem) + 1]) & (
                Q(term__startswith=stem[0]) | Q(term__endswith=stem[-1])
            )
    candidates = list(
        SearchTerm.objects.filter(condition).values_list("term", flat=True)[:MAX_CANDIDATES]
    )
    changed, corrected = False, []
    for word in words:
        replacement = _nearest(word, candidates)
        corrected.append(replacement or word)
        changed = changed or bool(replacement)
    return " ".join(corrected) if changed else None


def _nearest(word: str, candidates: list[str]) -> str | None:
    """The nearest term to the longest stem of `word` that has one; None when that stem is
    itself indexed (nothing to correct) or nothing is near."""
    for stem in _stems(word.lower()):
        target = jamo(stem)
        allowed = 1 if len(target) <= 4 else 2
        best: tuple[int, str] | None = None
        for term in candidates:
            score = distance(target, jamo(term))
            if score <= allowed and (best is None or (score, term) < best):
                best = (score, term)
        if best is not None:
            return None if best[0] == 0 else best[1]
    return None
