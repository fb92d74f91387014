import re

import pytest

from sotong.organizations.models import Organization
from tests.factories import NeighbourhoodFactory, OrganizationFactory, RegionFactory, UserFactory
from tests.organizations.helpers import image_upload, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def jeju(db):
    return RegionFactory(
        name="제주시", slug="jeju", latitude=33.5, longitude=126.5,
        bound_south=33.2, bound_west=126.1, bound_north=33.6, bound_east=126.9,
    )  # fmt: skip


def names_on(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_directory_lists_active_organisations_with_their_card(client, organization, topics):
    organization.topics.set(topics[:1])
    Organization.objects.filter(pk=organization.pk).update(member_count=7)
    OrganizationFactory(name="문 닫은 모임", is_active=False, region=organization.region)
    text = names_on(client.get("/organizations/"))
    assert "놀이와 놀이터 남원시민 모임" in text
    assert "주민모임" in text
    assert "남원시" in text
    assert "키즈" in text
    assert "아이들의 놀이 환경을 함께 바꾸는 모임" in text
    assert "구성원 7명" in text
    assert "문 닫은 모임" not in text
    assert "단체 1곳" in text


def test_directory_shows_the_logo(client, organization):
    organization.logo.save("logo.jpg", image_upload())
    text = names_on(client.get("/organizations/"))
    assert organization.logo.url in text


def test_city_filter_includes_its_neighbourhoods(client, city, neighbourhood, jeju):
    OrganizationFactory(name="동충동 주민자치회", region=neighbourhood)
    OrganizationFactory(name="남원시 청년회", region=city)
    OrganizationFactory(name="제주 오름 지킴이", region=jeju)
    text = names_on(client.get("/organizations/?region=namwon"))
    assert "동충동 주민자치회" in text
    assert "남원시 청년회" in text
    assert "제주 오름 지킴이" not in text
    assert "단체 2곳" in text


def test_neighbourhood_filter_shows_only_that_neighbourhood(client, city, neighbourhood):
    OrganizationFactory(name="동충동 주민자치회", region=neighbourhood)
    OrganizationFactory(name="남원시 청년회", region=city)
    text = names_on(client.get("/organizations/?region=dongchung"))
    assert "동충동 주민자치회" in text
    assert "남원시 청년회" not in text


def test_kind_topic_and_text_filters_combine(client, city, topics):
    cafe = OrganizationFactory(
        name="카페 마실", kind=Organization.Kind.COMPANY, region=city, summary="모임을 여는 카페"
    )
    cafe.topics.set([topics[1]])
    school = OrganizationFactory(
        name="남원초등학교", kind=Organization.Kind.SCHOOL, region=city, summary="음악 동아리"
    )
    school.topics.set([topics[1]])
    text = names_on(client.get("/organizations/?kind=company&topic=music"))
    assert "카페 마실" in text and "남원초등학교" not in text
    text = names_on(client.get("/organizations/?q=동아리"))
    assert "남원초등학교" in text and "카페 마실" not in text
    text = names_on(client.get("/organizations/?q=마실&kind=school"))
    assert "조건에 맞는 단체가 없습니다" in text


def test_sort_by_newest_puts_the_latest_first(client, city):
    OrganizationFactory(name="가나다 모임", region=city)
    OrganizationFactory(name="하하하 모임", region=city)
    by_name = names_on(client.get("/organizations/?sort=name"))
    assert by_name.index("가나다 모임") < by_name.index("하하하 모임")
    newest = names_on(client.get("/organizations/?sort=newest"))
    assert newest.index("하하하 모임") < newest.index("가나다 모임")


def test_unknown_filter_values_get_a_korean_message_not_an_error(client, organization):
    response = client.get("/organizations/?kind=cult&region=atlantis&topic=nope&sort=random")
    text = names_on(response)
    assert "알 수 없는 종류입니다" in text
    assert "알 수 없는 지역입니다" in text
    assert "알 수 없는 주제입니다" in text
    assert "놀이와 놀이터 남원시민 모임" in text


def test_hostile_and_over_long_queries_are_answered_safely(client, organization):
    text = names_on(client.get("/organizations/", {"q": "<script>alert(1)</script>"}))
    assert "<script>alert(1)</script>" not in text
    text = names_on(client.get("/organizations/", {"q": "가" * 500}))
    assert "검색어는 100자까지" in text


def test_pages_hold_24_cards_and_keep_the_filters_in_links(client, city):
    for number in range(30):
        OrganizationFactory(name=f"모임 {number:02d}", region=city)
    first = names_on(client.get("/organizations/?region=namwon"))
    assert first.count('class="org-card"') == 24
    assert "모임 00" in first and "모임 23" in first and "모임 24" not in first
    next_link = re.search(r'href="\?([^"]*)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "after=" in next_link and "region=namwon" in next_link
    second = names_on(client.get(f"/organizations/?{next_link}"))
    assert second.count('class="org-card"') == 6
    assert "모임 24" in second and "모임 29" in second and "모임 23" not in second
    assert 'rel="next"' not in second


def test_nonsense_cursors_show_the_first_page_and_say_so(client, organization):
    for cursor in ("abc", "9" * 2000, "eyJvIjoiLXBrIiwidiI6WzFdfQ"):
        response = client.get("/organizations/", {"after": cursor, "region": ""})
        assert response.status_code == 200
        text = names_on(response)
        assert organization.name in text
        assert "처음부터 보여 드립니다" in text


def newest_cursor(client) -> str:
    """The second page's cursor, as the first page's "다음 쪽" link carries it."""
    text = client.get("/organizations/?sort=newest").content.decode()
    return re.search(r'after=([^&"]+)', text).group(1)


def make_organizations(count, region, topics):
    for number in range(count):
        organization = OrganizationFactory(name=f"모임 {number}", region=region)
        organization.topics.set(topics)
        organization.logo.name = "organizations/logo.jpg"
        organization.save(update_fields=["logo"])


def test_directory_runs_the_same_queries_for_5_or_60_organisations(client, city, topics):
    make_organizations(5, city, topics)
    few = queries_for(client, "/organizations/?region=namwon&topic=kids")
    make_organizations(55, city, topics)
    many = queries_for(client, "/organizations/?region=namwon&topic=kids")
    assert few == many
    assert many <= 10


def test_directory_query_count_is_fixed_for_a_logged_in_visitor(client, city, topics):
    client.force_login(UserFactory())
    make_organizations(5, city, topics)
    few = queries_for(client, "/organizations/")
    make_organizations(55, city, topics)
    many = queries_for(client, "/organizations/?sort=newest&after=" + newest_cursor(client))
    assert few == many
    assert many <= 12


def test_neighbourhood_cards_name_their_city(client, city):
    NeighbourhoodFactory(parent=city, name="도통동", slug="dotong")
    OrganizationFactory(name="도통동 합창단", region=city.children.get())
    assert "남원시 도통동" in names_on(client.get("/organizations/"))


def test_without_a_region_choice_the_directory_shows_the_city_being_looked_at(
    client, city, neighbourhood, jeju
):
    OrganizationFactory(name="동충동 주민자치회", region=neighbourhood)
    OrganizationFactory(name="제주 오름 지킴이", region=jeju)
    client.get("/regions/jeju/")  # the visitor switched to 제주시
    text = names_on(client.get("/organizations/"))
    assert "제주 오름 지킴이" in text
    assert "동충동 주민자치회" not in text
    assert '<option value="jeju" selected>' in text


def test_all_regions_is_a_choice(client, city, neighbourhood, jeju):
    OrganizationFactory(name="동충동 주민자치회", region=neighbourhood)
    OrganizationFactory(name="제주 오름 지킴이", region=jeju)
    text = names_on(client.get("/organizations/?region="))
    assert "제주 오름 지킴이" in text
    assert "동충동 주민자치회" in text
    assert "단체 2곳" in text


def test_residents_start_from_their_home_city(client, city, jeju):
    OrganizationFactory(name="남원시 청년회", region=city)
    OrganizationFactory(name="제주 오름 지킴이", region=jeju)
    client.force_login(UserFactory(home_region=jeju))
    text = names_on(client.get("/organizations/"))
    assert "제주 오름 지킴이" in text
    assert "남원시 청년회" not in text


def test_directory_speaks_english_when_chosen(client, organization, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    text = names_on(client.get("/organizations/"))
    assert "Find organisations" in text
    assert "1 organisation" in text
    assert "Resident group" in text


def test_a_nul_character_in_the_query_is_refused_politely(client, organization):
    response = client.get("/organizations/", {"q": "모임\x00", "kind": "\x00"})
    assert response.status_code == 200
    assert "놀이와 놀이터 남원시민 모임" in response.content.decode()
