"""The Korean analyser shared by the whole process: Kiwi, loaded once, on first use.

`terms(text)` gives what the search index stores and what a query is matched with;
`nouns(text)` gives nouns and noun compounds for key words; `compound_parts(noun)` the real
noun parts of a noun Kiwi reads as one word (어린이집 → 어린이), stored beside it so a
shorter word finds the compound.

Kiwi gets a few civic words wrong (그네, a playground's swing, as the pronoun 그네): they are
listed once, in `USER_WORDS`, and added to its dictionary when it loads.

Kiwi is built with `load_multi_dict=False`: the multi-word dictionary adds about 180 MB
resident (≈510 MB → ≈330 MB) and 2 s of loading for multi-word proper nouns that search
splits into their parts anyway. With `num_workers=1` one text is analysed on the calling
thread, so an analyser loaded before gunicorn forks (`SOTONG_PRELOAD_ANALYSER=1`, see
`run.py`) works in every worker and is shared copy-on-write; batches (`terms_many`), which
go through Kiwi's worker thread, are used only in the process that loaded it, and
`sotong_reindex` gives that process more threads (`use_threads`). Analysing is thread-safe.
"""

from __future__ import annotations

import functools
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

# Civic words Kiwi's dictionary reads wrongly, added when it loads: (word, tag). Score 0 is
# enough for each to win where it is meant (tests/search/test_analysis.py checks every one),
# and none of them breaks the readings around it (그는 네 번 stays 그 + 네).
USER_WORDS: tuple[tuple[str, str], ...] = (
    ("그네", "NNG"),  # swing; Kiwi: the pronoun 그네 (they), or 그 + 네 alone
    ("흔들말", "NNG"),  # spring rider; Kiwi: 흔들 (adverb) + 말
    ("층간", "NNG"),  # 층간소음 (noise between flats); Kiwi: 층 + 가다 + 소음
    ("늘봄", "NNG"),  # 늘봄학교 (after-school care); Kiwi: 늘 + 보다
)

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

                kiwi = Kiwi(num_workers=_workers, load_multi_dict=False)
                for word, tag in USER_WORDS:
                    kiwi.add_user_word(word, tag, 0.0)
                kiwi.tokenize("준비")  # the language model is read on first use
                _loaded_in = os.getpid()
                _kiwi = kiwi  # only once it is complete: other threads read it unlocked
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


def is_noun(token: Token) -> bool:
    return _base_tag(token) in _NOUN_TAGS


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


# --- Compound parts -------------------------------------------------------------------------
#
# Kiwi reads many civic compounds as one dictionary noun (어린이집, 주차장, 도서관, 놀이터,
# 교통사고), so a search for 어린이 would not find 어린이집. At index time each noun of three
# or more syllables is cut, where Kiwi agrees, into its noun parts, and the parts of two or
# more syllables are stored beside it (어린이집 → 어린이; 교통사고 → 교통, 사고).
#
# Why parts at index time rather than prefix queries (FTS5 `term*`, tsquery `term:*`): a prefix
# cannot tell a morpheme boundary from a coincidence (도시* finds 도시락, 어린* finds 어린이),
# it cannot find a second part (교통 in 대중교통), and it costs more at query time on both
# databases. Parts cost one cached decision per distinct word at index time (about 0.2 ms of
# CPU, once per process), and both databases then match the same plain terms.
#
# A cut head|tail is a real one only when
# - the head has two syllables or more, and both head and tail (when longer than one syllable)
#   are nouns of Kiwi's dictionary on their own (one, or several of two syllables or more:
#   행정|복지센터), not its guesses for unknown words (도깨|비 fails);
#   a one-syllable prefix is Kiwi's job: it already reads 신도시 as 신 + 도시;
# - a one-syllable tail is one that ends civic compounds as a noun of its own (`COMPOUND_TAILS`:
#   집, 장, 관, 터 …): 도서|관 and 주차|장 are cut, 도시|락, 무지|개 and 고등|어 are not;
# - Kiwi scores the cut reading within `MAX_CUT_COST` of its own best one (초등|학교 0.4,
#   도서|관 9.8, 오토|바이 17.4).
# One-syllable parts are never stored, so a one-syllable query finds no compound by its parts,
# and 어린 (the adjective 어리다) never finds 어린이. Homographs stay what Kiwi makes of them:
# 시장님 is 시장 + the honorific 님, so 시장 finds it, as it finds 전통시장.

