"""The browser harness itself: each of its checks can fail, and fails for the right reason."""

import pytest

from tests.browser.conftest import assert_accessible, check_page, visit


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


def test_a_missing_file_on_our_server_fails_the_page_check(page, city):
    visit(page, "/")
    with page.expect_response(lambda response: "no-such-style.css" in response.url):
        page.evaluate(
            """() => {
                const link = document.createElement("link");
                link.rel = "stylesheet";
                link.href = "/static/no-such-style.css";
                document.head.append(link);
            }"""
        )
    with pytest.raises(AssertionError, match=r"HTTP 404 for .*/static/no-such-style\.css"):
        check_page(page)
    forget_unchecked_documents(page)


def test_a_script_error_or_console_error_fails_the_page_check(page, city):
    visit(page, "/")
    page.evaluate("() => { console.error('보이지 않는 오류'); }")
    page.evaluate("() => { setTimeout(() => { throw new Error('깨진 스크립트'); }); }")
    page.wait_for_timeout(50)
    with pytest.raises(AssertionError) as failure:
        check_page(page)
    forget_unchecked_documents(page)
    assert "console error: 보이지 않는 오류" in str(failure.value)
    assert "script error: 깨진 스크립트" in str(failure.value)


def test_requests_to_other_hosts_are_blocked_and_reported(page, city):
    visit(page, "/")
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


def test_the_page_is_a_korean_phone(page, city):
    visit(page, "/")
    assert page.viewport_size == {"width": 390, "height": 844}
    assert page.evaluate("() => navigator.language") == "ko-KR"
    assert page.evaluate("() => matchMedia('(pointer: coarse)').matches")
    assert page.locator("html").get_attribute("lang") == "ko"
