"""The Korean analyser shared by the whole process: Kiwi, loaded once, on first use.

`terms(text)` gives what the search index stores and what a query is matched with;
`nouns(text)` gives nouns and noun compounds for key words.

Kiwi is built with `load_multi_dict=False`: the multi-word dictionary adds about 180 MB
resident (≈510 MB → ≈330 MB) and 2 s of loading for multi-word proper nouns that search
splits into their parts anyway. With `num_workers=1` one text is analysed on the calling
thread, so an analyser loaded before gunicorn forks (`SOTONG_PRELOAD_ANALYSER=1`, see
`run.py`) works in every worker and is shared copy-on-write; batches (`terms_many`), which
go through Kiwi's worker thread, are used only in the process that loaded it, and
`sotong_reindex` gives that process more threads (`use_threads`). Analysing is thread-safe.
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiwipiepy import Kiwi, Token

# Longest text analysed at once: Kiwi's cost grows with the sentence, so long bodies are
# analysed in slices cut at whitespace.
_SLICE = 2000

_NOUN_TAGS = {"NNG", "NNP"}
_PREDICATE_TAGS = {"VV", "VA"}  # lemma with 다: 바꿔봐요 → 바꾸다
_KEPT_AS_IS = {"XR", "SH", "SN"}  # roots (깨끗), hanja, numbers
_FOREIGN = "SL"
_LIGHT_VERBS = ("하다", "되다")
_WORD = re.compile(r"[^\W_]+")

_lock = threading.Lock()
_kiwi: Kiwi | None = None
_workers = 1
_loaded_in: int | None = None  # the process that loaded Kiwi


def analyser() -> Kiwi:
    """The process's one Kiwi; the first call loads it (1–3 s)."""
    global _kiwi, _loaded_in
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi(num_workers=_workers, load_multi_dict=False)
                _kiwi.tokenize("준비")  # the language model is read on first use
                _loaded_in = os.getpid()
    return _kiwi


def analyse_all(pieces: list[str]):
    """Kiwi's tokens for each piece. One batch call when Kiwi was loaded in this process;
    one call per piece in a process forked after loading (gunicorn `--preload`), where a
    batch would wait forever for Kiwi's worker thread, which a fork does not copy."""
    kiwi = analyser()
    if _loaded_in == os.getpid():
        return kiwi.tokenize(pieces)
    return (kiwi.tokenize(piece) for piece in pieces)


def use_threads(count: int) -> bool:
    """Before the analyser is loaded: analyse batches (`terms_many`) on `count` threads.
    For commands that index a lot (`sotong_reindex`), never for a web process that forks
    (Kiwi's thread pool does not survive a fork). False if it is already loaded."""
    global _workers
    with _lock:
        if _kiwi is not None:
            return False
        _workers = max(1, count)
        return True


def is_loaded() -> bool:
    return _kiwi is not None


