"""The region home page (/ for anonymous visitors, and /regions/<slug>/) as a visitor sees it.
Signed in, / is the personal feed (tests/feed/test_home_feed.py); it links to the region."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Activity
from sotong.organizations.models import Organization
from tests.activities.factories import ActivityFactory
from tests.factories import (
    NeighbourhoodFactory,
    OrganizationFactory,
    RegionFactory,
    TopicFactory,
    UserFactory,
)

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


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


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


def test_home_heading_is_the_region_and_its_introduction(client, city):
    city.description = "지리산 자락의 작은 도시입니다."
    city.save()
    text = page(client.get("/"))
    assert '<h1 id="region-title">남원시</h1>' in text
    assert "지리산 자락의 작은 도시입니다." in text


def test_topics_link_to_the_directory_filtered_by_region_and_topic(client, city, topics):
    text = page(client.get("/"))
    assert 'href="/organizations/?region=namwon&amp;topic=kids"' in text
    assert "🧸" in text


def test_topic_colour_is_drawn_without_inline_styles(client, city):
    TopicFactory(name="환경", slug="environment", color="#228738")
    text = page(client.get("/"))
    assert 'fill="#228738"' in text
    assert "style=" not in text.split("<main", 1)[1].split("</main>", 1)[0]


def test_kind_counts_link_to_the_filtered_directory(client, city, neighbourhood):
    OrganizationFactory(region=city)
    OrganizationFactory(region=neighbourhood)
    OrganizationFactory(region=neighbourhood, kind=Organization.Kind.GOVERNMENT)
    text = page(client.get("/"))
    assert 'href="/organizations/?region=namwon&amp;kind=resident_group"' in text
    assert "2곳" in text
    assert 'href="/organizations/?region=namwon&amp;kind=government"' in text
    # a kind without organisations is named, but is no link to an empty list
    assert "kind=school" not in text
    assert "학교·교육청" in text


def test_inactive_organisations_are_not_counted_or_shown(client, city):
    OrganizationFactory(region=city, name="문 닫은 모임", is_active=False)
    text = page(client.get("/"))
    assert "문 닫은 모임" not in text
    assert "이 지역에는 아직 등록된 단체가 없습니다" in text


def test_recent_organisations_are_cards_newest_first(client, city):
    for number in range(8):
        OrganizationFactory(region=city, name=f"모임 번호 {number}", slug=f"group-{number}")
    text = page(client.get("/"))
    assert text.index("모임 번호 7") < text.index("모임 번호 6")
    assert "모임 번호 1" not in text  # six shown; the rest behind "모두 보기"
    assert 'href="/organizations/?region=namwon&amp;sort=newest"' in text


def test_city_home_lists_its_neighbourhoods(client, city, neighbourhood):
    text = page(client.get("/"))
    assert 'href="/regions/dongchung/"' in text
    assert "동충동" in text


def test_anonymous_visitor_is_invited_to_sign_up(client, city):
    text = page(client.get("/"))
    assert "회원가입하고 함께하기" in text
    assert text.count('href="/accounts/signup/"') >= 2


def test_resident_is_not_asked_to_sign_up_again(client, city, resident):
    client.force_login(resident)
    text = page(client.get("/regions/namwon/"))
    assert "회원가입하고 함께하기" not in text
    assert 'href="/accounts/signup/"' not in text


def test_neighbourhood_page_shows_only_that_neighbourhoods_organisations(
    client, city, neighbourhood
):
    elsewhere = NeighbourhoodFactory(parent=city, name="금동", slug="geum")
    OrganizationFactory(region=neighbourhood, name="동충동 그림책 모임")
    OrganizationFactory(region=elsewhere, name="금동 텃밭 모임")
    OrganizationFactory(region=city, name="남원시 전체 모임")
    text = page(client.get("/regions/dongchung/"))
    assert '<h1 id="region-title">남원시 동충동</h1>' in text
    assert "동충동 그림책 모임" in text
    assert "금동 텃밭 모임" not in text
    assert "남원시 전체 모임" not in text
    assert 'href="/organizations/?region=dongchung"' in text


def test_neighbourhood_page_leads_back_to_its_city_and_its_sibling_neighbourhoods(
    client, city, neighbourhood
):
    NeighbourhoodFactory(parent=city, name="금동", slug="geum")
    text = page(client.get("/regions/dongchung/"))
    assert 'aria-label="현재 위치"' in text
    assert 'href="/regions/namwon/"' in text
    assert "남원시의 다른 동네" in text
    assert 'href="/regions/geum/"' in text
    assert 'href="/regions/dongchung/" aria-current="page"' in text


def test_city_page_includes_its_neighbourhoods_organisations(client, city, neighbourhood):
    OrganizationFactory(region=neighbourhood, name="동충동 그림책 모임")
    text = page(client.get("/regions/namwon/"))
    assert "동충동 그림책 모임" in text


def test_visiting_a_region_makes_it_the_home_page_region(client, city, jeju):
    assert '<h1 id="region-title">남원시</h1>' in page(client.get("/"))
    page(client.get("/regions/jeju/"))
    assert '<h1 id="region-title">제주시</h1>' in page(client.get("/"))


def test_visiting_a_neighbourhood_makes_its_city_the_home_page_region(client, city, jeju):
    NeighbourhoodFactory(parent=jeju, name="아라동", slug="ara")
    page(client.get("/regions/ara/"))
    assert '<h1 id="region-title">제주시</h1>' in page(client.get("/"))


def test_residents_home_page_leads_to_their_home_region(client, city, jeju):
    client.force_login(UserFactory(nickname="한라", home_region=jeju))
    assert 'href="/regions/jeju/">제주시 둘러보기</a>' in page(client.get("/"))


def test_unknown_or_inactive_region_is_a_korean_404(client, city):
    RegionFactory(name="없어진 시", slug="gone", is_active=False)
    for path in ("/regions/nowhere/", "/regions/gone/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "페이지를 찾을 수 없습니다" in response.content.decode()


def test_region_switcher_preselects_the_region_being_viewed(client, city, neighbourhood):
    text = page(client.get("/regions/dongchung/"))
    assert '<option value="dongchung" selected>' in text
    assert '<option value="namwon">' in text


def test_region_switcher_groups_neighbourhoods_under_their_city(client, city, neighbourhood, jeju):
    text = page(client.get("/"))
    assert '<form class="inner site-region-form" method="get" action="/regions/">' in text
    assert '<optgroup label="남원시">' in text
    assert '<optgroup label="제주시">' in text
    assert "남원시 전체" in text


def small_region(city, neighbourhood, topics):
    OrganizationFactory(region=city, slug="only-one")


def bigger_region(city, neighbourhood, topics):
    many_topics = [TopicFactory(name=f"주제 {n}", slug=f"many-topic-{n}") for n in range(15)]
    for n in range(8):
        NeighbourhoodFactory(parent=city, name=f"{n}리", slug=f"ri-{n}")
    for n in range(30):
        organization = OrganizationFactory(
            region=neighbourhood if n % 2 else city,
            slug=f"many-{n}",
            kind=list(Organization.Kind)[n % len(Organization.Kind)],
        )
        organization.topics.set(many_topics[: n % 6] + topics)
    for n in range(12):
        activity = ActivityFactory(region=neighbourhood if n % 2 else city, title=f"모임 {n}")
        activity.topics.set(many_topics[: n % 4] + topics)


@pytest.mark.parametrize("make_data", [small_region, bigger_region])
@pytest.mark.parametrize("path", ["/", "/regions/namwon/", "/regions/dongchung/"])
def test_region_pages_run_a_fixed_number_of_queries(
    client, city, neighbourhood, topics, resident, make_data, path, django_assert_max_num_queries
):
    make_data(city, neighbourhood, topics)
    # + the follower count, the pinned notices (and a city's neighbourhoods for them)
    with django_assert_max_num_queries(15):
        page(client.get(path))
    client.force_login(resident)
    with django_assert_max_num_queries(17):
        page(client.get(path))


def test_home_shows_the_region_s_upcoming_activities_only(client, city, neighbourhood, jeju):
    soon = ActivityFactory(region=neighbourhood, title="동충동 놀이터 탐방")
    ActivityFactory(
        region=city,
        title="지난달 원탁회의",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30, hours=-2),
    )
    ActivityFactory(region=city, title="아직 초안인 모임", status=Activity.Status.DRAFT)
    ActivityFactory(region=jeju, title="제주 오름 걷기", latitude=33.5, longitude=126.5)

    text = page(client.get("/"))

    assert soon.title in text
    assert "지난달 원탁회의" not in text
    assert "아직 초안인 모임" not in text
    assert "제주 오름 걷기" not in text


def test_home_invites_the_first_activity_when_there_is_none(client, city):
    text = page(client.get("/"))

    assert "아직 예정된 활동이 없습니다" in text
    assert 'href="/activities/new/"' in text
