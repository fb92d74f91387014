"""The logged-in home page: what I follow first, each card with its reason, pages by cursor."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Rsvp
from sotong.interests.services import follow
from tests.activities.factories import ActivityFactory, ReviewFactory, RsvpFactory
from tests.factories import NeighbourhoodFactory, OrganizationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


def published(days_ago: float, **fields):
    return ActivityFactory(published_at=timezone.now() - timedelta(days=days_ago), **fields)


def feed_text(client, path="/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def elsewhere(db):
    return RegionFactory(name="제주시", slug="jeju")


def test_cards_come_newest_first_with_their_reason(
    client, resident, topics, city, elsewhere, second_resident
):
    organization = OrganizationFactory(region=elsewhere, name="제주 놀이 연구소", slug="jeju-play")
    follow(user=resident, target=topics[0])
    follow(user=resident, target=organization)
    follow(user=resident, target=second_resident)
    by_topic = published(1, region=elsewhere, topics=[topics[0]], title="키즈 그림책 모임")
    by_org = published(2, region=elsewhere, host_organization=organization, title="놀이터 탐방")
    by_person = published(3, region=elsewhere, host=second_resident, title="서준의 기타 교실")
    by_home = published(4, region=city, title="남원 줍깅")
    published(0.5, region=elsewhere, title="관계없는 모임")
    published(0.2, region=elsewhere, topics=[topics[1]], title="다른 주제 모임")
    client.force_login(resident)
    text = feed_text(client)
    positions = [text.index(a.title) for a in (by_topic, by_org, by_person, by_home)]
    assert positions == sorted(positions)
    assert "관계없는 모임" not in text and "다른 주제 모임" not in text
    assert "#키즈 주제를 팔로우해서" in text
    assert "‘제주 놀이 연구소’ 단체를 팔로우해서" in text
    assert "‘서준’ 님을 팔로우해서" in text
    assert "사는 지역의 활동이라서" in text


def test_an_activity_followed_twice_shows_once_among_the_newest(client, resident, topics, city):
    """Topic follows and region follows are asked apart: what both find is one card, and the
    newest of both, merged, fill the page."""
    follow(user=resident, target=topics[0])
    both = published(1, region=city, topics=[topics[0]], title="동네 키즈 모임")
    for n in range(25):
        published(2 + n / 10, region=city, title=f"동네 모임 {n:02d}")
    published(0.5, topics=[topics[0]], title="키즈 그림책 모임")
    client.force_login(resident)
    text = feed_text(client)
    assert text.count(f">{both.title}</a>") == 1
    assert text.index("키즈 그림책 모임") < text.index(both.title) < text.index("동네 모임 00")
    assert text.count('class="feed-item') == 20
    assert "동네 모임 17" in text and "동네 모임 18" not in text


def test_a_followed_city_brings_its_neighbourhoods(client, resident, elsewhere):
    ara = NeighbourhoodFactory(parent=elsewhere, name="아라동", slug="ara")
    follow(user=resident, target=elsewhere)
    published(1, region=ara, title="아라동 텃밭 모임")
    client.force_login(resident)
    text = feed_text(client)
    assert "아라동 텃밭 모임" in text
    assert "제주시 아라동 지역을 팔로우해서" in text


def test_past_own_cancelled_and_too_old_activities_stay_out(client, resident, topics, city):
    follow(user=resident, target=topics[0])
    start = timezone.now() - timedelta(days=2)
    published(
        3,
        topics=[topics[0]],
        title="끝난 모임",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    published(1, topics=[topics[0]], title="내가 연 모임", host=resident)
    published(1, topics=[topics[0]], title="취소된 모임", status="cancelled")
    published(200, topics=[topics[0]], title="오래전 올린 모임")
    client.force_login(resident)
    text = feed_text(client)
    for title in ("끝난 모임", "내가 연 모임", "취소된 모임", "오래전 올린 모임"):
        assert title not in text


def test_reviews_of_activities_i_joined(client, resident, second_resident, elsewhere):
    start = timezone.now() - timedelta(days=3)
    joined = published(
        10,
        region=elsewhere,
        title="함께 걸은 길",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    RsvpFactory(activity=joined, user=resident, status=Rsvp.Status.CONFIRMED)
    ReviewFactory(activity=joined, author=second_resident, text="다음에도 같이 걸어요.")
    ReviewFactory(activity=published(10, region=elsewhere), text="남의 모임 후기")
    client.force_login(resident)
    text = feed_text(client)
    assert "다음에도 같이 걸어요." in text and "참여한 활동이라서" in text
    assert "남의 모임 후기" not in text


def test_more_link_pages_with_a_cursor_without_repeats_or_gaps(client, resident, topics):
    follow(user=resident, target=topics[0])
    same_moment = timezone.now() - timedelta(hours=5)
    titles = [f"키즈 모임 {n:02d}" for n in range(45)]
    for n, title in enumerate(titles):
        # Three share each instant: the cursor must break ties by id.
        ActivityFactory(
            topics=[topics[0]], title=title, published_at=same_moment - timedelta(minutes=n // 3)
        )
    client.force_login(resident)
    seen: list[str] = []
    path = "/"
    for _ in range(5):
        text = feed_text(client, path)
        seen += [t for t in titles if f">{t}</a>" in text]
        if "더 보기" not in text:
            break
        cursor = text.split('href="?after=')[1].split('"')[0]
        path = f"/?after={cursor}"
    assert sorted(seen) == sorted(titles)
    assert len(seen) == len(set(seen))
    assert "최근 90일의 소식을 모두 보았습니다." in text


def test_a_broken_cursor_starts_from_the_top(client, resident, topics):
    follow(user=resident, target=topics[0])
    ActivityFactory(topics=[topics[0]], title="첫 모임")
    client.force_login(resident)
    assert "첫 모임" in feed_text(client, "/?after=not-a-cursor")


def test_nothing_followed_invites_onboarding(client, db):
    client.force_login(UserFactory(home_region=None))
    text = feed_text(client)
    assert "관심사 고르기" in text and 'href="/interests/start/"' in text


def test_anonymous_home_is_the_region_highlights(client, city):
    text = feed_text(client)
    assert '<h1 id="region-title">남원시</h1>' in text
    assert "내 소식" not in text


def _fill(city, topics, person, size: int):
    other = UserFactory()
    organization = OrganizationFactory(region=city)
    follow(user=person, target=organization)
    follow(user=person, target=other)
    for n in range(size):
        activity = ActivityFactory(
            region=city,
            topics=topics,
            host=other if n % 2 else UserFactory(),
            host_organization=organization if n % 3 else None,
        )
        past = timezone.now() - timedelta(days=1)
        done = ActivityFactory(
            region=city, topics=topics, starts_at=past, ends_at=past + timedelta(hours=1)
        )
        RsvpFactory(activity=done, user=person)
        ReviewFactory(activity=done)
        del activity


@pytest.mark.parametrize("size", [2, 12])
def test_feed_runs_a_fixed_number_of_queries(
    client, city, topics, resident, size, django_assert_num_queries
):
    follow(user=resident, target=topics[0])
    _fill(city, topics, resident, size)
    client.force_login(resident)
    client.get("/")  # warm per-process caches
    # session, me, regions, my two kinds of follows, one per source (five, + topics prefetch;
    # new activities ask topic follows and region follows apart, then read the winners),
    # the bell (the current region, my home, is found in the region list)
    with django_assert_num_queries(14):
        text = feed_text(client)
    assert text.count('class="feed-item') == min(20, size * 2)
