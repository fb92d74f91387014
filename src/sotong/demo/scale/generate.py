"""Generates a whole city on top of the demo's regions and topics, deterministically.

Every stage draws from its own `random.Random(seed, stage)`, so the same seed and scale give
the same rows (names, texts, times relative to the anchor day, ids on an empty database).
Rows go in as tuples through `TableWriter` (COPY on PostgreSQL), never as model objects.
Counters (members, confirmed and waiting sign-ups) are planned with the rows they count, so
they always match.

Generated people have e-mails ending in GENERATED_EMAIL_DOMAIN; that is how the command
tells whether (and at which scale) a database already holds a generated city.
"""

import random
import time
from array import array
from bisect import bisect
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import accumulate
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.db import connection, transaction

from sotong.accounts.models import User
from sotong.activities.models import (
    Activity,
    ActivitySeries,
    Audience,
    Review,
    Rsvp,
    encode_audience,
)
from sotong.core.models import Region, Topic
from sotong.demo import people
from sotong.demo.progress import Progress
from sotong.demo.scale import participation, words
from sotong.demo.scale.scales import Scale
from sotong.demo.scale.writer import (
    TableWriter,
    analyze,
    next_id,
    reset_sequences,
    timestamp,
    use_connection,
)
from sotong.organizations.models import Membership, Organization

GENERATED_EMAIL_DOMAIN = "scale.sotong.local"
KST = ZoneInfo("Asia/Seoul")
DAY = 86_400
HOUR = 3_600

STAGE_PEOPLE, STAGE_ORGANIZATIONS, STAGE_ACTIVITIES, STAGE_RSVPS, STAGE_REVIEWS = range(1, 6)


@dataclass
class Place:
    """A neighbourhood activities happen in and residents live in."""

    id: int
    slug: str
    name: str
    city_id: int
    city_slug: str
    city_name: str
    bounds: tuple[float, float, float, float]
    weight: int


@dataclass
class OrganizationPlan:
    id: int
    kind: str
    place: Place
    topic_ids: list[int]
    members: list[int]  # user ids, admins first


@dataclass
class StageTiming:
    label: str
    rows: int
    seconds: float


@dataclass
class City:
    """What the stages share while one city is generated."""

    scale: Scale
    seed: int
    anchor: date
    progress: Progress
    now: int = 0  # the anchor day's midnight in Korea, as a Unix time
    places: list[Place] = field(default_factory=list)
    topic_ids: dict[str, int] = field(default_factory=dict)
    first_user: int = 0
    user_count: int = 0
    users_by_place: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    users_by_city: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    organizations: list[OrganizationPlan] = field(default_factory=list)
    activity_plans: list["ActivityPlan"] = field(default_factory=list)
    reviewable_activity: array = field(default_factory=lambda: array("l"))
    reviewable_user: array = field(default_factory=lambda: array("l"))
    proposal_titles: list[tuple[int, str]] = field(default_factory=list)
    record_titles: list[tuple[int, str]] = field(default_factory=list)
    timings: list[StageTiming] = field(default_factory=list)
    password: str = ""

    def rng(self, stage: int) -> random.Random:
        return random.Random(self.seed * 100 + stage)

    def place_weights(self) -> list[int]:
        return list(accumulate(p.weight for p in self.places))


@dataclass
class ActivityPlan:
    id: int
    status: str
    starts: int
    ends: int
    created: int
    signups: int = 0
    cancelled: int = 0
    confirmed: int = 0
    waiting: int = 0
    title: str = ""


def _epoch(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=KST).timestamp())


def _timed(label: str, city: City, work: Callable[[], int]) -> None:
    started = time.perf_counter()
    rows = work()
    city.timings.append(StageTiming(label, rows, time.perf_counter() - started))


