import threading

import pytest

from sotong.search import analysis


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("놀이터를", ["놀이터"]),
        ("바꿔봐요", ["바꾸다"]),
        ("주차문제", ["주차", "문제", "주차문제"]),
        ("대중교통이 불편합니다", ["대중", "교통", "대중교통", "불편"]),
        ("주차 문제를 해결했다", ["주차", "문제", "해결"]),
        ("아름다운 공원", ["아름답다", "공원"]),
        ("깨끗한", ["깨끗"]),
        ("해결하다", ["해결"]),
        ("COVID-19 이후 2026년", ["covid", "19", "이후", "2026"]),
        ("깨끗한 거리", ["깨끗", "거리"]),
    ],
)
def test_terms_are_normalised_morphemes(text, expected):
    assert analysis.terms(text) == expected


@pytest.mark.parametrize("text", ["", "   ", '"*():^-', "!!!???", "...", "\x00"])
def test_terms_of_text_without_words_are_empty(text):
    assert analysis.terms(text) == []


def test_terms_never_carry_search_syntax():
    for term in analysis.terms('놀이터" OR title_terms:* (주차) ^문제 -교통 NEAR(a b)'):
        assert term.isalnum(), term


def test_long_text_is_analysed_whole():
    text = "주민들이 놀이터를 고쳤습니다. " * 500  # cut into slices inside
    assert analysis.terms(text).count("놀이터") == 500


def test_nouns_join_compounds_written_together():
    text = "대중교통이 불편해서 주차 문제가 심각합니다"
    assert analysis.nouns(text) == ["대중교통", "불편", "주차", "문제"]
    assert analysis.nouns("지역서점 활성화를 위한 대화모임") == ["지역서점", "활성화", "대화모임"]
    assert analysis.nouns("지역서점을", parts=True) == ["지역서점", "지역", "서점"]


def test_one_analyser_per_process_shared_by_threads():
    first = analysis.analyser()
    seen, results = [], []

    def work():
        seen.append(analysis.analyser())
        results.append(analysis.terms("놀이터를 바꿔봐요 " * 50))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(kiwi is first for kiwi in seen)
    assert results == [["놀이터", "바꾸다"] * 50] * 6


def test_query_groups_accept_a_compound_written_either_way():
    assert analysis.query_groups("주차문제") == [(("주차", "문제"), ("주차문제",))]
    assert analysis.query_groups("주차 문제") == [(("주차",),), (("문제",),)]
    assert analysis.query_groups("놀이터를 놀이터") == [(("놀이터",),)]
    assert analysis.query_terms("대중교통이 불편") == ["대중", "교통", "대중교통", "불편"]


def test_many_texts_are_analysed_as_each_alone():
    texts = ["놀이터를 바꿔봐요", "", "대중교통이 불편해요 " * 300, "주차문제"]
    assert analysis.terms_many(texts) == [analysis.terms(text) for text in texts]


def test_a_process_forked_after_loading_still_analyses_batches():
    """gunicorn --preload forks after Kiwi is loaded: a batch must not wait for a worker
    thread the child does not have."""
    import os
    import select

    from sotong.search.highlight import mark_all

    analysis.analyser()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: analyse a batch, report, leave at once
        try:
            marked = mark_all(["바꿔"], ["바꾸다"], lemmas=["바꾸다"])
            result = repr((analysis.terms_many(["놀이터를", "바꿔봐요"]), marked))
            os.write(write_end, result.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], 20)
    if not ready:
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    assert ready, "the forked process hung on a batch"
    assert os.read(read_end, 1000).decode() == repr(
        ([["놀이터"], ["바꾸다"]], ["<mark>바꿔</mark>"])
    )
