"""Reviews show on the host's page too, not only on each activity."""

from datetime import timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Activity
from tests.activities.factories import ActivityFactory, ReviewFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def past_activity(host, city, title):
    started = timezone.now() - timedelta(days=3)
    return ActivityFactory(
        host=host, region=city, title=title, starts_at=started, ends_at=started + timedelta(hours=2)
    )


def test_the_host_s_profile_shows_reviews_of_their_activities(client, city, resident):
    walk = past_activity(resident, city, "요천 아침 산책")
    ReviewFactory(activity=walk, author=UserFactory(nickname="산책러"), rating=5, text="상쾌했어요")
    ReviewFactory(
        activity=walk, author=UserFactory(nickname="걷는사람"), rating=4, text="또 갈게요"
    )

    page = client.get(f"/people/{resident.pk}/").content.decode()

    assert "주최한 활동의 후기" in page
    assert "후기 2개 · 평균 별점 4.5점" in page
    assert "상쾌했어요" in page and "산책러" in page
    assert f'href="/activities/{walk.pk}/#review-' in page


def test_a_person_who_hosted_nothing_reviewed_has_no_reviews_section(client, resident):
    page = client.get(f"/people/{resident.pk}/").content.decode()

    assert "주최한 활동의 후기" not in page


def test_reviews_of_a_draft_never_show(client, city, resident):
    draft = past_activity(resident, city, "비공개 초안")
    ReviewFactory(activity=draft, text="보이면 안 되는 후기")
    Activity.objects.filter(pk=draft.pk).update(status=Activity.Status.DRAFT)

    page = client.get(f"/people/{resident.pk}/").content.decode()

    assert "보이면 안 되는 후기" not in page


def test_the_section_runs_a_fixed_number_of_queries(
    client, city, resident, django_assert_max_num_queries
):
    for n in range(2):
        ReviewFactory(activity=past_activity(resident, city, f"모임 {n}"))
    with django_assert_max_num_queries(20) as few:
        client.get(f"/people/{resident.pk}/")
    for n in range(12):
        ReviewFactory(activity=past_activity(resident, city, f"더 많은 모임 {n}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"/people/{resident.pk}/")
