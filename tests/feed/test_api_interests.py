"""The interests API: my follows (logged in only) and an organisation's follower count."""

import pytest

from sotong.interests.services import follow

pytestmark = pytest.mark.django_db


def test_my_follows_need_a_login(client):
    response = client.get("/api/v1/interests/me")
    assert response.status_code == 401
    assert response.json()["detail"]


def test_my_follows_list_slugs_and_nicknames_only(
    client, resident, second_resident, city, topics, organization
):
    follow(user=resident, target=topics[0])
    follow(user=resident, target=city)
    follow(user=resident, target=organization)
    follow(user=resident, target=second_resident)
    client.force_login(resident)
    data = client.get("/api/v1/interests/me").json()
    assert data == {
        "topics": ["kids"],
        "regions": [city.slug],
        "organizations": ["play-namwon"],
        "people": [{"id": second_resident.pk, "nickname": "서준"}],
    }
    assert "@" not in str(data)


def test_organisation_follower_count(client, resident, organization):
    follow(user=resident, target=organization)
    assert client.get("/api/v1/interests/organizations/play-namwon").json() == {
        "organization": "play-namwon",
        "followers": 1,
    }
    response = client.get("/api/v1/interests/organizations/nobody")
    assert response.status_code == 404
    assert response.json()["detail"] == "단체를 찾을 수 없습니다."