COMPOUND_TAILS = frozenset(
    "집장관터소서원당실청국과점방층역교로길가촌대문정도"  # places: 주차장, 도서관, 쉼터, 경로당
    "단회부팀반"  # groups: 합창단, 협의회
    "인객사"  # people: 장애인, 관광객, 간호사
    "비료세금값표증권법안제책"  # money, papers, rules: 교통비, 지원금, 조례안
    "등기차선함수감탕판망고철물품밭숲"  # things: 신호등, 가로수, 안내판, 모래밭, 도시숲
    "난률율력식전"  # and the rest: 주차난, 참여율, 개막식, 사진전
)
MAX_CUT_COST = 13.5
_MIN_PART = 2  # syllables
_HANGUL_WORD = re.compile(r"[가-힣]+")
# Decisions kept per process, per cache (about 140 bytes each, so at most ≈ 7 MB each): a
# city's long nouns fit many times over.
_CACHED_WORDS = 50_000


@functools.lru_cache(maxsize=_CACHED_WORDS)
def _noun_spans(word: str) -> tuple[tuple[int, int, str], ...] | None:
    """How Kiwi reads `word` alone, as (start, end, tag), when that is one noun of its
    dictionary (도서) or dictionary nouns of two syllables or more each (복지센터 → 복지 +
    센터); None otherwise (an unknown word, a verb, a one-syllable piece)."""
    found = analyser().tokenize(word)
    if not found or "".join(token.form for token in found) != word:
        return None
    for token in found:
        if _base_tag(token) not in _NOUN_TAGS or token.oov:
            return None
        if len(found) > 1 and token.len < _MIN_PART:
            return None
    return tuple((token.start, token.start + token.len, _base_tag(token)) for token in found)


@functools.lru_cache(maxsize=_CACHED_WORDS)
def compound_cuts(noun: str) -> tuple[tuple[str, str], ...]:
    """The real cuts (head, tail) of one noun, the one Kiwi likes best first; () when it has
    none (see the rules above)."""
    if len(noun) < _MIN_PART + 1 or not _HANGUL_WORD.fullmatch(noun):
        return ()
    kiwi = analyser()
    best = kiwi.analyze(noun)[0][1]
    cuts = []
    for cut in range(_MIN_PART, len(noun)):
        head, tail = noun[:cut], noun[cut:]
        if len(tail) == 1 and tail not in COMPOUND_TAILS:
            continue
        head_spans = _noun_spans(head)
        tail_spans = _noun_spans(tail) if len(tail) > 1 else ((0, 1, "NNG"),)
        if head_spans is None or tail_spans is None:
            continue
        spans = [*head_spans, *((start + cut, end + cut, tag) for start, end, tag in tail_spans)]
        cost = best - kiwi.analyze(noun, pretokenized=spans)[0][1]
        if cost <= MAX_CUT_COST:
            cuts.append((cost, head, tail))
    return tuple((head, tail) for _cost, head, tail in sorted(cuts))


@functools.lru_cache(maxsize=_CACHED_WORDS)
def compound_parts(noun: str) -> tuple[str, ...]:
    """The noun parts of `noun` (two syllables or more) that a search may find it by, parts of
    parts included: 어린이집 → (어린이,), 교통사고 → (교통, 사고), 어린이도서관 → (어린이,
    도서관, 도서). Cached per word."""
    parts: dict[str, None] = {}
    for head, tail in compound_cuts(noun):
        for part in (head, tail):
            if len(part) >= _MIN_PART and part != noun:
                parts[part] = None
                parts.update(dict.fromkeys(compound_parts(part)))
    return tuple(parts)


# --- Terms -----------------------------------------------------------------------------------


def _runs(text: str, lemmas: set[str] | None = None):
    """Terms of `text` grouped: a run of nouns written together (대중+교통) is one group,
    every other term is a group of one; each with whether it is a run of nouns. Verb and
    adjective lemmas (which the text may write in another form: 바꾸다 as 바꿔) are also added
    to `lemmas` when given."""
    kiwi = analyser()
    for piece in _slices(text):  # offsets are per slice
        yield from _token_runs(kiwi.tokenize(piece), lemmas)


