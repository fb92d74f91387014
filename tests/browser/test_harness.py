"""The browser harness itself: each of its checks can fail, and fails for the right reason.

These run on a small, known-good document that Playwright itself serves on a made-up origin,
so they depend neither on how the real pages look today nor on the database.
"""

import pytest

from tests.browser.conftest import Phones, assert_accessible, check_page, visit

CLEAN_DOCUMENT = """<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>시험 문서</title></head><body><header><a href="#main">본문 바로가기</a></header>
<main id="main"><h1>시험 문서</h1><p>깨끗한 문서입니다.</p></main></body></html>"""


ORIGIN = "http://harness.test"


@pytest.fixture
def page(browser, request):
    """A phone page on a made-up origin that serves the clean document and 404 for the rest:
    no live server and no database needed."""
    phones = Phones(browser, ORIGIN, request.node)
    page = phones.open()
    page.route(f"{ORIGIN}/**", lambda route: route.fulfill(status=404, body="없는 파일"))
    page.route(
        f"{ORIGIN}/__harness__/",
        lambda route: route.fulfill(body=CLEAN_DOCUMENT, content_type="text/html; charset=utf-8"),
    )
    yield page
    phones.close()


@pytest.fixture
def clean_page(page):
    visit(page, "/__harness__/")
    return page


def forget_unchecked_documents(page):
    page.watch.documents.clear()
    page.watch.take_problems()


def test_axe_reports_serious_violations_with_rule_and_element(page):
    page.set_content('<html><body><main><input type="text" id="nickname"></main></body></html>')
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    forget_unchecked_documents(page)
    assert "[critical] label" in str(failure.value)
    assert "#nickname" in str(failure.value)
    assert "html-has-lang" in str(failure.value)


def test_the_clean_document_passes_every_check(clean_page):
    check_page(clean_page)


def test_a_missing_file_on_our_server_fails_the_page_check(clean_page):
    page = clean_page
    with page.expect_response(lambda response: "no-such-style.css" in response.url):
        page.evaluate(
            """() => {
                const link = document.createElement("link");
                link.rel = "stylesheet";
                link.href = "/static/no-such-style.css";
                document.head.append(link);
            }"""
        )
    with pytest.raises(
        AssertionError, match=r"HTTP 404 for http://harness\.test/static/no-such-style\.css\n"
    ):
        check_page(page)
    forget_unchecked_documents(page)


def test_a_script_error_or_console_error_fails_the_page_check(clean_page):
    page = clean_page
    page.evaluate("() => { console.error('보이지 않는 오류'); }")
    page.evaluate("() => { setTimeout(() => { throw new Error('깨진 스크립트'); }); }")
    page.wait_for_timeout(50)
    with pytest.raises(AssertionError) as failure:
        check_page(page)
    forget_unchecked_documents(page)
    assert "console error: 보이지 않는 오류" in str(failure.value)
    assert "script error: 깨진 스크립트" in str(failure.value)


def test_requests_to_other_hosts_are_blocked_and_reported(clean_page):
    page = clean_page
    page.evaluate(
        """() => {
            const image = document.createElement("img");
            image.alt = "";
            image.src = "https://cdn.example.com/tracker.png";
            document.body.append(image);
        }"""
    )
    page.wait_for_timeout(100)
    with pytest.raises(AssertionError, match=r"request failed: https://cdn\.example\.com/tracker"):
        check_page(page)
    forget_unchecked_documents(page)


def test_the_page_is_a_korean_phone(clean_page):
    page = clean_page
    assert page.viewport_size == {"width": 390, "height": 844}
    assert page.evaluate("() => [innerWidth, innerHeight]") == [390, 844]
    assert page.evaluate("() => navigator.language") == "ko-KR"
    assert page.evaluate("() => matchMedia('(pointer: coarse)').matches")
    assert page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone") == "Asia/Seoul"


def test_a_page_wider_than_the_phone_fails_the_page_check(clean_page):
    page = clean_page
    page.evaluate(
        """() => {
            const wide = document.createElement("p");
            wide.style.width = "600px";
            wide.textContent = "가로로 넘치는 문단";
            document.querySelector("main").append(wide);
        }"""
    )
    with pytest.raises(AssertionError, match=r"wider than the 390 px phone screen: 6\d\d px"):
        check_page(page)
    forget_unchecked_documents(page)


def test_a_page_without_a_mobile_viewport_fails_the_page_check(page):
    page.route(
        f"{ORIGIN}/__harness__/",
        lambda route: route.fulfill(
            body=CLEAN_DOCUMENT.replace('<meta name="viewport"', '<meta name="x"'),
            content_type="text/html; charset=utf-8",
        ),
    )
    page.goto("/__harness__/")
    with pytest.raises(AssertionError, match="wider than the 390 px phone screen: 980 px"):
        check_page(page)
    forget_unchecked_documents(page)


def test_map_tiles_get_a_blank_stand_in_instead_of_the_network(clean_page, settings):
    page = clean_page
    tile = settings.MAP_TILE_URL.format(s="a", z=7, x=109, y=50, r="")
    width = page.evaluate(
        """(src) => new Promise((resolve) => {
            const image = new Image();
            image.alt = "";
            image.onload = () => resolve(image.naturalWidth);
            image.onerror = () => resolve(-1);
            image.src = src;
        })""",
        tile,
    )
    assert width == 1
    check_page(page)


def test_a_page_loaded_without_its_check_fails_the_test(browser, request):
    phones = Phones(browser, ORIGIN, request.node)
    page = phones.open()
    page.route(
        f"{ORIGIN}/**",
        lambda route: route.fulfill(body=CLEAN_DOCUMENT, content_type="text/html; charset=utf-8"),
    )
    visit(page, "/__harness__/checked/")
    page.goto("/__harness__/forgotten/")
    with pytest.raises(AssertionError) as failure:
        phones.close()
    assert "loaded without check_page()/visit(): http://harness.test/__harness__/forgotten/" in (
        str(failure.value)
    )
    assert "checked/" not in str(failure.value)
