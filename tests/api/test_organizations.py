import pytest

from sotong.organizations.models import Membership
from tests.api.conftest import add_member, remove_account
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [organization["slug"] for organization in response.json()["items"]]


def test_directory_lists_active_organisations_by_name(client, directory):
    response = client.get("/api/v1/organizations")

    assert slugs(response) == [
        "namwon-community-centre",
        "play-namwon",
        "dongchung-choir",
        "ido-garden",
    ]
    assert response.json()["next_cursor"] is None


def test_directory_entry_carries_kind_region_topics_and_member_count(client, directory):
    add_member(directory["play"], "놀이터지기")
    add_member(directory["play"], "조용한이웃", public=False)

    entries = client.get("/api/v1/organizations").json()["items"]
    play = next(entry for entry in entries if entry["slug"] == "play-namwon")

    assert play["name"] == "놀이와 놀이터 남원시민 모임"
    assert play["kind"] == "resident_group"
    assert play["kind_label"] == "주민모임"
    assert play["region"] == {
        "id": directory["play"].region_id,
        "name": "남원시",
        "slug": "namwon",
        "level": "city",
    }
    assert [topic["slug"] for topic in play["topics"]] == ["local-agenda", "kids"]
    assert play["member_count"] == 2
    assert play["web_url"] == "/organizations/play-namwon/"


def test_city_filter_includes_its_neighbourhoods(client, directory):
    response = client.get("/api/v1/organizations?region=namwon")

    assert set(slugs(response)) == {"play-namwon", "dongchung-choir", "namwon-community-centre"}


def test_neighbourhood_filter_keeps_to_that_neighbourhood(client, directory):
    assert slugs(client.get("/api/v1/organizations?region=dongchung")) == ["dongchung-choir"]
    assert slugs(client.get("/api/v1/organizations?region=jeju")) == ["ido-garden"]


def test_kind_filter(client, directory):
    response = client.get("/api/v1/organizations?kind=intermediary")

    assert slugs(response) == ["namwon-community-centre"]


def test_topic_filter(client, directory):
    response = client.get("/api/v1/organizations?topic=local-agenda")

    assert slugs(response) == ["namwon-community-centre", "play-namwon"]


def test_search_looks_in_name_and_summary(client, directory):
    assert slugs(client.get("/api/v1/organizations?q=합창")) == ["dongchung-choir"]
    assert slugs(client.get("/api/v1/organizations?q=텃밭에서")) == ["ido-garden"]
    assert slugs(client.get("/api/v1/organizations?q=없는말")) == []


def test_filters_combine(client, directory):
    response = client.get("/api/v1/organizations?region=namwon&kind=resident_group&topic=kids")

    assert slugs(response) == ["play-namwon"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("region=busan", "region", "이런 지역이 없습니다."),
        ("topic=astronomy", "topic", "이런 주제가 없습니다."),
        ("kind=club", "kind", None),
        ("region=Not%20A%20Slug", "region", "이런 지역이 없습니다."),
    ],
)
def test_unknown_filter_values_are_a_422_naming_the_field(client, directory, query, field, message):
    response = client.get(f"/api/v1/organizations?{query}")

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == f"입력값을 확인해 주세요: {field}"
    assert [error["field"] for error in body["errors"]] == [field]
    if message:
        assert body["errors"][0]["message"] == message
    else:
        assert "resident_group" in body["errors"][0]["message"]


def test_pages_hold_twenty_by_default_and_follow_the_cursor(client, city):
    for number in range(25):
        OrganizationFactory(name=f"모임 {number:02d}", slug=f"group-{number:02d}", region=city)

    first = client.get("/api/v1/organizations").json()
    second = client.get(f"/api/v1/organizations?limit=10&cursor={first['next_cursor']}").json()

    assert len(first["items"]) == 20 and first["limit"] == 20
    assert "count" not in first and "offset" not in first
    assert [item["slug"] for item in second["items"]] == [f"group-{n}" for n in range(20, 25)]
    assert second["next_cursor"] is None