def _load_places(city: City) -> None:
    neighbourhoods = (
        Region.objects.filter(is_active=True, parent__isnull=False, parent__parent__isnull=True)
        .select_related("parent")
        .order_by("pk")
    )
    for region in neighbourhoods:
        city.places.append(
            Place(
                id=region.pk,
                slug=region.slug,
                name=region.name,
                city_id=region.parent_id,
                city_slug=region.parent.slug,
                city_name=region.parent.name,
                bounds=region.bounds,
                weight=people.NAMWON_WEIGHTS.get(region.slug, 4),
            )
        )
    if not city.places:
        raise RuntimeError("No neighbourhoods: run the demo seed (sotong_demo) first.")
    city.topic_ids = dict(Topic.objects.order_by("pk").values_list("slug", "pk"))


def _nickname_places(place: Place) -> str:
    return place.city_slug if place.city_slug in people.PLACES else "namwon"


# --- people ---------------------------------------------------------------------------------


def generate_people(city: City) -> int:
    rng = city.rng(STAGE_PEOPLE)
    count = city.scale.residents
    city.first_user = next_id(User)
    city.user_count = count
    cumulative = city.place_weights()
    topic_ids = list(city.topic_ids.values())
    joined_from = city.now - (city.scale.years_past + 1) * 365 * DAY
    users = TableWriter(
        User,
        [
            "id",
            "password",
            "email",
            "nickname",
            "home_region",
            "bio",
            "profile_visibility",
            "show_interests",
            "show_organizations",
            "is_staff",
            "is_superuser",
            "is_active",
            "date_joined",
        ],
    )
    interest_rows: list[tuple] = []
    email_rows: list[tuple] = []
    first_interest = next_id(User.interests.through)
    first_email = next_id(EmailAddress)

    def rows():
        for number in range(count):
            user_id = city.first_user + number
            place = city.places[bisect(cumulative, rng.random() * cumulative[-1])]
            city.users_by_place[place.id].append(user_id)
            city.users_by_city[place.city_id].append(user_id)
            # The underscore keeps "abc1_23" and "abc12_3" apart: nicknames stay unique.
            nickname = f"{people._nickname(rng, _nickname_places(place))}_{number + 1}"
            bios = people.JEJU_BIOS if place.city_slug == "jeju" else people.NAMWON_BIOS
            bio = rng.choice(bios).format(region=place.name) if rng.random() < 0.35 else ""
            email = f"resident{number + 1:06d}@{GENERATED_EMAIL_DOMAIN}"
            for topic_id in rng.sample(topic_ids, rng.randint(1, 4)):
                interest_rows.append((first_interest + len(interest_rows), user_id, topic_id))
            email_rows.append((first_email + number, user_id, email, True, True))
            yield (
                user_id,
                city.password,
                email,
                nickname,
                place.id,
                bio,
                rng.choices(("public", "members", "private"), (80, 15, 5))[0],
                rng.random() < 0.9,
                rng.random() < 0.85,
                False,
                False,
                True,
                timestamp(joined_from + rng.randrange(city.now - joined_from)),
            )

    with city.progress.stage("people", count) as stage:
        users.write(rows(), lambda n: stage.advance(n, created=n))
    with city.progress.stage("interests", len(interest_rows)) as stage:
        TableWriter(User.interests.through, ["id", "user", "topic"]).write(
            interest_rows, lambda n: stage.advance(n, created=n)
        )
    with city.progress.stage("e-mails", len(email_rows)) as stage:
        TableWriter(EmailAddress, ["id", "user", "email", "verified", "primary"]).write(
            email_rows, lambda n: stage.advance(n, created=n)
        )
    return count + len(interest_rows) + len(email_rows)


# --- organisations --------------------------------------------------------------------------

KIND_WEIGHTS = {
    Organization.Kind.RESIDENT_GROUP: 45,
    Organization.Kind.CIVIC_GROUP: 12,
    Organization.Kind.INTERMEDIARY: 4,
    Organization.Kind.COOPERATIVE: 10,
    Organization.Kind.GOVERNMENT: 6,
    Organization.Kind.SCHOOL: 10,
    Organization.Kind.COMPANY: 13,
}


