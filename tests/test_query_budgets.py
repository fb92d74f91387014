"""Query budgets: each main page runs the number of SQL queries written here, whatever the data.

Every page is counted on a tiny generated city and on one five times bigger; both counts must
equal the budget. A page whose count grows with the data (an N+1) fails on the bigger city; a
change that adds or saves a query fails on both and updates the budget here on purpose.

Counted on the second request of a client (the first warms per-process caches such as the
Site and ContentType caches), as a busy server sees it.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from sotong.accounts.models import User
from sotong.activities import map as activity_map
from sotong.activities.models import Activity, Rsvp
from sotong.core.models import Region
from sotong.demo.scale.generate import GENERATED_EMAIL_DOMAIN, generate_city
from sotong.demo.scale.scales import SCALES
from sotong.demo.seed import seed_demo
from sotong.organizations.models import Membership, Organization

pytestmark = pytest.mark.django_db

# page → SQL queries per request. Change a number only together with the code that changes it.
BUDGETS = {
    "healthz (floor)": 0,
    "home, anonymous": 10,  # region highlights + follower count + pinned notices (2)
    "home, logged in": 14,  # follows (2) + one query per source (5; new activities 3) + the bell
    "organisations": 4,  # key-based pages; the default city read off the region list
    "organisations, filtered": 4,
    # +1 the follow button (follower count), +1 whether the archive holds its records
    "organisation page, anonymous": 6,
    "organisation page, its admin": 12,
    "activities": 5,  # key-based pages: no COUNT(*); regions once per request
    "activities, filtered": 5,
    "activities, past": 4,
    # activity (region off the frame's list, record joined), topics, regions, reviews (the
    # rating worked out from them)
    "activity page (past, reviews), anonymous": 4,
    "activity page (past, reviews), participant": 9,  # org/region admin asked in one query
    "activity page (past, reviews), host": 8,
    "activity page (upcoming), anonymous": 4,  # a date of a series: +1 (its other dates)
    # + session, user, their sign-up, who manages it, the bell (their home region is looked up
    # in the region list)
    "activity page (upcoming), logged in": 9,
    "activity map page": 4,
    "map data, whole city (clusters)": 5,
    "map data, neighbourhood (points)": 4,
    "calendar month": 4,  # one query: the shown rows and each day's count, by local day
    "calendar week": 4,
    "api regions": 1,
    "api topics": 1,
    "api organisations": 2,  # key-based pages: no COUNT(*)
    "api organisations, filtered": 4,
    "api organisation": 4,
    "api organisation members": 3,
    "api activities": 4,
    "api activities, filtered": 5,
    "api activity": 3,
    "api activity reviews": 4,
    "api activities map (clusters)": 4,
}


@dataclass
class Targets:
    """The data-dependent objects the pages show: the biggest, busiest ones of each city."""

    organization: Organization
    organization_admin: User
    resident: User
    past_activity: Activity
    participant: User
    upcoming_activity: Activity
    upcoming_participant: User  # signed up, not its host: the page asks who manages it
    city: Region


def bbox(region: Region) -> str:
    return ",".join(str(value) for value in region.bounds)


@dataclass(frozen=True)
class Page:
    url: Callable[[Targets], str]
    user: Callable[[Targets], User | None] = lambda targets: None
    cluster_threshold: int | None = None


PAGES: dict[str, Page] = {
    "healthz (floor)": Page(lambda t: "/healthz"),
    "home, anonymous": Page(lambda t: "/"),
    "home, logged in": Page(lambda t: "/", lambda t: t.resident),
    "organisations": Page(lambda t: "/organizations/"),
    "organisations, filtered": Page(
        lambda t: "/organizations/?region=namwon&kind=resident_group&sort=newest&q=모임"
    ),
    "organisation page, anonymous": Page(lambda t: f"/organizations/{t.organization.slug}/"),
    "organisation page, its admin": Page(
        lambda t: f"/organizations/{t.organization.slug}/", lambda t: t.organization_admin
    ),
    "activities": Page(lambda t: "/activities/"),
    # Filters the busiest upcoming activity matches, so the list is never empty.
    "activities, filtered": Page(
        lambda t: (
            f"/activities/?region={t.upcoming_activity.region.parent.slug}"
            f"&topic={t.upcoming_activity.topics.first().slug}&topic=music"
            f"&kind={t.upcoming_activity.kind}&kind=class&sort=popular"
        )
    ),
    "activities, past": Page(lambda t: "/activities/?when=past&region=&page=3"),
    "activity page (past, reviews), anonymous": Page(
        lambda t: f"/activities/{t.past_activity.pk}/"
    ),
    "activity page (past, reviews), participant": Page(
        lambda t: f"/activities/{t.past_activity.pk}/", lambda t: t.participant
    ),
    "activity page (past, reviews), host": Page(
        lambda t: f"/activities/{t.past_activity.pk}/", lambda t: t.past_activity.host
    ),
    "activity page (upcoming), anonymous": Page(lambda t: f"/activities/{t.upcoming_activity.pk}/"),
    "activity page (upcoming), logged in": Page(
        lambda t: f"/activities/{t.upcoming_activity.pk}/", lambda t: t.upcoming_participant
    ),
    "activity map page": Page(lambda t: "/activities/map/"),
    # Map data answers points up to a threshold, then clusters (one query more): each page is
    # pinned to one mode, since a tiny city never has enough activities to cluster.
    "map data, whole city (clusters)": Page(
        lambda t: f"/activities/map/data.json?bbox={bbox(t.city)}&zoom=11&region={t.city.slug}",
        cluster_threshold=0,
    ),
    "map data, neighbourhood (points)": Page(
        lambda t: f"/activities/map/data.json?bbox={bbox(t.upcoming_activity.region)}&zoom=15",
        cluster_threshold=1_000_000,
    ),
    "calendar month": Page(
        lambda t: f"/activities/calendar/?month={t.upcoming_activity.starts_at:%Y-%m}"
    ),
    "calendar week": Page(
        lambda t: (
            "/activities/calendar/?week="
            + "{}-W{:02d}".format(*t.upcoming_activity.starts_at.isocalendar()[:2])
        )
    ),
    "api regions": Page(lambda t: "/api/v1/regions"),
    "api topics": Page(lambda t: "/api/v1/topics"),
    "api organisations": Page(lambda t: "/api/v1/organizations?limit=100"),
    "api organisations, filtered": Page(
        lambda t: "/api/v1/organizations?region=namwon&kind=resident_group&topic=music&limit=100"
    ),
    "api organisation": Page(lambda t: f"/api/v1/organizations/{t.organization.slug}"),
    "api organisation members": Page(
        lambda t: f"/api/v1/organizations/{t.organization.slug}/members?limit=100"
    ),
    "api activities": Page(lambda t: "/api/v1/activities?limit=100"),
    "api activities, filtered": Page(
        lambda t: (
            f"/api/v1/activities?region={t.city.slug}&kind={t.upcoming_activity.kind}"
            f"&topic={t.upcoming_activity.topics.first().slug}&limit=100"
        )
    ),
    "api activity": Page(lambda t: f"/api/v1/activities/{t.past_activity.pk}"),
    "api activity reviews": Page(
        lambda t: f"/api/v1/activities/{t.past_activity.pk}/reviews?limit=100"
    ),
    "api activities map (clusters)": Page(
        lambda t: f"/api/v1/activities/map?bbox={bbox(t.city)}&zoom=11",
        cluster_threshold=0,
    ),
}

DATASETS = {"tiny": SCALES["tiny"], "5× tiny": SCALES["tiny"].times(5)}


def find_targets() -> Targets:
    generated = User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}")
    organization = Organization.objects.order_by("-member_count", "pk").first()
    # Hosted by an organisation, so the page checks the viewer's role in it (one query more).
    hosted = Activity.objects.filter(host_organization__isnull=False)
    past = (
        hosted.filter(status=Activity.Status.PUBLISHED, reviews__isnull=False)
        .annotate(review_total=Count("reviews"))
        .order_by("-review_total", "pk")
        .first()
    )
    # One date of no series (a series' page reads its other dates: one query more), with seats
    # left: which activity is busiest depends on the day the city is generated relative to, and
    # the page must not change its shape with it.
    upcoming = (
        hosted.published()
        .upcoming()
        .with_seats_left()
        .filter(series__isnull=True)
        .order_by("-confirmed_count", "pk")
        .first()
    )
    resident = (
        generated.annotate(membership_total=Count("memberships"))
        .order_by("-membership_total", "pk")
        .first()
    )
    return Targets(
        organization=organization,
        organization_admin=Membership.objects.filter(
            organization=organization, role=Membership.Role.ADMIN
        )
        .order_by("pk")
        .first()
        .user,
        resident=resident,
        past_activity=past,
        participant=Rsvp.objects.filter(activity=past, status=Rsvp.Status.CONFIRMED)
        .exclude(user=past.host)
        .order_by("pk")
        .first()
        .user,
        upcoming_activity=upcoming,
        upcoming_participant=Rsvp.objects.filter(activity=upcoming, status=Rsvp.Status.CONFIRMED)
        .exclude(user=upcoming.host)
        .order_by("pk")
        .first()
        .user,
        city=upcoming.region.city,
    )


@pytest.fixture(scope="module", params=list(DATASETS))
def city(request, django_db_setup, django_db_blocker):
    """The demo city plus a generated one (tiny, then five times bigger), rolled back after."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast, django_db_blocker.unblock(), transaction.atomic():
        seed_demo()
        generate_city(DATASETS[request.param], seed=5, password_hash=make_password("x"))
        yield find_targets()
        transaction.set_rollback(True)


def count_queries(page: Page, targets: Targets) -> tuple[int, list[str]]:
    client = Client()
    user = page.user(targets)
    if user is not None:
        client.force_login(user)
    url = page.url(targets)
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("name", list(PAGES))
def test_page_runs_its_query_budget_whatever_the_data_size(city, name, monkeypatch):
    page = PAGES[name]
    if page.cluster_threshold is not None:
        monkeypatch.setattr(activity_map, "CLUSTER_THRESHOLD", page.cluster_threshold)
    count, queries = count_queries(page, city)
    listing = "\n".join(f"  {number}. {sql[:300]}" for number, sql in enumerate(queries, 1))
    assert count == BUDGETS[name], f"{name}: {count} queries, budget {BUDGETS[name]}\n{listing}"


def test_every_page_has_a_budget():
    assert set(PAGES) == set(BUDGETS)
