"""Test data builders. Korean names so pages look like the real thing."""

import factory
from factory.django import DjangoModelFactory

from sotong.accounts.models import User
from sotong.core.models import Region, RegionRole, Topic
from sotong.organizations.models import Membership, Organization


class RegionFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = "남원시"
    slug = "namwon"
    level = Region.Level.CITY
    latitude = 35.4164
    longitude = 127.3905
    bound_south = 35.28
    bound_west = 127.20
    bound_north = 35.58
    bound_east = 127.65


class NeighbourhoodFactory(RegionFactory):
    name = factory.Sequence(lambda n: f"{n}동")
    slug = factory.Sequence(lambda n: f"dong-{n}")
    parent = factory.SubFactory(RegionFactory)
    level = Region.Level.NEIGHBOURHOOD
    latitude = 35.41
    longitude = 127.38
    bound_south = 35.40
    bound_west = 127.37
    bound_north = 35.42
    bound_east = 127.39


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"주제{n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    icon = "🎨"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"resident{n}@example.kr")
    nickname = factory.Sequence(lambda n: f"주민{n}")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"놀이터 주민모임 {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organization.Kind.RESIDENT_GROUP
    region = factory.SubFactory(RegionFactory)
    summary = "아이들의 놀이 환경을 함께 바꾸는 모임"


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class RegionRoleFactory(DjangoModelFactory):
    class Meta:
        model = RegionRole

    region = factory.SubFactory(RegionFactory)
    user = factory.SubFactory(UserFactory)
    role = RegionRole.Role.ADMIN
