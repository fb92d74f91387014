"""The operators' admin for regions, topics and region roles, in Korean."""

import pytest

from sotong.core.models import Region, RegionRole
from tests.factories import NeighbourhoodFactory, RegionFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


CHANGELISTS = ["/admin/core/region/", "/admin/core/topic/", "/admin/core/regionrole/"]


@pytest.fixture
def jeju(db):
    return RegionFactory(
        name="제주시",
        slug="jeju",
        latitude=33.4996,
        longitude=126.5312,
        bound_south=33.34,
        bound_west=126.14,
        bound_north=33.57,
        bound_east=126.98,
    )


@pytest.fixture
def staff_region_admin(region_admin):
    region_admin.is_staff = True
    region_admin.save()
    return region_admin


def test_admin_index_is_in_korean_for_an_admin(client_for, admin_user, city):
    response = client_for(admin_user).get("/admin/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "소통 운영 관리" in text
    assert "지역과 주제" in text


@pytest.mark.parametrize("url", CHANGELISTS)
def test_admin_changelists_load_for_an_admin(client_for, admin_user, neighbourhood, topics, url):
    RegionRole.objects.create(region=neighbourhood.parent, user=admin_user, role="facilitator")

    response = client_for(admin_user).get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/admin/", *CHANGELISTS])
@pytest.mark.parametrize("role", ["anonymous", "resident", "org_admin", "official", "facilitator"])
def test_admin_sends_everyone_but_staff_to_the_admin_log_in(client_for, user_for_role, role, url):
    response = client_for(user_for_role(role)).get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_region_changelist_can_be_filtered_by_city_and_searched(
    client_for, admin_user, neighbourhood, jeju
):
    client = client_for(admin_user)

    by_city = client.get(f"/admin/core/region/?parent__id__exact={neighbourhood.parent_id}")
    search = client.get("/admin/core/region/?q=제주")

    assert "동충동" in by_city.content.decode()
    assert "제주시" not in by_city.content.decode()
    assert "제주시" in search.content.decode()
    assert "동충동" not in search.content.decode()


def test_city_change_page_lists_its_neighbourhoods(client_for, admin_user, neighbourhood):
    response = client_for(admin_user).get(f"/admin/core/region/{neighbourhood.parent_id}/change/")

    assert response.status_code == 200
    assert "동충동" in response.content.decode()


def test_topic_order_and_use_are_editable_in_the_list(client_for, admin_user, topics):
    text = client_for(admin_user).get("/admin/core/topic/").content.decode()

    assert 'name="form-0-order"' in text
    assert 'name="form-0-is_active"' in text


def test_admin_refuses_a_neighbourhood_outside_its_city(client_for, admin_user, city):
    response = client_for(admin_user).post(
        "/admin/core/region/add/",
        {
            "name": "엉뚱동",
            "slug": "namwon-wrong",
            "parent": city.pk,
            "level": "neighbourhood",
            "order": 1,
            "is_active": "on",
            "latitude": 37.5,
            "longitude": 127.0,
            "bound_south": 37.49,
            "bound_west": 126.99,
            "bound_north": 37.51,
            "bound_east": 127.01,
        },
    )

    assert response.status_code == 200
    assert "상위 지역(남원시)의 경계 안에" in response.content.decode()
    assert not Region.objects.filter(slug="namwon-wrong").exists()


def test_admin_refuses_a_centre_outside_the_bounds(client_for, admin_user):
    response = client_for(admin_user).post(
        "/admin/core/region/add/",
        {
            "name": "광주시",
            "slug": "gwangju",
            "level": "city",
            "order": 1,
            "latitude": 35.16,
            "longitude": 126.85,
            "bound_south": 35.0,
            "bound_west": 127.0,
            "bound_north": 35.3,
            "bound_east": 127.2,
        },
    )

    assert response.status_code == 200
    assert "중심점이 경계 안에" in response.content.decode()
    assert not Region.objects.filter(slug="gwangju").exists()


def test_region_admin_with_staff_access_sees_only_their_city(
    client_for, staff_region_admin, neighbourhood, jeju
):
    client = client_for(staff_region_admin)

    listing = client.get("/admin/core/region/")
    other_city = client.get(f"/admin/core/region/{jeju.pk}/change/")
    own_city = client.get(f"/admin/core/region/{neighbourhood.parent_id}/change/")

    assert listing.status_code == 200
    assert "동충동" in listing.content.decode()
    assert "제주시" not in listing.content.decode()
    assert other_city.status_code == 302
    assert own_city.status_code == 200
    assert client.get("/admin/core/region/add/").status_code == 403


def test_region_admin_gives_a_role_in_their_city_by_nickname(
    client_for, staff_region_admin, city, resident
):
    response = client_for(staff_region_admin).post(
        "/admin/core/regionrole/add/",
        {"member": "지민", "region": city.pk, "role": "facilitator"},
    )

    assert response.status_code == 302
    assert RegionRole.objects.filter(user=resident, region=city, role="facilitator").exists()


def test_region_admin_cannot_give_a_role_in_another_city(
    client_for, staff_region_admin, jeju, resident
):
    response = client_for(staff_region_admin).post(
        "/admin/core/regionrole/add/",
        {"member": "지민", "region": jeju.pk, "role": "admin"},
    )

    assert response.status_code == 200
    assert not RegionRole.objects.filter(user=resident, region=jeju).exists()


def test_role_form_explains_an_unknown_member_and_a_duplicate(
    client_for, admin_user, city, facilitator
):
    client = client_for(admin_user)

    unknown = client.post(
        "/admin/core/regionrole/add/", {"member": "없는사람", "region": city.pk, "role": "admin"}
    )
    duplicate = client.post(
        "/admin/core/regionrole/add/",
        {"member": "facilitator@example.kr", "region": city.pk, "role": "facilitator"},
    )

    assert "그런 닉네임이나 이메일을 쓰는 회원이 없습니다" in unknown.content.decode()
    assert "이미 이 지역에서 그 역할을 맡고 있습니다" in duplicate.content.decode()
    assert RegionRole.objects.filter(region=city).count() == 1


def test_region_changelist_runs_a_fixed_number_of_queries(
    client_for, admin_user, city, django_assert_max_num_queries
):
    client = client_for(admin_user)
    NeighbourhoodFactory.create_batch(2, parent=city)
    client.get("/admin/core/region/")  # warm the session and content-type caches
    with django_assert_max_num_queries(12) as small:
        client.get("/admin/core/region/")

    NeighbourhoodFactory.create_batch(30, parent=city)
    for n in range(10):
        TopicFactory(region=city, slug=f"city-topic-{n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/admin/core/region/")
    assert response.status_code == 200


def test_a_staff_member_without_a_region_role_gets_no_region_pages(client_for, city):
    clerk = UserFactory(email="clerk@example.kr", nickname="사무원", is_staff=True)

    response = client_for(clerk).get("/admin/core/region/")

    assert response.status_code == 403
