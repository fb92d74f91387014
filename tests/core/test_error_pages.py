"""Error pages speak Korean, and the 500 page needs neither the database nor the frame."""

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = "tests.core.error_urls"
    settings.DEBUG = False


def test_unknown_page_is_a_korean_404_inside_the_frame(client, city):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    text = response.content.decode()
    assert '<h1 id="error-title">페이지를 찾을 수 없습니다</h1>' in text
    assert '<a href="#main">본문 바로가기</a>' in text
    assert 'href="/"' in text


def test_permission_denied_is_a_korean_403_with_the_reason(error_urls, city):
    response = Client().get("/test-errors/forbidden/")
    assert response.status_code == 403
    text = response.content.decode()
    assert "접근 권한이 없습니다" in text
    assert "이 단체를 관리할 권한이 없습니다." in text
    assert 'href="/accounts/login/?next=/test-errors/forbidden/"' in text


def test_bad_request_is_a_korean_400(error_urls, city):
    response = Client().get("/test-errors/suspicious/")
    assert response.status_code == 400
    text = response.content.decode()
    assert "잘못된 요청입니다" in text
    assert "tampered" not in text


def test_server_error_is_a_korean_500_without_details(error_urls, city):
    response = Client(raise_request_exception=False).get("/test-errors/broken/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "일시적인 오류가 발생했습니다" in text
    assert '<html lang="ko">' in text
    assert "RuntimeError" not in text and "a bug" not in text


def test_the_500_page_renders_without_database_or_context_processors(
    django_assert_num_queries,
):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = defaults.server_error(request)
    assert response.status_code == 500
    assert "일시적인 오류가 발생했습니다" in response.content.decode()


def test_the_500_and_400_templates_stand_alone():
    for name in ("500.html", "400.html"):
        text = render_to_string(name)
        assert "{%" not in text and "<main" in text
        assert "base.html" not in text


def test_csrf_failure_is_explained_in_korean(city):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    assert "보안 확인에 실패했습니다" in response.content.decode()