def _slices(text: str):
    text = unicodedata.normalize("NFC", text or "")
    while len(text) > _SLICE:
        cut = text.rfind(" ", _SLICE // 2, _SLICE)
        cut = _SLICE if cut == -1 else cut
        yield text[:cut]
        text = text[cut:]
    if text.strip():
        yield text


def tokens(text: str) -> list[Token]:
    kiwi = analyser()
    result: list[Token] = []
    for piece in _slices(text):
        result.extend(kiwi.tokenize(piece))
    return result


def _base_tag(token: Token) -> str:
    return token.tag.split("-", 1)[0]  # VA-I, VV-R: irregular conjugations


def _words(term: str) -> list[str]:
    """Only letters and digits: the index (FTS5 unicode61, tsvector lexemes) and the query
    must see the same strings, and no search syntax can travel inside a term."""
    return _WORD.findall(term.lower())


def token_terms(token: Token) -> list[str]:
    tag = _base_tag(token)
    if tag in _NOUN_TAGS or tag in _KEPT_AS_IS or tag == _FOREIGN:
        return _words(token.form)
    if tag in _PREDICATE_TAGS:
        lemma = token.lemma
        # 깨끗하다 read as one adjective, elsewhere as root 깨끗 + 하: keep the root either way.
        if len(lemma) >= 4 and lemma.endswith(_LIGHT_VERBS):
            lemma = lemma[:-2]
        return _words(lemma)
    return []


def _runs(text: str, lemmas: set[str] | None = None):
    """Terms of `text` grouped: a run of nouns written together (대중+교통) is one group,
    every other term is a group of one. Verb and adjective lemmas (which the text may write
    in another form: 바꾸다 as 바꿔) are also added to `lemmas` when given."""
    kiwi = analyser()
    for piece in _slices(text):  # offsets are per slice
        yield from _token_runs(kiwi.tokenize(piece), lemmas)


def _token_runs(tokens, lemmas: set[str] | None = None):
    """`_runs` of one slice's tokens."""
    run: list = []
    for token in tokens:
        words = token_terms(token)
        is_noun = _base_tag(token) in _NOUN_TAGS and len(words) == 1
        if is_noun and run and run[-1].start + run[-1].len == token.start:
            run.append(token)
            continue
        if run:
            yield [t.form.lower() for t in run]
            run = []
        if is_noun:
            run.append(token)
        else:
            if lemmas is not None and _base_tag(token) in _PREDICATE_TAGS:
                lemmas.update(words)
            for word in words:
                yield [word]
    if run:
        yield [t.form.lower() for t in run]


def terms(text: str) -> list[str]:
    """What the index stores for `text`: normalised morphemes in order, repeated as they
    occur: nouns, verb and adjective stems as their lemma (바꾸다), roots, hanja, numbers and
    foreign words in lower case; particles, endings, suffixes and punctuation dropped.

    Nouns written together are also stored joined (대중교통이 → 대중, 교통, 대중교통), because
    Kiwi reads the lone word 대중교통 as one noun and the same word in a sentence as two."""
    return terms_many([text])[0]


def _flatten(runs, into: list[str]) -> None:
    for run in runs:
        into.extend(run)
        if len(run) > 1:
            into.append("".join(run))


def terms_many(texts: list[str]) -> list[list[str]]:
    """`terms` of each text, analysed in one batch: Kiwi spreads a batch over its threads
    (see `use_threads`)."""
    distinct = list(dict.fromkeys(texts))  # titles repeat (정기 모임): analyse each once
    pieces: list[str] = []
    owners: list[int] = []
    for number, text in enumerate(distinct):
        for piece in _slices(text):
            pieces.append(piece)
            owners.append(number)
    analysed: list[list[str]] = [[] for _ in distinct]
    if pieces:
        for owner, tokens in zip(owners, analyse_all(pieces), strict=True):
            _flatten(_token_runs(tokens), analysed[owner])
    by_text = dict(zip(distinct, analysed, strict=True))
    return [list(by_text[text]) for text in texts]


def query_groups(text: str, lemmas: set[str] | None = None) -> list[tuple[tuple[str, ...], ...]]:
    """What a query must match: every group, where a group is met by any one of its
    alternatives (all of whose terms must be present). 주차문제 gives
    `((주차, 문제), (주차문제,))`, so it finds both 주차 문제 and 주차문제. The query's verb
    and adjective lemmas are added to `lemmas` when given (see `_runs`)."""
    groups: list[tuple[tuple[str, ...], ...]] = []
    for run in _runs(text, lemmas):
        group = (tuple(run), ("".join(run),)) if len(run) > 1 else (tuple(run),)
        if group not in groups:
            groups.append(group)
    return groups


def query_terms(text: str) -> list[str]:
    """Every term a query mentions (for highlighting)."""
    seen: dict[str, None] = {}
    for group in query_groups(text):
        for alternative in group:
            seen.update(dict.fromkeys(alternative))
    return list(seen)


class _Joined:
    """A noun with its noun-forming suffix, standing in for one token."""

    def __init__(self, noun, suffix):
        self.form = noun.form + suffix.form
        self.start = noun.start
        self.len = suffix.start + suffix.len - noun.start


def nouns(text: str, *, parts: bool = False) -> list[str]:
    """Nouns and noun compounds of `text`, in order of appearance, repeated as they occur.

    Nouns written together form one compound (대중교통, 지역서점); nouns separated by a space
    stay apart (주차 문제 → 주차, 문제). With `parts=True` the parts of each compound follow it
    (대중교통, 대중, 교통). A noun-forming suffix stays on its noun (활성화).
    Single-syllable nouns are kept; callers filter stop words."""
    result: list[str] = []
    run: list[Token] = []

    def flush():
        if not run:
            return
        if len(run) == 1:
            result.append(run[0].form)
        else:
            result.append("".join(token.form for token in run))
            if parts:
                result.extend(token.form for token in run)
        run.clear()

    kiwi = analyser()
    for piece in _slices(text):  # offsets are per slice
        for token in kiwi.tokenize(piece):
            tag = _base_tag(token)
            touches = bool(run) and run[-1].start + run[-1].len == token.start
            if tag in _NOUN_TAGS:
                if run and not touches:
                    flush()
                run.append(token)
            elif tag == "XSN" and touches:  # 활성 + 화 → 활성화
                run[-1] = _Joined(run[-1], token)
            else:
                flush()
        flush()
    return result