def test_a_page_may_hold_up_to_a_hundred(client, directory):
    assert client.get("/api/v1/organizations?limit=100").status_code == 200
    assert client.get("/api/v1/organizations?limit=1").json()["limit"] == 1
    response = client.get("/api/v1/organizations?cursor=not-a-cursor")
    assert response.status_code == 422
    assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=101", "100 이하여야 합니다."),
        ("limit=0", "1 이상이어야 합니다."),
        ("limit=-5", "1 이상이어야 합니다."),
        ("cursor=" + "x" * 1001, "1000자 이하로 입력하세요."),
        ("limit=99999999999999999999999999999999", "100 이하여야 합니다."),
        ("limit=ten", "정수를 입력하세요."),
        ("limit=2.5", "정수를 입력하세요."),
    ],
)
def test_page_bounds_are_enforced_with_a_message(client, directory, query, message):
    response = client.get(f"/api/v1/organizations?{query}")

    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == message


def test_directory_runs_the_same_queries_for_four_organisations_or_sixty(
    client, directory, topics, django_assert_max_num_queries
):
    url = "/api/v1/organizations?region=namwon&topic=kids&limit=100"
    with django_assert_max_num_queries(6):
        assert len(client.get(url).json()["items"]) == 1
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/organizations?limit=100").json()["items"]) == 4

    city = directory["play"].region
    for number in range(60):
        organization = OrganizationFactory(name=f"모임 {number}", region=city)
        organization.topics.set(topics)
        add_member(organization, f"회원{number}")

    with django_assert_max_num_queries(6):
        assert len(client.get(url).json()["items"]) == 61
    with django_assert_max_num_queries(3):
        assert len(client.get("/api/v1/organizations?limit=100").json()["items"]) == 64


def test_detail_lists_members_who_chose_to_be_shown_by_nickname_only(client, directory):
    play = directory["play"]
    add_member(play, "새싹")
    add_member(play, "숨은이웃", public=False)
    add_member(play, "놀이터지기", role=Membership.Role.ADMIN)

    response = client.get("/api/v1/organizations/play-namwon")

    assert response.status_code == 200
    body = response.json()
    assert [member["nickname"] for member in body["members"]] == ["놀이터지기", "새싹"]
    assert all(set(member) == {"id", "nickname"} for member in body["members"])
    assert body["member_count"] == 3
    assert body["public_member_count"] == 2
    assert [topic["name"] for topic in body["topics"]] == ["지역의제", "키즈"]
    assert body["summary"] == "아이들이 마음껏 뛰노는 놀이터를 함께 만듭니다"


def test_detail_leaves_out_people_who_deleted_their_account(client, directory):
    gone = add_member(directory["play"], "떠난이웃")
    add_member(directory["play"], "남은이웃")
    remove_account(gone)

    body = client.get("/api/v1/organizations/play-namwon").json()

    assert [member["nickname"] for member in body["members"]] == ["남은이웃"]
    assert body["public_member_count"] == 1


def test_unknown_or_dissolved_organisation_is_a_404_in_korean(client, directory):
    for url in ["/api/v1/organizations/nothing-here", "/api/v1/organizations/dissolved"]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "단체를 찾을 수 없습니다."}


def test_member_list_is_paginated_and_public_only(client, directory):
    play = directory["play"]
    for number in range(30):
        add_member(play, f"이웃{number:02d}", public=number % 3 != 0)

    first = client.get("/api/v1/organizations/play-namwon/members?limit=15").json()
    rest = client.get("/api/v1/organizations/play-namwon/members?limit=15&offset=15").json()

    assert first["count"] == 20
    nicknames = [member["nickname"] for member in first["items"] + rest["items"]]
    assert nicknames == [f"이웃{n:02d}" for n in range(30) if n % 3 != 0]


def test_member_list_of_unknown_organisation_is_a_404(client, directory):
    assert client.get("/api/v1/organizations/nothing-here/members").status_code == 404


def test_detail_and_members_run_the_same_queries_for_two_members_or_eighty(
    client, directory, django_assert_max_num_queries
):
    play = directory["play"]
    add_member(play, "첫째")
    add_member(play, "둘째")
    with django_assert_max_num_queries(4):
        assert len(client.get("/api/v1/organizations/play-namwon").json()["members"]) == 2
    with django_assert_max_num_queries(3):
        client.get("/api/v1/organizations/play-namwon/members")

    for number in range(80):
        add_member(play, f"이웃{number}")

    with django_assert_max_num_queries(4):
        assert len(client.get("/api/v1/organizations/play-namwon").json()["members"]) == 50
    with django_assert_max_num_queries(3):
        assert client.get("/api/v1/organizations/play-namwon/members").json()["count"] == 82
