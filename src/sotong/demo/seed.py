"""Writes the demo city into the database, adding only what is missing.

Each row has a natural key (a region's or an organisation's slug, a person's e-mail). A run
creates the rows whose key is not there yet, and the links (interests, memberships, roles) of
those new rows only; it never changes or re-creates anything that exists. So a second run adds
nothing, and what people changed or deleted on the demo stays as they left it.
"""

import importlib
import importlib.util
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.sites.models import Site
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from sotong.accounts.models import User
from sotong.core.models import Region, RegionRole, Topic
from sotong.demo.organizations import ORGANIZATIONS
from sotong.demo.people import ACCOUNTS, DEMO_PASSWORD, plan_people
from sotong.demo.progress import Progress
from sotong.demo.regions import CITIES, NAMWON
from sotong.demo.topics import TOPICS
from sotong.organizations.models import JoinRequest, Membership, Organization

DEMO_SEED = 20190417  # the day 놀이와 놀이터 남원시민 모임 first met
BATCH = 50
SITE_DOMAIN = "127.0.0.1:8000"
SITE_NAME = "소통"


@dataclass
class DemoContext:
    """What the stages share, and what other apps' demo modules receive."""

    progress: Progress
    seed: int = DEMO_SEED
    created_organizations: set[str] = field(default_factory=set)
    created_users: set[str] = field(default_factory=set)
    _password_hash: str = ""

    def password_hash(self) -> str:
        # Hashing is deliberately slow; every demo person shares the one hash.
        if not self._password_hash:
            self._password_hash = make_password(DEMO_PASSWORD)
        return self._password_hash


def _batches(items: Sequence, size: int = BATCH) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def seed_site(context: DemoContext) -> None:
    site, created = Site.objects.get_or_create(
        pk=1, defaults={"domain": SITE_DOMAIN, "name": SITE_NAME}
    )
    # Replace only Django's placeholder, never a domain an operator has set.
    if not created and site.domain == "example.com":
        site.domain, site.name = SITE_DOMAIN, SITE_NAME
        site.save(update_fields=["domain", "name"])


