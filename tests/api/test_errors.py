"""Bad input gets a JSON answer in Korean with a 4xx status, never a 500."""

import logging
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import NinjaAPI
from ninja.errors import AuthorizationError
from ninja.testing import TestClient

from sotong.api.errors import install_error_handlers

pytestmark = pytest.mark.django_db

HANGUL = re.compile(r"[가-힣]")
LONG = "가" * 10_000

BAD_REQUESTS = [
    ("/api/v1/organizations?limit=abc", 422),
    ("/api/v1/organizations?limit=-1", 422),
    ("/api/v1/organizations?limit=1e309", 422),
    ("/api/v1/organizations?cursor=" + "9" * 1001, 422),
    ("/api/v1/organizations?cursor=%00", 422),
    ("/api/v1/organizations?kind=" + LONG, 422),
    ("/api/v1/organizations?kind=<script>alert(1)</script>", 422),
    ("/api/v1/organizations?q=" + LONG, 422),
    ("/api/v1/organizations?q=%00", 422),
    ("/api/v1/organizations?q=%1b%5b2J", 422),
    ("/api/v1/organizations?region=" + LONG, 422),
    ("/api/v1/organizations?region=%00", 422),
    ("/api/v1/organizations?topic=%27%20OR%201%3D1%20--", 422),
    ("/api/v1/topics?region=" + "a" * 81, 422),
    ("/api/v1/topics?region=%00", 422),
    # A control character never reaches PostgreSQL (which refuses NUL in text) from any list.
    ("/api/v1/search?q=놀이터&region=%00", 422),
    ("/api/v1/search?q=%00", 422),
    ("/api/v1/search?kind=%00", 422),
    ("/api/v1/notices?region=%00", 422),
    ("/api/v1/notices?cursor=%00", 422),
    ("/api/v1/questions?topic=%00", 422),
    ("/api/v1/proposals?region=%00", 422),
    ("/api/v1/proposals?topic=a%00", 422),
    ("/api/v1/archive/records?organization=%00", 422),
    ("/api/v1/organizations/" + "a" * 10_000, 404),
    ("/api/v1/organizations/%00", 404),
    ("/api/v1/organizations/<script>", 404),
    ("/api/v1/organizations/" + LONG + "/members", 404),
    ("/api/v1/organizations/play-namwon/members?limit=0", 422),
    ("/api/v1/regions/" + LONG, 404),
    ("/api/v1/regions/..%2F..%2Fetc", 404),
    ("/api/v1/regions/NAMWON", 404),
    ("/api/v1/no-such-thing", 404),
    ("/api/v1/regions/namwon/extra/parts", 404),
]


@pytest.mark.parametrize(("url", "status"), BAD_REQUESTS, ids=lambda value: str(value)[:60])
def test_bad_input_gets_a_korean_json_error_not_a_server_error(client, organization, url, status):
    response = client.get(url)

    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert HANGUL.search(body["detail"])
    if status == 422:
        assert body["errors"], body
        assert all(error["field"] in body["detail"] for error in body["errors"])
        assert all(HANGUL.search(error["message"]) for error in body["errors"])


def test_validation_error_lists_every_field_at_fault(client):
    response = client.get("/api/v1/organizations/play-namwon/members?limit=500&offset=-3")

    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("입력값을 확인해 주세요: ")
    assert all(field in body["detail"] for field in ("limit", "offset"))
    assert {error["field"] for error in body["errors"]} == {"limit", "offset"}
    assert {error["location"] for error in body["errors"]} == {"query"}


def test_other_methods_on_unknown_paths_also_get_json(client):
    response = client.post("/api/v1/not-here", data="{}", content_type="application/json")

    assert response.status_code == 404
    assert response.json() == {"detail": "이런 API 주소는 없습니다."}


def test_messages_follow_the_visitors_language(client):
    response = client.get("/api/v1/organizations/nothing", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"detail": "Organisation not found."}


def test_health_check_still_answers(client):
    response = client.get("/api/v1/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


# The read-only endpoints never refuse a logged-in person, so the 403 and service-error paths
# that later write endpoints rely on are exercised on a small API of their own.


@pytest.fixture
def failing_api() -> TestClient:
    api = NinjaAPI(urls_namespace="api-error-handling-test")
    install_error_handlers(api)

    @api.get("/denied-by-rules")
    def denied_by_rules(request):
        raise PermissionDenied("이 단체를 고칠 권한이 없습니다.")

    @api.get("/denied-without-reason")
    def denied_without_reason(request):
        raise PermissionDenied

    @api.get("/not-authorised")
    def not_authorised(request):
        raise AuthorizationError

    @api.get("/rejected-by-service")
    def rejected_by_service(request):
        raise DjangoValidationError({"name": ["이름을 입력하세요."]})

    @api.get("/broken")
    def broken(request):
        raise RuntimeError("a bug")

    return TestClient(api)


def test_permission_denied_is_a_403_with_the_reason(failing_api):
    response = failing_api.get("/denied-by-rules")

    assert response.status_code == 403
    assert response.json() == {"detail": "이 단체를 고칠 권한이 없습니다."}


def test_permission_denied_without_reason_still_says_why_in_korean(failing_api):
    for path in ["/denied-without-reason", "/not-authorised"]:
        response = failing_api.get(path)
        assert response.status_code == 403
        assert response.json() == {"detail": "이 작업을 할 권한이 없습니다."}


def test_service_validation_error_is_a_422_naming_the_field(failing_api):
    response = failing_api.get("/rejected-by-service")

    assert response.status_code == 422
    assert response.json() == {
        "detail": "이름을 입력하세요.",
        "errors": [{"field": "name", "location": "body", "message": "이름을 입력하세요."}],
    }


def test_a_bug_answers_json_and_is_logged_with_its_traceback(failing_api, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = failing_api.get("/broken")

    assert response.status_code == 500
    assert response.json() == {"detail": "서버에서 문제가 생겼습니다. 잠시 뒤 다시 시도해 주세요."}
    assert "a bug" not in response.content.decode()
    assert any(record.exc_info and "a bug" in str(record.exc_info[1]) for record in caplog.records)
