"""Markdown in user text: formatting survives, scripts and odd links never do."""

import re

import pytest

from sotong.core.markdown import ALLOWED_TAGS, render_markdown


def test_common_formatting_is_rendered():
    html = render_markdown(
        "**준비물**: 편한 신발\n\n- 물\n- 모자\n\n[지도](https://example.kr/map)"
    )

    assert "<strong>준비물</strong>" in html
    assert "<li>물</li>" in html
    assert '<a href="https://example.kr/map" rel="nofollow noopener noreferrer">지도</a>' in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[눌러 보세요](javascript:alert(1))",
        '<a href="https://example.kr" onclick="alert(1)">링크</a>',
        "<iframe src='https://evil.example'></iframe>",
    ],
)
def test_hostile_input_never_becomes_markup(hostile):
    html = render_markdown(hostile)

    tags = re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>", html)
    assert {name for name, _ in tags} <= ALLOWED_TAGS
    for _name, attributes in tags:
        assert not re.search(r"\bon[a-z]+\s*=", attributes)
        assert "javascript:" not in attributes


def test_headings_stay_below_the_page_headings():
    html = render_markdown("# 큰 제목\n\n## 작은 제목")

    assert "<h1>" not in html and "<h2>" not in html
    assert html.count("<h3>") == 2


def test_single_line_breaks_are_kept():
    assert "<br" in render_markdown("첫 줄\n둘째 줄")
