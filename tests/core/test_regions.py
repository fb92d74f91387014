"""The list of regions (/regions/) and the header's region switcher that goes through it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NeighbourhoodFactory, OrganizationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jeju(db):
    return RegionFactory(
        name="제주시",
        slug="jeju",
        order=1,
        latitude=33.4996,
        longitude=126.5312,
        bound_south=33.34,
        bound_west=126.14,
        bound_north=33.57,
        bound_east=126.98,
    )


def test_regions_page_lists_cities_with_their_neighbourhoods(client, city, neighbourhood, jeju):
    NeighbourhoodFactory(parent=jeju, name="아라동", slug="ara")
    response = client.get("/regions/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "<h1>지역</h1>" in text
    assert text.index("남원시") < text.index("동충동") < text.index("제주시") < text.index("아라동")
    for slug in ("namwon", "dongchung", "jeju", "ara"):
        assert f'href="/regions/{slug}/"' in text


def test_regions_page_counts_active_organisations_per_place(client, city, neighbourhood):
    OrganizationFactory(region=neighbourhood)
    OrganizationFactory(region=neighbourhood)
    OrganizationFactory(region=city)
    OrganizationFactory(region=neighbourhood, is_active=False)
    text = client.get("/regions/").content.decode()
    assert "단체 3곳" in text
    assert "(단체 2곳)" in text


def test_regions_page_leaves_out_inactive_regions(client, city):
    NeighbourhoodFactory(parent=city, name="옛동", slug="old-dong", is_active=False)
    assert "옛동" not in client.get("/regions/").content.decode()


def test_regions_page_works_without_any_region(client, db):
    response = client.get("/regions/")
    assert response.status_code == 200
    assert "아직 등록된 지역이 없습니다" in response.content.decode()


def test_region_switcher_sends_the_visitor_to_the_chosen_region(client, city, neighbourhood):
    response = client.get("/regions/?region=dongchung")
    assert response.status_code == 302
    assert response["Location"] == "/regions/dongchung/"


@pytest.mark.parametrize(
    "wanted", ["nowhere", "", "<script>alert(1)</script>", "가" * 500, "namwon/../admin"]
)
def test_region_switcher_with_an_unknown_region_says_so_in_korean(client, city, wanted):
    response = client.get("/regions/", {"region": wanted})
    assert response.status_code == 404
    text = response.content.decode()
    assert "찾는 지역이 없습니다. 아래 목록에서 골라 주세요." in text
    assert "<script>alert(1)</script>" not in text
    assert 'href="/regions/namwon/"' in text


def test_region_switcher_ignores_inactive_regions(client, city):
    NeighbourhoodFactory(parent=city, name="옛동", slug="old-dong", is_active=False)
    assert client.get("/regions/?region=old-dong").status_code == 404


def test_regions_page_runs_a_fixed_number_of_queries(
    client, city, jeju, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        client.get("/regions/")
    for n in range(20):
        neighbourhood = NeighbourhoodFactory(parent=jeju if n % 2 else city)
        OrganizationFactory(region=neighbourhood)
    with django_assert_max_num_queries(3):
        client.get("/regions/")


def _looked_at(response) -> str:
    """The city the header's region switcher marks as the one being looked at."""
    return re.search(r'<option value="([\w-]+)" selected>', response.content.decode())[1]


def test_the_region_looked_at_is_the_chosen_one_else_home_else_the_first(client, city, jeju):
    ara = NeighbourhoodFactory(parent=jeju, name="아라동", slug="ara")
    assert _looked_at(client.get("/activities/")) == "namwon"  # the first city
    client.force_login(UserFactory(home_region=ara))

    assert _looked_at(client.get("/activities/")) == "jeju"  # home, a neighbourhood: its city
    client.get("/regions/namwon/")  # chosen, kept in the session
    assert _looked_at(client.get("/activities/")) == "namwon"


def test_a_home_region_no_longer_active_still_gives_its_city(client, city, jeju):
    gone = NeighbourhoodFactory(parent=jeju, name="옛동", slug="old-dong", is_active=False)
    client.force_login(UserFactory(home_region=gone))

    assert _looked_at(client.get("/activities/")) == "jeju"


def test_a_home_region_is_found_in_the_region_list_without_a_query_of_its_own(client, city, jeju):
    client.force_login(UserFactory(home_region=jeju))
    client.get("/activities/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/activities/")

    assert _looked_at(response) == "jeju"
    # Whole regions are read once, the list; (the list's filter asks for the city's ids apart.)
    whole = 'SELECT "core_region"."id", "core_region"."name"'
    region_reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith(whole)]
    assert len(region_reads) == 1, [sql[:120] for sql in region_reads]


def test_the_region_switcher_shows_a_renamed_or_new_region_at_once(client, city, neighbourhood):
    def switcher() -> str:
        page = client.get("/regions/").content.decode()
        return page.split('id="site-region-select"')[1].split("</select>")[0]

    assert "남원시 동충동" in switcher()
    neighbourhood.name = "새동충동"
    neighbourhood.save()
    assert "남원시 새동충동" in switcher() and "남원시 동충동" not in switcher()
    NeighbourhoodFactory(parent=city, name="향교동", slug="hyanggyo")
    assert "남원시 향교동" in switcher()