def _token_runs(tokens, lemmas: set[str] | None = None):
    """`_runs` of one slice's tokens: (terms, is a run of nouns)."""
    run: list = []
    for token in tokens:
        words = token_terms(token)
        is_noun = _base_tag(token) in _NOUN_TAGS and len(words) == 1
        if is_noun and run and run[-1].start + run[-1].len == token.start:
            run.append(token)
            continue
        if run:
            yield [t.form.lower() for t in run], True
            run = []
        if is_noun:
            run.append(token)
        else:
            if lemmas is not None and _base_tag(token) in _PREDICATE_TAGS:
                lemmas.update(words)
            for word in words:
                yield [word], False
    if run:
        yield [t.form.lower() for t in run], True


def terms(text: str) -> list[str]:
    """What the index stores for `text`: normalised morphemes in order, repeated as they
    occur: nouns, verb and adjective stems as their lemma (바꾸다), roots, hanja, numbers and
    foreign words in lower case; particles, endings, suffixes and punctuation dropped.

    Nouns written together are also stored joined (대중교통이 → 대중, 교통, 대중교통), because
    Kiwi reads the lone word 대중교통 as one noun and the same word in a sentence as two.
    Compound parts (`compound_parts`) are not among them: see `index_terms`."""
    return terms_many([text])[0]


def _flatten(runs, into: list[str], parts: dict[str, None]) -> None:
    for run, of_nouns in runs:
        into.extend(run)
        if len(run) > 1:
            into.append("".join(run))
        if of_nouns:
            for noun in run:
                parts.update(dict.fromkeys(compound_parts(noun)))


def index_terms(texts: list[str]) -> list[tuple[list[str], list[str]]]:
    """`terms` of each text and, apart, the compound parts of its nouns (each once, in order
    of appearance), analysed in one batch: Kiwi spreads a batch over its threads (see
    `use_threads`)."""
    distinct = list(dict.fromkeys(texts))  # titles repeat (정기 모임): analyse each once
    pieces: list[str] = []
    owners: list[int] = []
    for number, text in enumerate(distinct):
        for piece in _slices(text):
            pieces.append(piece)
            owners.append(number)
    analysed: list[list[str]] = [[] for _ in distinct]
    parts: list[dict[str, None]] = [{} for _ in distinct]
    if pieces:
        for owner, tokens in zip(owners, analyse_all(pieces), strict=True):
            _flatten(_token_runs(tokens), analysed[owner], parts[owner])
    by_text = {
        text: (terms, list(text_parts))
        for text, terms, text_parts in zip(distinct, analysed, parts, strict=True)
    }
    return [(list(by_text[text][0]), list(by_text[text][1])) for text in texts]


def terms_many(texts: list[str]) -> list[list[str]]:
    """`terms` of each text, analysed in one batch."""
    return [text_terms for text_terms, _parts in index_terms(texts)]


def query_groups(text: str, lemmas: set[str] | None = None) -> list[tuple[tuple[str, ...], ...]]:
    """What a query must match: every group, where a group is met by any one of its
    alternatives (all of whose terms must be present). 주차문제 gives
    `((주차, 문제), (주차문제,))`, so it finds both 주차 문제 and 주차문제; a noun Kiwi reads
    whole is met by its real cut into two words as well: 교통사고 gives
    `((교통사고,), (교통, 사고))`, so it finds 교통 사고 written apart. The query's verb and
    adjective lemmas are added to `lemmas` when given (see `_runs`)."""
    groups: list[tuple[tuple[str, ...], ...]] = []
    for run, of_nouns in _runs(text, lemmas):
        if len(run) > 1:
            group: tuple[tuple[str, ...], ...] = (tuple(run), ("".join(run),))
        elif of_nouns:
            cuts = [cut for cut in compound_cuts(run[0]) if len(cut[1]) >= _MIN_PART]
            group = (tuple(run), *cuts)
        else:
            group = (tuple(run),)
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
