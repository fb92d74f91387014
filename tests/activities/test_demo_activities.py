"""The demo city's activities: a living 남원시 around the day the demo is filled."""

from io import StringIO

import pytest
from django.db import transaction
from django.db.models import Count, F, Q
from django.test import Client, override_settings
from django.utils import timezone

from sotong.activities.models import Activity, ActivitySeries, Review, Rsvp
from sotong.core.models import Region, Topic
from sotong.demo.progress import Progress
from sotong.demo.seed import seed_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo filled once for this module and rolled back after it."""
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    out = StringIO()
    progress = Progress(lambda message, ending="\n": out.write(message + ending))
    with fast_hashing, django_db_blocker.unblock(), transaction.atomic():
        seed_demo(progress)
        yield out.getvalue()
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {
        "activities": Activity.objects.count(),
        "series": ActivitySeries.objects.count(),
        "rsvps": Rsvp.objects.count(),
        "reviews": Review.objects.count(),
        "topic links": Activity.topics.through.objects.count(),
    }


def test_demo_has_hundreds_of_activities_in_namwon_and_some_in_jeju(demo):
    namwon = Region.objects.get(slug="namwon")
    jeju = Region.objects.get(slug="jeju")

    assert Activity.objects.filter(region_id__in=namwon.family_ids()).count() >= 300
    assert Activity.objects.filter(region_id__in=jeju.family_ids()).count() >= 20
    assert "activities" in demo and "reviews" in demo


def test_every_kind_every_topic_and_most_neighbourhoods_are_covered(demo):
    namwon = Region.objects.get(slug="namwon")
    published = Activity.objects.published()

    assert set(published.values_list("kind", flat=True)) == set(Activity.Kind.values)
    used_topics = set(published.values_list("topics__slug", flat=True))
    assert used_topics >= {"play", "local-agenda", "culture", "rural-life", "music", "crafts"}
    assert len(used_topics) >= Topic.objects.count() - 2
    neighbourhoods = set(published.values_list("region__slug", flat=True))
    assert len(neighbourhoods & set(namwon.children.values_list("slug", flat=True))) >= 18


def test_activities_lie_around_today_three_months_each_way(demo):
    now = timezone.now()
    published = Activity.objects.published()
    upcoming = published.filter(starts_at__gt=now)
    past = published.filter(ends_at__lt=now)

    assert upcoming.count() >= 120
    assert past.count() >= 100
    assert upcoming.filter(starts_at__lt=now + timezone.timedelta(days=7)).count() >= 10
    assert not published.filter(starts_at__gt=now + timezone.timedelta(days=100)).exists()
    assert not published.filter(starts_at__lt=now - timezone.timedelta(days=100)).exists()


def test_hosts_are_residents_groups_and_the_city(demo):
    published = Activity.objects.published()

    residents = published.filter(host_organization__isnull=True)
    city = published.filter(host_organization__kind="government")
    groups = published.filter(host_organization__isnull=False).exclude(
        host_organization__kind="government"
    )
    assert residents.count() >= 30 and city.count() >= 30 and groups.count() >= 60
    hosting = set(published.values_list("host_organization__slug", flat=True))
    assert {"namwon-community-center", "namwon-culture-city", "namwon-play"} <= hosting


def test_regular_gatherings_are_series_of_weekly_occurrences(demo):
    assert ActivitySeries.objects.count() >= 6
    for series in ActivitySeries.objects.annotate(n=Count("occurrences")):
        assert series.n >= 8, series
        days = {a.starts_at.weekday() for a in series.occurrences.all()}
        assert len(days) == 1, series


def test_some_activities_are_full_with_a_waiting_list(demo):
    full = Activity.objects.filter(
        capacity__isnull=False, confirmed_count=F("capacity"), waiting_count__gt=0
    )

    assert full.filter(starts_at__gt=timezone.now()).count() >= 5
    for activity in full[:10]:
        positions = list(
            activity.rsvps.filter(status=Rsvp.Status.WAITING)
            .order_by("position")
            .values_list("position", flat=True)
        )
        assert positions == list(range(1, activity.waiting_count + 1))


def test_counters_equal_the_rows_they_count(demo):
    activities = Activity.objects.annotate(
        confirmed=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.CONFIRMED)),
        waiting=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.WAITING)),
    )

    assert not activities.exclude(confirmed_count=F("confirmed")).exists()
    assert not activities.exclude(waiting_count=F("waiting")).exists()
    assert not Activity.objects.filter(capacity__lt=F("confirmed_count")).exists()
    assert Rsvp.objects.count() >= 2000
    assert not Rsvp.objects.filter(user=F("activity__host")).exists()


def test_reviews_are_by_confirmed_participants_of_past_published_activities_only(demo):
    reviews = Review.objects.select_related("activity")

    assert reviews.count() >= 200
    assert not reviews.filter(activity__ends_at__gte=timezone.now()).exists()
    assert not reviews.exclude(activity__status=Activity.Status.PUBLISHED).exists()
    confirmed = set(
        Rsvp.objects.filter(status=Rsvp.Status.CONFIRMED).values_list("activity_id", "user_id")
    )
    assert set(reviews.values_list("activity_id", "author_id")) <= confirmed
    assert set(reviews.values_list("rating", flat=True)) >= {3, 4, 5}
    assert all("\uac00" <= review.text[0] <= "\ud7a3" for review in reviews[:50])


def test_coordinates_lie_inside_each_activitys_neighbourhood(demo):
    located = Activity.objects.filter(latitude__isnull=False).select_related("region")

    assert located.count() == Activity.objects.count()
    for activity in located:
        assert activity.region.parent_id is not None, activity
        assert activity.region.contains_point(activity.latitude, activity.longitude), activity


def test_the_readme_resident_can_review_and_is_waiting(demo):
    resident = Rsvp.objects.filter(user__email="resident@sotong.local")

    past = resident.filter(status=Rsvp.Status.CONFIRMED, activity__ends_at__lt=timezone.now())
    assert past.count() == 2
    assert resident.filter(status=Rsvp.Status.WAITING).exists()
    assert (
        Activity.objects.filter(
            host__email="resident@sotong.local", status=Activity.Status.DRAFT
        ).count()
        == 2
    )


def test_the_map_of_namwon_shows_upcoming_activities_on_first_visit(demo):
    response = Client().get("/api/v1/activities/map?bbox=35.29,127.18,35.56,127.68&zoom=11")

    assert response.status_code == 200
    assert response.json()["total"] >= 100


def test_a_second_run_adds_nothing(demo):
    before = counts()
    out = StringIO()
    seed_demo(Progress(lambda message, ending="\n": out.write(message + ending)))

    assert counts() == before