def _organization_name(rng: random.Random, kind: str, place: Place, word: str) -> str:
    spot = rng.choice(people.PLACES[_nickname_places(place)])
    stem = place.name[:-1] if len(place.name) > 2 else place.name
    match kind:
        case Organization.Kind.RESIDENT_GROUP:
            return rng.choice(
                (
                    f"{place.name} {word} 모임",
                    f"{spot} {word} 모임",
                    f"{word} 좋아하는 {stem} 이웃들",
                )
            )
        case Organization.Kind.CIVIC_GROUP:
            return f"{place.city_name} {word} {rng.choice(words.CIVIC_SUFFIXES)}"
        case Organization.Kind.INTERMEDIARY:
            where = rng.choice((place.city_name, place.name))
            return f"{where} {rng.choice(words.INTERMEDIARY_NAMES)}"
        case Organization.Kind.COOPERATIVE:
            return f"{spot} {word} {rng.choice(words.COOP_SUFFIXES)}"
        case Organization.Kind.GOVERNMENT:
            if rng.random() < 0.5:
                return f"{place.name} 행정복지센터"
            return f"{place.city_name} {rng.choice(words.DEPARTMENTS)}"
        case Organization.Kind.SCHOOL:
            return f"{stem}{rng.choice(words.SCHOOLS)}"
        case _:
            return f"{spot} {rng.choice(words.SHOPS)}"


