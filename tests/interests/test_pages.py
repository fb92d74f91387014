"""Follow buttons, 내 관심사 and onboarding, as people use them (plain POST forms, no JS)."""

import pytest

from sotong.interests.models import Follow
from sotong.interests.selectors import follower_count
from sotong.interests.services import follow
from tests.conftest import ROLES
from tests.factories import NeighbourhoodFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_anonymous_sees_a_login_link_with_the_count_and_cannot_post(client, organization):
    text = client.get(organization.get_absolute_url()).content.decode()
    assert "로그인하고 팔로우" in text
    assert "팔로워 0명" in text
    response = client.post(f"/interests/follow/organization/{organization.pk}/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
    assert not Follow.objects.exists()


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_every_role_follows_an_organisation_from_its_page(
    role, user_for_role, client_for, organization
):
    client = client_for(user_for_role(role))
    page = organization.get_absolute_url()
    response = client.post(
        f"/interests/follow/organization/{organization.pk}/",
        {"action": "follow", "next": page},
        follow=True,
    )
    text = response.content.decode()
    assert response.redirect_chain[-1][0] == page
    assert "팔로잉" in text and "팔로워 1명" in text
    assert "‘놀이와 놀이터 남원시민 모임’을(를) 팔로우합니다." in text
    client.post(
        f"/interests/follow/organization/{organization.pk}/", {"action": "unfollow", "next": page}
    )
    assert follower_count(organization) == 0


def test_following_a_person_and_a_region(client, resident, second_resident, city):
    client.force_login(resident)
    profile = second_resident.get_absolute_url()
    assert "팔로우" in client.get(profile).content.decode()
    client.post(f"/interests/follow/person/{second_resident.pk}/", {"action": "follow"})
    client.post(f"/interests/follow/region/{city.pk}/", {"action": "follow"})
    assert "팔로워 1명" in client.get(profile).content.decode()
    assert "팔로워 1명" in client.get(city.get_absolute_url()).content.decode()
    # No button on one's own profile.
    own = client.get(resident.get_absolute_url()).content.decode()
    assert "interests/follow/person" not in own


def test_a_foreign_next_is_ignored(client, resident, organization):
    client.force_login(resident)
    response = client.post(
        f"/interests/follow/organization/{organization.pk}/",
        {"action": "follow", "next": "https://evil.example/"},
    )
    assert response.url == organization.get_absolute_url()


def test_mine_lists_every_follow_and_unfollows(client, resident, second_resident, city, topics):
    organization = OrganizationFactory(region=city, name="요천 환경 지킴이", slug="yocheon")
    client.force_login(resident)
    for kind, pk in (
        ("topic", topics[0].pk),
        ("region", city.pk),
        ("organization", organization.pk),
        ("person", second_resident.pk),
    ):
        client.post(f"/interests/follow/{kind}/{pk}/", {"action": "follow"})
    text = client.get("/interests/").content.decode()
    for name in ("#키즈", "남원시", "요천 환경 지킴이", "서준"):
        assert name in text
    client.post(
        f"/interests/follow/topic/{topics[0].pk}/", {"action": "unfollow", "next": "/interests/"}
    )
    assert "팔로우한 주제가 없습니다." in client.get("/interests/").content.decode()
    assert not resident.interests.exists()


def test_mine_needs_a_login(client):
    assert client.get("/interests/").status_code == 302


def test_onboarding_keeps_topics_regions_and_adds_organisations(client, city, topics):
    dong = NeighbourhoodFactory(parent=city, name="동충동", slug="dongchung")
    organization = OrganizationFactory(region=city, name="남원 키즈 놀이터", slug="kids-play")
    organization.topics.set([topics[0]])
    person = UserFactory(nickname="새주민", home_region=city)
    person.interests.set([topics[0]])
    client.force_login(person)
    text = client.get("/interests/start/").content.decode()
    assert "남원 키즈 놀이터" in text and "동충동" in text
    response = client.post(
        "/interests/start/",
        {
            "topics": [topics[0].pk, topics[1].pk],
            "regions": [dong.pk],
            "organizations": [organization.pk],
        },
    )
    assert response.status_code == 302 and response.url == "/"
    assert set(person.interests.values_list("slug", flat=True)) == {"kids", "music"}
    assert list(
        Follow.objects.filter(follower=person).regions().values_list("region_id", flat=True)
    ) == [dong.pk]
    assert Follow.objects.filter(follower=person, organization=organization).exists()
    # Run again without the neighbourhood: the form is the whole truth for topics and regions.
    client.post("/interests/start/", {"topics": [topics[1].pk]})
    assert not Follow.objects.filter(follower=person).regions().exists()
    assert list(person.interests.values_list("slug", flat=True)) == ["music"]


def test_onboarding_refuses_a_topic_that_is_not_offered_in_korean(client, resident, topics):
    client.force_login(resident)
    response = client.post("/interests/start/", {"topics": ["999999"]})
    assert response.status_code == 200
    text = response.content.decode()
    assert "올바르게 선택해 주세요" in text
    assert 'id="id_topics_error"' in text


def test_signup_sends_a_new_resident_to_onboarding(client, city):
    text = client.get("/accounts/signup/").content.decode()
    assert 'name="next" value="/interests/start/"' in text


def test_mine_offers_every_topic_with_its_follow_state_and_count(
    client, resident, second_resident, topics, django_assert_max_num_queries
):
    follow(user=second_resident, target=topics[1])
    follow(user=resident, target=topics[1])
    client.force_login(resident)
    client.get("/interests/")
    with django_assert_max_num_queries(12):
        text = client.get("/interests/").content.decode()
    section = text.split('id="mine-all-topics"')[1].split("</section>")[0]
    assert section.count("팔로워 2명") == 1 and section.count("팔로워 0명") == 2
    assert section.count(">팔로잉<") == 1
    response = client.post(
        f"/interests/follow/topic/{topics[0].pk}/", {"action": "follow", "next": "/interests/"}
    )
    assert response.url == "/interests/"
    assert set(resident.interests.values_list("slug", flat=True)) == {"kids", "music"}
