import pytest

from tests.factories import NeighbourhoodFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_region_list_gives_each_city_followed_by_its_neighbourhoods(
    client, city, neighbourhood, jeju, ido
):
    response = client.get("/api/v1/regions")

    assert response.status_code == 200
    assert [region["slug"] for region in response.json()] == [
        "namwon",
        "dongchung",
        "jeju",
        "ido1",
    ]


def test_region_list_gives_centre_bounds_level_and_parent(client, city, neighbourhood):
    regions = {region["slug"]: region for region in client.get("/api/v1/regions").json()}

    assert regions["namwon"] == {
        "id": city.pk,
        "name": "남원시",
        "slug": "namwon",
        "level": "city",
        "full_name": "남원시",
        "parent_id": None,
        "centre": {"latitude": 35.4164, "longitude": 127.3905},
        "bounds": {"south": 35.28, "west": 127.20, "north": 35.58, "east": 127.65},
    }
    assert regions["dongchung"]["level"] == "neighbourhood"
    assert regions["dongchung"]["parent_id"] == city.pk
    assert regions["dongchung"]["full_name"] == "남원시 동충동"


def test_region_list_leaves_out_regions_no_longer_in_use(client, city, neighbourhood):
    neighbourhood.is_active = False
    neighbourhood.save()

    slugs = [region["slug"] for region in client.get("/api/v1/regions").json()]

    assert slugs == ["namwon"]


def test_region_detail_names_its_parent_and_its_neighbourhoods(client, city, neighbourhood):
    city_response = client.get("/api/v1/regions/namwon")
    neighbourhood_response = client.get("/api/v1/regions/dongchung")

    assert city_response.status_code == 200
    assert city_response.json()["parent"] is None
    assert [child["name"] for child in city_response.json()["children"]] == ["동충동"]
    assert neighbourhood_response.json()["parent"]["slug"] == "namwon"
    assert neighbourhood_response.json()["children"] == []


def test_unknown_region_is_a_404_in_korean(client, city):
    response = client.get("/api/v1/regions/seoul")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "지역을 찾을 수 없습니다."}


def test_inactive_region_is_not_found(client, city, neighbourhood):
    neighbourhood.is_active = False
    neighbourhood.save()

    assert client.get("/api/v1/regions/dongchung").status_code == 404


def test_region_pages_run_the_same_queries_for_two_regions_or_forty(
    client, city, django_assert_max_num_queries
):
    NeighbourhoodFactory(parent=city)
    with django_assert_max_num_queries(1):
        assert len(client.get("/api/v1/regions").json()) == 2
    with django_assert_max_num_queries(2):
        assert client.get("/api/v1/regions/namwon").status_code == 200

    for number in range(20):
        other = RegionFactory(name=f"다른시{number}", slug=f"other-{number}")
        NeighbourhoodFactory(parent=other)
    NeighbourhoodFactory.create_batch(10, parent=city)

    with django_assert_max_num_queries(1):
        assert len(client.get("/api/v1/regions").json()) == 52
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/regions/namwon").json()["children"]) == 11
