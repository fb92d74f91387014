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


@pytest.mark.parametrize(
    ("noun", "parts"),
    [
        ("어린이집", ("어린이",)),
        ("주차장", ("주차",)),
        ("도서관", ("도서",)),
        ("놀이터", ("놀이",)),
        ("교통사고", ("교통", "사고")),
        ("대중교통", ("대중", "교통")),
        ("장애인", ("장애",)),
        ("어린이도서관", ("어린이", "도서관", "도서")),  # parts of parts
        ("행정복지센터", ("행정", "복지센터", "복지", "센터")),  # a part Kiwi splits itself
    ],
)
def test_a_compound_noun_gives_its_real_parts(noun, parts):
    found = analysis.compound_parts(noun)
    assert set(parts) <= set(found), found


@pytest.mark.parametrize(
    "noun",
    # Not compounds of what they start with: 도시락 is no 도시, 무지개 no 무지, 고등어 no 고등,
    # 청소년 no 청소; 어린이 has no noun 어린 (it is the adjective 어리다).
    ["도시락", "무지개", "고등어", "고양이", "자전거", "청소년", "어린이", "오토바이", "아버지"],
)
def test_a_word_that_only_looks_like_a_compound_has_no_parts(noun):
    assert analysis.compound_parts(noun) == ()


@pytest.mark.parametrize(
    ("noun", "wrong"), [("주차장", "차장"), ("장애인", "애인"), ("협의회", "의회")]
)
def test_a_one_syllable_prefix_never_leaves_its_rest_as_a_part(noun, wrong):
    assert wrong not in analysis.compound_parts(noun)


def test_parts_are_never_one_syllable():
    nouns = ["어린이집", "주차장", "도서관", "놀이터", "체육관", "보건소", "산책로", "그림책"]
    for noun in nouns:
        parts = analysis.compound_parts(noun)
        assert parts, noun
        assert all(len(part) >= 2 for part in parts), (noun, parts)


def test_compound_parts_are_decided_once_per_word():
    analysis.compound_parts("수영장")
    before = analysis.compound_parts.cache_info().hits
    assert analysis.compound_parts("수영장") == ("수영",)
    assert analysis.compound_parts.cache_info().hits == before + 1


def test_index_terms_keep_compound_parts_apart():
    assert analysis.index_terms(["어린이집 안전 점검", "교통사고를 줄여요"]) == [
        (["어린이집", "안전", "점검"], ["어린이"]),
        (["교통사고", "줄이다"], ["교통", "사고"]),
    ]
    assert analysis.terms("어린이집") == ["어린이집"]  # terms alone never carry parts


def test_a_compound_query_also_finds_its_parts_written_apart():
    assert analysis.query_groups("교통사고") == [(("교통사고",), ("교통", "사고"))]
    # A one-syllable rest is no word of its own: 어린이집 is not 어린이 + 집 anywhere in a text.
    assert analysis.query_groups("어린이집") == [(("어린이집",),)]


@pytest.mark.parametrize(("word", "tag"), analysis.USER_WORDS)
def test_every_user_word_is_read_as_itself(word, tag):
    for text in (word, f"{word}에 대해 이야기했다", f"새 {word} 안내"):
        assert (word, tag) in [(token.form, token.tag) for token in analysis.tokens(text)], text


def test_a_swing_is_a_noun_and_the_pronoun_still_reads_apart():
    assert analysis.terms("그네를 고쳐 주세요") == ["그네", "고치다"]
    assert analysis.terms("놀이터 그네가 망가졌어요") == ["놀이터", "그네", "망가지다"]
    assert [token.form for token in analysis.tokens("그는 네 번 왔다")][:3] == ["그", "는", "네"]
