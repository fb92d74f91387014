"""Search benchmark: indexing rate and query latency over generated Korean documents.

    SOTONG_VAR_DIR=/tmp/bench-search .venv/bin/python bench/search.py --documents 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search .venv/bin/python bench/search.py

Makes its own database (migrate), indexes `--documents` generated documents the way
`sotong_reindex` does (Kiwi analysis, then bulk insert; FTS5 triggers or the generated
tsvector column do their part), then times `--queries` requests to /search/ through Django's
test client, and the same number to /healthz (the trivial view) as the floor.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sotong.settings")
os.environ.setdefault("SOTONG_DEMO", "1")
# Anonymous pages are cached whole for 30 s: measure the search, not the cache.
os.environ.setdefault("SOTONG_PAGE_CACHE_SECONDS", "0")

SUBJECTS = [
    "놀이터",
    "주차 문제",
    "대중교통",
    "지역서점",
    "마을 공동체",
    "텃밭",
    "어린이집",
    "도서관",
    "골목 청소",
    "합창단",
    "요천 산책",
    "청소년 공간",
    "노인 돌봄",
    "반려동물",
    "자원봉사",
    "기후 위기",
    "에너지 전환",
    "버스 노선",
    "공원 조성",
    "전통시장",
    "문화 공연",
    "코딩 교실",
]
ACTIONS = [
    "함께 바꿔 봅니다",
    "이야기를 나눕니다",
    "방법을 의논했습니다",
    "개선을 제안합니다",
    "주민 의견을 모읍니다",
    "해결 방안을 찾았습니다",
    "다음 모임을 준비합니다",
    "불편한 점을 정리했습니다",
    "행정에 건의하기로 했습니다",
    "아이들과 즐겁게 놀았습니다",
]
PLACES = ["향교동", "동충동", "죽항동", "도통동", "운봉읍", "인월면", "노형동", "이도동"]
QUERIES = [
    "놀이터를",
    "주차문제",
    "대중교통이 불편해요",
    "바꿔봐요",
    "지역 서점",
    "텃밭",
    "합창",
    "자원봉사",
    "기후",
    "버스",
    "공동체",
    "도서관에서",
    "2026",
    "코딩",
    "놀이텨",
    "청소년",
]


def text(rng: random.Random, sentences: int) -> str:
    return " ".join(
        f"{rng.choice(PLACES)}에서 {rng.choice(SUBJECTS)}에 대해 {rng.choice(ACTIONS)}."
        for _ in range(sentences)
    )


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.utils import timezone

    from sotong.search import analysis, services
    from sotong.search.models import SearchDocument, SearchTerm
    from sotong.search.registry import Document

    call_command("migrate", verbosity=0)
    SearchDocument.objects.filter(kind="bench").delete()
    rng = random.Random(options.seed)
    started = time.monotonic()
    analysis.use_threads(os.cpu_count() or 1)  # as sotong_reindex does
    analysis.analyser()
    load_seconds = time.monotonic() - started

    started = time.monotonic()
    cpu_started = time.process_time()
    analyse_seconds = 0.0
    now = timezone.now()
    for first in range(0, options.documents, options.batch):
        generated = []
        for number in range(first, min(first + options.batch, options.documents)):
            title = (
                f"{rng.choice(SUBJECTS)} {rng.choice(['모임', '토론회', '강좌', '기록', '제안'])}"
            )
            date = now - timezone.timedelta(days=rng.randint(0, 5 * 365))
            generated.append(
                Document(
                    title=title,
                    body=text(rng, rng.randint(3, 12)),
                    url=f"/bench/{number}/",
                    date=date,
                    popularity=rng.randint(0, 50),
                )
            )
        tick = time.monotonic()
        prepared = services.prepare(generated)  # the analysis sotong_reindex runs
        analyse_seconds += time.monotonic() - tick
        with transaction.atomic():
            SearchDocument.objects.bulk_create(
                [
                    SearchDocument(kind="bench", object_id=first + offset, **fields)
                    for offset, (fields, _topics, _terms) in enumerate(prepared)
                ]
            )
            SearchTerm.objects.bulk_create(
                [
                    SearchTerm(term=term, length=len(term))
                    for term in set().union(*(terms for *_, terms in prepared))
                ],
                ignore_conflicts=True,
            )
        done = first + len(generated)
        print(f"\r  indexed {done}/{options.documents}", end="", flush=True)
    index_seconds = time.monotonic() - started
    index_cpu_seconds = time.process_time() - cpu_started
    print()

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/healthz")
    client.get("/search/", {"q": "놀이터"})

    def timed(path, params_list):
        times = []
        for params in params_list:
            tick = time.perf_counter()
            response = client.get(path, params)
            times.append((time.perf_counter() - tick) * 1000)
            assert response.status_code == 200, (path, params, response.status_code)
        return times

    floor = timed("/healthz", [{}] * options.queries)
    search = timed("/search/", [{"q": QUERIES[i % len(QUERIES)]} for i in range(options.queries)])
    api = timed(
        "/api/v1/search", [{"q": QUERIES[i % len(QUERIES)]} for i in range(options.queries)]
    )
    print(f"database: {connection.vendor}, documents: {options.documents}")
    print(f"analyser load: {load_seconds:.1f} s")
    print(
        f"indexing: {options.documents / index_seconds:.0f} documents/s "
        f"({index_seconds:.0f} s, of which Kiwi analysis {analyse_seconds:.0f} s; "
        f"{index_cpu_seconds:.0f} CPU-s on {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f})"
    )
    for label, times in (("floor /healthz", floor), ("/search/", search), ("/api/v1/search", api)):
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        print(
            f"{label:16} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
            f"(p95 ÷ floor p95: {p95 / percentile(floor, 0.95):.0f}×)"
        )
    SearchDocument.objects.filter(kind="bench").delete()


if __name__ == "__main__":
    main()