def seed_regions(context: DemoContext) -> None:
    wanted = [city.slug for city in CITIES] + [n.slug for c in CITIES for n in c.neighbourhoods]
    existing = set(Region.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    with context.progress.stage("regions", len(wanted)) as stage:
        cities = []
        for order, city in enumerate(CITIES, start=1):
            if city.slug in existing:
                continue
            south, west, north, east = city.bounds
            cities.append(
                Region(
                    name=city.name,
                    slug=city.slug,
                    level=Region.Level.CITY,
                    latitude=city.latitude,
                    longitude=city.longitude,
                    bound_south=south,
                    bound_west=west,
                    bound_north=north,
                    bound_east=east,
                    description=city.description,
                    order=order,
                )
            )
        Region.objects.bulk_create(cities)
        stage.advance(len(CITIES), created=len(cities))

        city_ids = dict(
            Region.objects.filter(slug__in=[c.slug for c in CITIES]).values_list("slug", "pk")
        )
        for city in CITIES:
            neighbourhoods = []
            for order, seed in enumerate(city.neighbourhoods, start=1):
                if seed.slug in existing:
                    continue
                south, west, north, east = seed.bounds
                neighbourhoods.append(
                    Region(
                        name=seed.name,
                        slug=seed.slug,
                        parent_id=city_ids[city.slug],
                        level=Region.Level.NEIGHBOURHOOD,
                        latitude=seed.latitude,
                        longitude=seed.longitude,
                        bound_south=south,
                        bound_west=west,
                        bound_north=north,
                        bound_east=east,
                        description=seed.description,
                        order=order,
                    )
                )
            Region.objects.bulk_create(neighbourhoods)
            stage.advance(len(city.neighbourhoods), created=len(neighbourhoods))


def seed_topics(context: DemoContext) -> None:
    existing = set(
        Topic.objects.filter(slug__in=[t.slug for t in TOPICS]).values_list("slug", flat=True)
    )
    with context.progress.stage("topics", len(TOPICS)) as stage:
        new = [
            Topic(
                name=t.name,
                slug=t.slug,
                icon=t.icon,
                color=t.color,
                description=t.description,
                order=position * 10,
            )
            for position, t in enumerate(TOPICS, start=1)
            if t.slug not in existing
        ]
        Topic.objects.bulk_create(new)
        stage.advance(len(TOPICS), created=len(new))


def _ids(model, field_name: str, keys: Iterable[str]) -> dict[str, int]:
    return dict(
        model.objects.filter(**{f"{field_name}__in": list(keys)}).values_list(field_name, "pk")
    )


def _fake_phone(region: str) -> str:
    return "064-000-0000" if region.startswith("jeju") else "063-000-0000"


def _fake_address(region: str) -> str:
    province = "제주특별자치도 제주시" if region.startswith("jeju") else "전북특별자치도 남원시"
    return f"{province} 예시로 12 (데모 주소)"


def seed_organizations(context: DemoContext) -> None:
    slugs = [o.slug for o in ORGANIZATIONS]
    existing = set(Organization.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    region_ids = _ids(Region, "slug", {o.region for o in ORGANIZATIONS})
    topic_ids = _ids(Topic, "slug", {t for o in ORGANIZATIONS for t in o.topics})
    seeds = [o for o in ORGANIZATIONS if o.slug not in existing]
    with context.progress.stage("organisations", len(ORGANIZATIONS)) as stage:
        stage.advance(len(existing))
        for batch in _batches(seeds):
            created = Organization.objects.bulk_create(
                Organization(
                    name=o.name,
                    slug=o.slug,
                    kind=o.kind,
                    region_id=region_ids[o.region],
                    summary=o.summary,
                    description=o.description,
                    website=f"https://{o.slug}.example.org/",
                    contact_email=f"{o.slug}@example.org",
                    contact_phone=_fake_phone(o.region),
                    address=_fake_address(o.region),
                    join_policy=o.join_policy,
                )
                for o in batch
            )
            by_slug = {o.slug: o for o in batch}
            Organization.topics.through.objects.bulk_create(
                Organization.topics.through(organization_id=org.pk, topic_id=topic_ids[slug])
                for org in created
                for slug in by_slug[org.slug].topics
                if slug in topic_ids
            )
            context.created_organizations.update(o.slug for o in batch)
            stage.advance(len(batch), created=len(batch))


def seed_people(context: DemoContext) -> None:
    plan = plan_people(context.seed)
    emails = [a.email for a in ACCOUNTS] + [r.email for r in plan.residents]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    taken_nicknames = {
        n.casefold()
        for n in User.objects.filter(
            nickname__in=[a.nickname for a in ACCOUNTS] + [r.nickname for r in plan.residents]
        ).values_list("nickname", flat=True)
    }
    region_ids = _ids(
        Region, "slug", {a.region for a in ACCOUNTS} | {r.region for r in plan.residents}
    )
    topic_ids = dict(Topic.objects.values_list("slug", "pk"))

    def free_nickname(nickname: str) -> str:
        # Someone may have signed up with a planned nickname before this run: add a number.
        candidate, number = nickname, 1
        while candidate.casefold() in taken_nicknames:
            number += 1
            candidate = f"{nickname[:18]}{number}"
        taken_nicknames.add(candidate.casefold())
        return candidate

    with context.progress.stage("people", len(emails)) as stage:
        stage.advance(len(existing))
        new_users: list[tuple[User, tuple[str, ...]]] = []
        for account in ACCOUNTS:
            if account.email in existing:
                continue
            user = User(
                email=account.email,
                nickname=free_nickname(account.nickname),
                home_region_id=region_ids[account.region],
                bio=account.bio,
                is_staff=account.staff,
                is_superuser=account.superuser,
                password=context.password_hash(),
            )
            new_users.append((user, account.interests))
        for resident in plan.residents:
            if resident.email in existing:
                continue
            user = User(
                email=resident.email,
                nickname=free_nickname(resident.nickname),
                home_region_id=region_ids[resident.region],
                bio=resident.bio,
                profile_visibility=resident.visibility,
                show_interests=resident.show_interests,
                show_organizations=resident.show_organizations,
                date_joined=resident.date_joined,
                password=context.password_hash(),
            )
            new_users.append((user, resident.interests))

        for batch in _batches(new_users):
            users = User.objects.bulk_create(user for user, _ in batch)
            interests = {user.email: topics for user, topics in batch}
            User.interests.through.objects.bulk_create(
                User.interests.through(user_id=user.pk, topic_id=topic_ids[slug])
                for user in users
                for slug in interests[user.email]
                if slug in topic_ids
            )
            # Verified and primary, so every demo person can log in straight away.
            EmailAddress.objects.bulk_create(
                EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True)
                for user in users
            )
            context.created_users.update(user.email for user in users)
            stage.advance(len(batch), created=len(batch))

    user_ids = _ids(User, "email", emails)
    namwon_id = Region.objects.get(slug=NAMWON.slug).pk
    RegionRole.objects.bulk_create(
        RegionRole(region_id=namwon_id, user_id=user_ids[a.email], role=a.region_role)
        for a in ACCOUNTS
        if a.region_role and a.email in context.created_users
    )
    seed_memberships(context, plan, user_ids)


def _is_new(context: DemoContext, organization: str, email: str) -> bool:
    return organization in context.created_organizations or email in context.created_users


def seed_memberships(context: DemoContext, plan, user_ids: dict[str, int]) -> None:
    organization_ids = _ids(Organization, "slug", [o.slug for o in ORGANIZATIONS])
    memberships = [
        m
        for m in plan.memberships
        if _is_new(context, m.organization, m.email)
        and m.organization in organization_ids
        and m.email in user_ids
    ]
    requests = [
        r
        for r in plan.join_requests
        if _is_new(context, r.organization, r.email)
        and r.organization in organization_ids
        and r.email in user_ids
    ]
    touched = {organization_ids[m.organization] for m in memberships}
    existing_members = set(
        Membership.objects.filter(
            organization_id__in=touched | {organization_ids[r.organization] for r in requests}
        ).values_list("organization_id", "user_id")
    )
    pending = set(
        JoinRequest.objects.filter(
            organization_id__in={organization_ids[r.organization] for r in requests},
            status=JoinRequest.Status.PENDING,
        ).values_list("organization_id", "user_id")
    )
    with context.progress.stage("memberships", len(plan.memberships)) as stage:
        stage.advance(len(plan.memberships) - len(memberships))
        for batch in _batches(memberships, 200):
            rows = [
                Membership(
                    organization_id=organization_ids[m.organization],
                    user_id=user_ids[m.email],
                    role=m.role,
                    is_public=m.is_public,
                )
                for m in batch
                if (organization_ids[m.organization], user_ids[m.email]) not in existing_members
            ]
            Membership.objects.bulk_create(rows)
            existing_members.update((row.organization_id, row.user_id) for row in rows)
            stage.advance(len(batch), created=len(rows))

        join_requests = [
            JoinRequest(
                organization_id=organization_ids[r.organization],
                user_id=user_ids[r.email],
                message=r.message,
            )
            for r in requests
            if (organization_ids[r.organization], user_ids[r.email])
            not in existing_members | pending
        ]
        JoinRequest.objects.bulk_create(join_requests)

    if touched:
        count = (
            Membership.objects.filter(organization_id=OuterRef("pk"))
            .values("organization_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        Organization.objects.filter(pk__in=touched).update(
            member_count=Coalesce(Subquery(count), 0)
        )
    if join_requests:
        context.progress.write(f"  {'join requests':<14} {len(join_requests)} pending")


def seed_other_apps(context: DemoContext) -> None:
    """Later capabilities add their demo content with a `demo.py` that defines seed(context)."""
    for config in apps.get_app_configs():
        if not config.name.startswith("sotong.") or config.name in {"sotong.core", "sotong.demo"}:
            continue
        module_name = f"{config.name}.demo"
        if importlib.util.find_spec(module_name) is None:
            continue
        importlib.import_module(module_name).seed(context)


STAGES = (seed_site, seed_regions, seed_topics, seed_organizations, seed_people, seed_other_apps)


def seed_demo(progress: Progress | None = None, seed: int = DEMO_SEED) -> DemoContext:
    context = DemoContext(progress=progress or Progress(), seed=seed)
    with transaction.atomic():
        for stage in STAGES:
            stage(context)
    return context
