"""Key words (핵심 키워드): the nouns that say what a record or a document is about.

Every noun and noun compound of an item's text is stored with its count (`Term`); its score
is TF-IDF against the whole archive (a word every record uses, like 주민, scores low), and the
best few become the item's key words. Saving an item re-analyses it in a background job (the
analyser is heavy and belongs in the task worker); `manage.py archive_keywords` recomputes
every item, because a new item shifts the weights of the others a little.
"""

import math
from collections import Counter
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from sotong.archive.models import Document, MeetingRecord, Term

KEYWORDS_PER_ITEM = 8
# Related records are ranked among at most this many of the newest records per key word.
RELATED_CANDIDATES_PER_WORD = 200
MAX_TERM_LENGTH = 60

# Words civic meeting notes use whatever they are about: they never say what a record is
# about, so they are never key words.
_STOP_WORDS_TEXT = """
    모임 대화 대화모임 이야기 참여 참여자 참석 참석자 진행 생각 의견 내용 주제 논의 시간 오늘
    다음 이번 지난 우리 여러분 사람 사람들 분 명 곳 것 수 등 때 중 안 말 점 일 날 년 월 회
    정도 부분 경우 문제 방법 방안 필요 이상 이하 관련 대한 통해 위해 가지 하나 모두 서로
    정리 공유 소개 설명 질문 답변 발표 자리 함께 마무리 시작 결과 계획 기록 요약 이후 이전
    각자 자기 자신 누구 무엇 여기 거기 그것 이것 저것 때문 가운데 하루 동안 사이 앞 뒤
    주민 시민 모두들 테이블 회의 차례 순서 처음 마지막 지금 현재 최근 앞으로 당일
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())


def noun_counts(text: str) -> Counter:
    """Counts of the nouns worth weighing: two syllables or more, not a stop word."""
    from sotong.search.analysis import nouns

    counts: Counter = Counter()
    for noun in nouns(text):
        if noun.endswith("들") and len(noun) > 2:  # 학생들 → 학생: the plural says nothing new
            noun = noun[:-1]
        if len(noun) < 2 or len(noun) > MAX_TERM_LENGTH or noun in STOP_WORDS:
            continue
        if noun.isdigit():
            continue
        counts[noun] += 1
    return counts


def _owner(item) -> dict:
    return {"record": item} if isinstance(item, MeetingRecord) else {"document": item}


def _item_total() -> int:
    return MeetingRecord.objects.count() + Document.objects.count()


def _document_frequencies(terms: Iterable[str]) -> dict[str, int]:
    terms = list(set(terms))
    frequencies: dict[str, int] = {}
    for start in range(0, len(terms), 500):  # SQLite allows a limited number of parameters
        chunk = terms[start : start + 500]
        rows = Term.objects.filter(term__in=chunk).values("term").annotate(items=Count("id"))
        frequencies.update({row["term"]: row["items"] for row in rows})
    return frequencies


def _score(rows: list[Term], frequencies: dict[str, int], total: int) -> None:
    """TF-IDF with a sub-linear term frequency, the top few marked as key words."""
    for row in rows:
        frequency = frequencies.get(row.term, 1)
        idf = math.log((1 + total) / (1 + frequency)) + 1
        row.score = round((1 + math.log(row.count)) * idf, 4)
    ranked = sorted(rows, key=lambda row: (-row.score, -row.count, row.term))
    chosen = {id(row) for row in ranked[:KEYWORDS_PER_ITEM]}
    for row in rows:
        row.is_keyword = id(row) in chosen


def refresh(item) -> list[str]:
    """Re-analyses one record or document and stores its terms; returns its key words."""
    counts = noun_counts(item.text_for_keywords())
    owner = _owner(item)
    with transaction.atomic():
        Term.objects.filter(**owner).delete()
        rows = [Term(term=term, count=count, **owner) for term, count in counts.items()]
        Term.objects.bulk_create(rows)
        _score(rows, _document_frequencies(counts), max(_item_total(), 1))
        Term.objects.bulk_update(rows, ["score", "is_keyword"], batch_size=500)
    return keywords_of(item)


def refresh_all(*, progress=None) -> int:
    """Re-analyses every item, then scores all of them against the same frequencies."""
    items = [*MeetingRecord.objects.order_by("pk"), *Document.objects.order_by("pk")]
    with transaction.atomic():
        Term.objects.all().delete()
        for item in items:
            counts = noun_counts(item.text_for_keywords())
            Term.objects.bulk_create(
                [Term(term=term, count=count, **_owner(item)) for term, count in counts.items()]
            )
            if progress is not None:
                progress()
        frequencies = dict(
            Term.objects.values("term").annotate(items=Count("id")).values_list("term", "items")
        )
        total = max(len(items), 1)
        for item in items:
            rows = list(Term.objects.filter(**_owner(item)))
            _score(rows, frequencies, total)
            Term.objects.bulk_update(rows, ["score", "is_keyword"], batch_size=500)
    return len(items)


def keywords_of(item) -> list[str]:
    rows = Term.objects.filter(is_keyword=True, **_owner(item)).order_by("-score", "term")
    return list(rows.values_list("term", flat=True))


def related_records(
    record: MeetingRecord, *, terms: list[str] | None = None, limit: int = 5
) -> list[MeetingRecord]:
    """Published records whose text holds the most of this one's key words (then those where
    these words weigh most, then the newest). `terms`: the record's key words, if the caller
    has them.

    Bounded whatever the archive holds: each key word brings at most
    RELATED_CANDIDATES_PER_WORD of the newest published records whose text has it (read off
    the end of the `term_record` index), and only those are ranked. Over the whole archive,
    eight words as common as 게시판 (in a third of the city-scale records) made this read and
    group 70,000 rows: 91 ms against about 15 ms now."""
    if terms is None:
        terms = keywords_of(record)
    if not terms:
        return []
    # drafts are dropped when the records are read: a join here would make the database
    # read each candidate's record while it walks the index
    others = Term.objects.filter(record__isnull=False).exclude(record_id=record.pk)
    parts = [
        Term.objects.filter(
            pk__in=others.filter(term=term)
            .order_by("-record_id")
            .values("pk")[:RELATED_CANDIDATES_PER_WORD]
        ).values_list("record_id", "score")
        for term in terms
    ]
    shared: Counter = Counter()
    weight: dict[int, float] = {}
    for record_id, score in parts[0].union(*parts[1:], all=True):
        shared[record_id] += 1
        weight[record_id] = weight.get(record_id, 0.0) + score
    # a few more than shown, in case drafts are among the best
    order = sorted(shared, key=lambda pk: (-shared[pk], -round(weight[pk], 4), -pk))[: 3 * limit]
    if not order:
        return []
    records = (
        MeetingRecord.objects.published()
        .select_related("region__parent", "host_organization", "created_by")
        .prefetch_related("topics")
    )
    found = records.in_bulk(order)
    return [found[pk] for pk in order if pk in found][:limit]
