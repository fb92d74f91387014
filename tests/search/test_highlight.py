"""Marking a page's titles and snippets: nouns by string search, verbs through Kiwi in one
batch, always escaped first."""

from sotong.search.highlight import mark_all, needs_analysis
from sotong.search.selectors import parse


def marked(query: str, *texts: str) -> list[str]:
    parsed = parse(query)
    return [str(html) for html in mark_all(list(texts), parsed.terms, lemmas=parsed.lemmas)]


def test_a_noun_query_is_marked_where_it_is_written_without_analysis():
    parsed = parse("놀이터를")
    assert not needs_analysis(set(parsed.terms), parsed.lemmas)
    assert marked("놀이터를", "놀이터를 바꾸는 모임", "") == [
        "<mark>놀이터</mark>를 바꾸는 모임",
        "",
    ]


def test_a_compound_query_marks_its_parts_and_the_whole():
    assert marked("주차문제", "대학 주차 문제와 주차문제 해결") == [
        "대학 <mark>주차</mark> <mark>문제</mark>와 <mark>주차문제</mark> 해결"
    ]


def test_foreign_words_are_marked_whatever_their_case():
    assert marked("playground", "Playground 조사 PLAYGROUND") == [
        "<mark>Playground</mark> 조사 <mark>PLAYGROUND</mark>"
    ]


def test_a_verb_is_marked_in_the_form_each_text_writes_it():
    parsed = parse("바꿔봐요")
    assert needs_analysis(set(parsed.terms), parsed.lemmas)
    assert marked("바꿔봐요", "공원을 바꾸는 방법", "우리가 바꿔요") == [
        "공원을 <mark>바꾸</mark>는 방법",
        "우리가 <mark>바꿔</mark>요",
    ]


def test_a_one_letter_term_is_not_marked_inside_other_words():
    # 공원녹지과 gives the term 과; the particle 과 in 공원과 is no match.
    expected = "<mark>공원</mark>과 <mark>녹지과</mark> 직원"
    assert marked("공원녹지과", "공원과 녹지과 직원") == [expected]


def test_markup_in_the_text_is_escaped_around_the_marks():
    assert marked("script 놀이터", '<script>"놀이터"</script>') == [
        "&lt;<mark>script</mark>&gt;&quot;<mark>놀이터</mark>&quot;&lt;/<mark>script</mark>&gt;"
    ]
    assert marked("바꾸다", "<b>바꿔</b>") == ["&lt;b&gt;<mark>바꿔</mark>&lt;/b&gt;"]


def test_no_terms_leaves_the_text_escaped():
    assert marked("!!!", "<i>놀이터</i>") == ["&lt;i&gt;놀이터&lt;/i&gt;"]


def test_a_word_found_inside_a_compound_is_marked_there():
    assert marked("어린이", "어린이집 안전 점검") == ["<mark>어린이</mark>집 안전 점검"]
    # With a verb the page is analysed: the part is still marked inside its compound.
    assert marked("어린이 바꿔요", "어린이집을 바꾸는 모임") == [
        "<mark>어린이</mark>집을 <mark>바꾸</mark>는 모임"
    ]