def generate_organizations(city: City) -> int:
    rng = city.rng(STAGE_ORGANIZATIONS)
    count = city.scale.organizations
    first = next_id(Organization)
    first_topic_link = next_id(Organization.topics.through)
    first_membership = next_id(Membership)
    cumulative = city.place_weights()
    kinds = list(KIND_WEIGHTS)
    kind_weights = list(accumulate(KIND_WEIGHTS.values()))
    topic_slugs = [slug for slug in city.topic_ids if slug in words.TOPIC_WORDS]
    created_from = city.now - (city.scale.years_past + 2) * 365 * DAY
    topic_rows: list[tuple] = []
    membership_rows: list[tuple] = []

    def rows():
        for number in range(count):
            organization_id = first + number
            place = city.places[bisect(cumulative, rng.random() * cumulative[-1])]
            kind = kinds[bisect(kind_weights, rng.random() * kind_weights[-1])]
            slugs = rng.sample(topic_slugs, rng.randint(1, 3))
            word = rng.choice(words.TOPIC_WORDS[slugs[0]])
            name = _organization_name(rng, kind, place, word)[:80]
            city_wide = kind == Organization.Kind.GOVERNMENT and not name.endswith("센터")
            region_id = place.city_id if city_wide else place.id
            created = created_from + rng.randrange(city.now - 30 * DAY - created_from)
            local = city.users_by_place.get(place.id, [])
            everyone = city.users_by_city.get(place.city_id, []) or local
            size = min(int(3 + rng.lognormvariate(2.3, 0.8)), 800, len(everyone))
            members: dict[int, None] = {}
            for user_id in rng.sample(local, min(len(local), size * 3 // 5)):
                members[user_id] = None
            while len(members) < size:
                members[rng.choice(everyone)] = None
            member_ids = list(members)
            admins = 1 if size < 10 else 2
            for position, user_id in enumerate(member_ids):
                membership_rows.append(
                    (
                        first_membership + len(membership_rows),
                        organization_id,
                        user_id,
                        "admin" if position < admins else "member",
                        rng.random() < 0.85,
                        timestamp(created + rng.randrange(city.now - created)),
                    )
                )
            topic_ids = [city.topic_ids[slug] for slug in slugs]
            for topic_id in topic_ids:
                topic_rows.append((first_topic_link + len(topic_rows), organization_id, topic_id))
            city.organizations.append(
                OrganizationPlan(organization_id, kind, place, topic_ids, member_ids)
            )
            summary = words.ORGANIZATION_SUMMARIES[kind].format(
                region=place.name, city=place.city_name, word=word
            )
            description = "\n\n".join(
                text.format(
                    region=place.name, word=word, year=datetime.fromtimestamp(created, KST).year
                )
                for text in rng.sample(words.ORGANIZATION_DESCRIPTIONS, 2)
            )
            government = kind == Organization.Kind.GOVERNMENT
            yield (
                organization_id,
                name,
                f"{place.slug}-{slugs[0]}-{number + 1:05d}",
                kind,
                region_id,
                summary,
                description,
                f"https://org{number + 1:05d}.example.org/",
                f"org{number + 1:05d}@example.org",
                "064-000-0000" if place.city_slug == "jeju" else "063-000-0000",
                f"{place.city_name} {place.name} 예시로 {rng.randint(1, 200)} (생성된 주소)",
                "approval" if government or rng.random() < 0.5 else "open",
                len(member_ids),
                True,
                timestamp(created),
                timestamp(created),
            )

    writer = TableWriter(
        Organization,
        [
            "id",
            "name",
            "slug",
            "kind",
            "region",
            "summary",
            "description",
            "website",
            "contact_email",
            "contact_phone",
            "address",
            "join_policy",
            "member_count",
            "is_active",
            "created_at",
            "updated_at",
        ],
    )
    with city.progress.stage("organisations", count) as stage:
        writer.write(rows(), lambda n: stage.advance(n, created=n))
    TableWriter(Organization.topics.through, ["id", "organization", "topic"]).write(topic_rows)
    with city.progress.stage("memberships", len(membership_rows)) as stage:
        TableWriter(
            Membership, ["id", "organization", "user", "role", "is_public", "joined_at"]
        ).write(membership_rows, lambda n: stage.advance(n, created=n))
    return count + len(topic_rows) + len(membership_rows)


# --- activities -----------------------------------------------------------------------------

KIND_SHARES = {"gathering": 45, "class": 25, "event": 20, "performance": 10}
KIND_POPULARITY = {"gathering": 1.0, "class": 0.8, "event": 2.0, "performance": 1.5}
START_MINUTES = (600, 630, 660, 840, 900, 960, 1140, 1170)  # 10:00 … 19:30, Korean time
DURATIONS = (60, 90, 120, 120, 150, 180)
CAPACITIES = (None, None, None, 8, 10, 12, 15, 20, 20, 25, 30, 40, 50)
FEES = (0, 0, 0, 0, 0, 0, 0, 5_000, 10_000, 15_000, 20_000, 30_000)


def _point(rng: random.Random, place: Place) -> tuple[float, float]:
    south, west, north, east = place.bounds
    return round(rng.uniform(south, north), 6), round(rng.uniform(west, east), 6)


def _plan_signups(city: City, rng: random.Random, popularity: list[float]) -> None:
    """Shares out exactly `scale.rsvps` sign-ups by popularity, then sets the counters."""
    plans = city.activity_plans
    total = sum(popularity)
    wanted = city.scale.rsvps
    if total:
        for plan, weight in zip(plans, popularity, strict=True):
            plan.signups = min(int(wanted * weight / total), city.user_count)
        open_ones = [i for i, weight in enumerate(popularity) if weight]
        missing = wanted - sum(plan.signups for plan in plans)
        for index in rng.sample(open_ones, min(max(missing, 0), len(open_ones))):
            plans[index].signups = min(plans[index].signups + 1, city.user_count)


def generate_activities(city: City) -> int:
    rng = city.rng(STAGE_ACTIVITIES)
    count = city.scale.activities
    first = next_id(Activity)
    first_series = next_id(ActivitySeries)
    first_topic_link = next_id(Activity.topics.through)
    cumulative = city.place_weights()
    kinds = list(KIND_SHARES)
    kind_weights = list(accumulate(KIND_SHARES.values()))
    topic_slugs = [slug for slug in city.topic_ids if slug in words.TOPIC_PHRASES]
    organizations = city.organizations
    organization_weights = list(accumulate(len(o.members) + 1 for o in organizations))
    past_days = city.scale.years_past * 365
    span_days = past_days + city.scale.years_ahead * 365
    first_day = city.now - past_days * DAY
    audiences = Audience.values
    slug_by_topic = {pk: slug for slug, pk in city.topic_ids.items()}

    activity_rows: list[list] = []
    topic_rows: list[tuple] = []
    series_rows: list[tuple] = []
    popularity: list[float] = []

    with city.progress.stage("activities", count) as stage:
        while len(activity_rows) < count:
            by_organization = organizations and rng.random() < 0.55
            if by_organization:
                organization = organizations[
                    bisect(organization_weights, rng.random() * organization_weights[-1])
                ]
                place = organization.place
                host = organization.members[0] if organization.members else city.first_user
                topic_ids = rng.sample(
                    organization.topic_ids, rng.randint(1, len(organization.topic_ids))
                )
                host_organization = organization.id
            else:
                place = city.places[bisect(cumulative, rng.random() * cumulative[-1])]
                neighbours = city.users_by_place.get(place.id) or [city.first_user]
                host = rng.choice(neighbours)
                topic_ids = [city.topic_ids[s] for s in rng.sample(topic_slugs, rng.randint(1, 3))]
                host_organization = None
            topic_slug = slug_by_topic[topic_ids[0]]
            kind = kinds[bisect(kind_weights, rng.random() * kind_weights[-1])]
            title = (
                rng.choice((f"{place.name} ", "", ""))
                + rng.choice(words.TOPIC_PHRASES.get(topic_slug, ("동네 모임",)))
                + rng.choice(words.KIND_SUFFIXES[kind])
            )
            online = rng.random() < 0.05
            latitude, longitude = (None, None) if online else _point(rng, place)
            place_name = (
                "온라인 (화상 회의)" if online else f"{place.name} {rng.choice(words.PLACE_NAMES)}"
            )
            description = "\n\n".join(
                (
                    rng.choice(words.DESCRIPTION_OPENINGS).format(
                        place=place_name,
                        topic=rng.choice(words.TOPIC_WORDS.get(topic_slug, ("모임",))),
                        region=place.name,
                    ),
                    rng.choice(words.DESCRIPTION_BODIES),
                    rng.choice(words.DESCRIPTION_CLOSINGS),
                )
            )
            audience = encode_audience(rng.sample(audiences, rng.randint(1, 2)))
            capacity = rng.choice(CAPACITIES)
            fee = rng.choice(FEES)
            requires_signup = rng.random() < 0.92
            contact = rng.choice(words.HOST_CONTACTS)
            day = int(span_days * rng.random() ** 0.85)
            start_minute = rng.choice(START_MINUTES)
            duration = rng.choice(DURATIONS) * 60
            occurrences, step, series_id = 1, 0, None
            if rng.random() < 0.012 and len(activity_rows) + 4 <= count:
                occurrences = min(rng.randint(4, 12), count - len(activity_rows))
                step = rng.choice((7, 14))
                series_id = first_series + len(series_rows)
                last_day = first_day + (day + step * (occurrences - 1)) * DAY
                series_rows.append(
                    (
                        series_id,
                        "weekly" if step == 7 else "biweekly",
                        datetime.fromtimestamp(last_day, KST).date().isoformat(),
                        "[]",
                        host,
                        timestamp(min(first_day + day * DAY - 7 * DAY, city.now - DAY)),
                    )
                )
            for occurrence in range(occurrences):
                starts = first_day + (day + occurrence * step) * DAY + start_minute * 60
                ends = starts + duration
                created = starts - rng.randint(3, 45) * DAY
                if created > city.now:
                    created = city.now - rng.randrange(HOUR, 20 * DAY)
                roll = rng.random()
                if starts > city.now and roll < 0.03:
                    status = "draft"
                elif roll > 0.975:
                    status = "cancelled"
                else:
                    status = "published"
                activity_id = first + len(activity_rows)
                plan = ActivityPlan(activity_id, status, starts, ends, created, title=title[:120])
                city.activity_plans.append(plan)
                popularity.append(
                    0.0
                    if status == "draft" or not requires_signup
                    else min(rng.lognormvariate(0, 1.0), 20.0) * KIND_POPULARITY[kind]
                )
                for topic_id in topic_ids:
                    topic_rows.append((first_topic_link + len(topic_rows), activity_id, topic_id))
                cancelled = status == "cancelled"
                activity_rows.append(
                    [
                        activity_id,
                        kind,
                        title[:120],
                        description,
                        audience,
                        place.id,
                        online,
                        place_name,
                        ""
                        if online
                        else f"{place.city_name} {place.name} 예시로 {rng.randint(1, 300)}",
                        latitude,
                        longitude,
                        timestamp(starts),
                        timestamp(ends),
                        capacity,
                        fee,
                        requires_signup,
                        host,
                        host_organization,
                        contact,
                        status,
                        "사정이 생겨 이번 모임은 쉬어 갑니다. 죄송합니다." if cancelled else "",
                        timestamp(max(created, starts - 2 * DAY)) if cancelled else None,
                        None if status == "draft" else timestamp(created),
                        series_id,
                        0,
                        0,
                        timestamp(created),
                        timestamp(created),
                    ]
                )
                if len(activity_rows) % 5000 == 0:
                    stage.advance(5000)
        _plan_signups(city, rng, popularity)
        capacity_column = 13
        for plan, row in zip(city.activity_plans, activity_rows, strict=True):
            if not plan.signups:
                continue
            plan.cancelled = min(plan.signups, (plan.signups * 6 + rng.randrange(100)) // 100)
            active = plan.signups - plan.cancelled
            capacity = row[capacity_column]
            if capacity is not None and active > 2 * capacity:
                # A crowd this size means the host planned for it.
                capacity = (int(active * 0.85) + 4) // 5 * 5
                row[capacity_column] = capacity
            plan.confirmed = active if capacity is None else min(active, capacity)
            plan.waiting = active - plan.confirmed
            row[-4], row[-3] = plan.confirmed, plan.waiting
        writer = TableWriter(
            Activity,
            [
                "id",
                "kind",
                "title",
                "description",
                "audience",
                "region",
                "is_online",
                "place_name",
                "address",
                "latitude",
                "longitude",
                "starts_at",
                "ends_at",
                "capacity",
                "fee",
                "requires_signup",
                "host",
                "host_organization",
                "host_contact",
                "status",
                "cancel_reason",
                "cancelled_at",
                "published_at",
                "series",
                "confirmed_count",
                "waiting_count",
                "created_at",
                "updated_at",
            ],
        )
        TableWriter(
            ActivitySeries, ["id", "frequency", "until", "exception_dates", "host", "created_at"]
        ).write(series_rows)
        writer.write(tuple(row) for row in activity_rows)
        TableWriter(Activity.topics.through, ["id", "activity", "topic"]).write(topic_rows)
        stage.advance(count, created=count)
    return count + len(series_rows) + len(topic_rows)


# --- sign-ups and reviews -------------------------------------------------------------------


def generate_rsvps(city: City) -> int:
    rng = city.rng(STAGE_RSVPS)
    first = next_id(Rsvp)
    users = range(city.first_user, city.first_user + city.user_count)
    total = sum(plan.signups for plan in city.activity_plans)
    now = city.now

    def rows():
        next_rsvp = first
        for index, plan in enumerate(city.activity_plans):
            if not plan.signups:
                continue
            low = plan.created
            high = max(low + 60, min(plan.starts, now))
            times = sorted(rng.randrange(low, high) for _ in range(plan.signups))
            cancelled = set(rng.sample(range(plan.signups), plan.cancelled))
            confirmed = waiting = 0
            past = plan.ends < now and plan.status == "published"
            for position, (user_id, signed_up) in enumerate(
                zip(rng.sample(users, plan.signups), times, strict=True)
            ):
                if position in cancelled:
                    quit_at = signed_up + rng.randrange(60, max(61, high - signed_up))
                    yield (
                        next_rsvp, plan.id, user_id, "cancelled", None, None,
                        timestamp(signed_up), timestamp(quit_at),
                    )  # fmt: skip
                elif confirmed < plan.confirmed:
                    confirmed += 1
                    checked_in = None
                    if past:
                        city.reviewable_activity.append(index)
                        city.reviewable_user.append(user_id)
                        if rng.random() < 0.7:
                            checked_in = timestamp(plan.starts + rng.randrange(900))
                    yield (
                        next_rsvp, plan.id, user_id, "confirmed", None, checked_in,
                        timestamp(signed_up), None,
                    )  # fmt: skip
                else:
                    waiting += 1
                    yield (
                        next_rsvp, plan.id, user_id, "waiting", waiting, None,
                        timestamp(signed_up), None,
                    )  # fmt: skip
                next_rsvp += 1

    writer = TableWriter(
        Rsvp,
        [
            "id",
            "activity",
            "user",
            "status",
            "position",
            "checked_in_at",
            "created_at",
            "cancelled_at",
        ],
    )
    with city.progress.stage("sign-ups", total) as stage:
        writer.write(rows(), lambda n: stage.advance(n, created=n))
    return writer.rows_written


RATINGS = (5, 4, 3, 2, 1)
RATING_WEIGHTS = (47, 35, 12, 4, 2)


def generate_reviews(city: City) -> int:
    rng = city.rng(STAGE_REVIEWS)
    first = next_id(Review)
    available = len(city.reviewable_user)
    wanted = min(city.scale.reviews, available)
    chosen = sorted(rng.sample(range(available), wanted))
    now = city.now

    def rows():
        for number, pair in enumerate(chosen):
            plan = city.activity_plans[city.reviewable_activity[pair]]
            rating = rng.choices(RATINGS, RATING_WEIGHTS)[0]
            sentences = words.REVIEW_SENTENCES[rating]
            text = " ".join(rng.sample(sentences, rng.randint(1, min(2, len(sentences)))))
            written = plan.ends + rng.randrange(HOUR, 10 * DAY)
            if written >= now:
                written = plan.ends + max(60, (now - plan.ends) // 2)
            replied = rng.random() < 0.15
            yield (
                first + number,
                plan.id,
                city.reviewable_user[pair],
                rating,
                text,
                rng.choice(words.HOST_REPLIES) if replied else "",
                timestamp(min(written + DAY, now)) if replied else None,
                timestamp(written),
            )

    writer = TableWriter(
        Review,
        ["id", "activity", "author", "rating", "text", "host_reply", "replied_at", "created_at"],
    )
    with city.progress.stage("reviews", wanted) as stage:
        writer.write(rows(), lambda n: stage.advance(n, created=n))
    return writer.rows_written


# The civic side (proposals, meeting records, follows, notifications) lives in `participation`.
STAGES: tuple[tuple[str, Callable[[City], int]], ...] = (
    ("people", generate_people),
    ("organisations", generate_organizations),
    ("activities", generate_activities),
    ("sign-ups", generate_rsvps),
    ("reviews", generate_reviews),
    *participation.STAGES,
)
WRITTEN_MODELS = (
    User,
    User.interests.through,
    EmailAddress,
    Organization,
    Organization.topics.through,
    Membership,
    ActivitySeries,
    Activity,
    Activity.topics.through,
    Rsvp,
    Review,
    *participation.WRITTEN_MODELS,
)


def generate_city(
    scale: Scale,
    *,
    seed: int,
    password_hash: str,
    anchor: date | None = None,
    progress: Progress | None = None,
) -> City:
    """Writes the city in one transaction; returns it with each stage's rows and seconds."""
    anchor = anchor or datetime.now(KST).date()
    city = City(
        scale=scale,
        seed=seed,
        anchor=anchor,
        progress=progress or Progress(),
        now=_epoch(anchor),
        password=password_hash,
    )
    use_connection()
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")  # 256 MB while building indexes
        _load_places(city)
        for label, stage in STAGES:
            _timed(label, city, lambda stage=stage: stage(city))
        started = time.perf_counter()
        reset_sequences(WRITTEN_MODELS)
    analyze()
    city.timings.append(StageTiming("analyze", 0, time.perf_counter() - started))
    return city
