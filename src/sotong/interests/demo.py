"""The demo city's follows: residents follow a few organisations of their city that share
their topics, some their whole city or a neighbourhood, and a few neighbours.

Deterministic (random.Random(context.seed) over rows in a stable order); a second run creates
the same rows, which the unique constraints turn away, so it adds nothing.
"""

import random

from sotong.accounts.models import User
from sotong.core.models import Region
from sotong.demo.people import RESIDENT_EMAIL
from sotong.interests.models import Follow
from sotong.organizations.models import Organization

DEMO_RESIDENT_DOMAIN = RESIDENT_EMAIL.split("@", 1)[1]


def seed(context) -> None:
    rng = random.Random(context.seed + 4)
    residents = list(
        User.objects.filter(email__endswith=f"@{DEMO_RESIDENT_DOMAIN}", home_region__isnull=False)
        .select_related("home_region__parent")
        .prefetch_related("interests")
        .order_by("email")
    )
    if not residents:
        return
    organizations = list(
        Organization.objects.filter(is_active=True).prefetch_related("topics").order_by("slug")
    )
    regions = list(Region.objects.active().order_by("slug"))
    follows: list[Follow] = []
    for person in residents:
        city = person.home_region.city
        interests = {t.pk for t in person.interests.all()}
        nearby = [
            o
            for o in organizations
            if o.region_id == city.pk
            or o.region_id in {r.pk for r in regions if r.parent_id == city.pk}
        ]
        sharing = [o for o in nearby if interests & {t.pk for t in o.topics.all()}]
        for organization in rng.sample(sharing, min(len(sharing), rng.randint(0, 3))):
            follows.append(Follow(follower=person, organization=organization))
        if rng.random() < 0.3:
            follows.append(Follow(follower=person, region=city))
        elif rng.random() < 0.3 and person.home_region_id != city.pk:
            follows.append(Follow(follower=person, region=person.home_region))
        neighbours = [r for r in residents if r.pk != person.pk and r.home_region.city == city]
        for neighbour in rng.sample(neighbours, min(len(neighbours), rng.randint(0, 2))):
            if neighbour.profile_visibility != User.Visibility.PRIVATE:
                follows.append(Follow(follower=person, person=neighbour))
    before = Follow.objects.count()
    with context.progress.stage("follows", len(follows)) as stage:
        Follow.objects.bulk_create(follows, batch_size=500, ignore_conflicts=True)
        stage.advance(len(follows), created=Follow.objects.count() - before)
