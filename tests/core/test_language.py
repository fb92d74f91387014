import pytest

pytestmark = pytest.mark.django_db


def test_a_browser_set_to_english_still_gets_korean_by_default(client, city):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert '<html lang="ko"' in response.content.decode()


def test_choosing_english_with_the_switcher_sticks(client, city):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ko-KR")

    assert '<html lang="en"' in response.content.decode()


def test_an_unknown_language_cookie_falls_back_to_korean(client, city):
    client.cookies["django_language"] = "xx"

    response = client.get("/")

    assert '<html lang="ko"' in response.content.decode()


def test_api_clients_still_negotiate_with_accept_language(client, city):
    response = client.get("/api/v1/organizations/nothing", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert "찾을 수 없습니다" not in response.json()["detail"]
