import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_region_and_its_topics(client, city, topics, organization):
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "남원시" in text
    assert "키즈" in text
    assert "놀이와 놀이터 남원시민 모임" in text


def test_home_works_on_an_empty_database(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "아직 등록된 지역이 없습니다" in response.content.decode()


def test_healthz_is_plain_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
