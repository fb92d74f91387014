"""The persona cast every test can call on, after the style of healthchecks' alice and bob.

anonymous · resident (지민) · second resident (서준) · organisation admin (하늘) ·
official (박주무관, member of a city department) · facilitator (촉진자) · region admin · admin.
"""

import os

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from sotong.organizations.models import Membership, Organization
from tests.factories import (
    MembershipFactory,
    NeighbourhoodFactory,
    OrganizationFactory,
    RegionFactory,
    RegionRoleFactory,
    TopicFactory,
    UserFactory,
)

PASSWORD = "correct-horse-battery"
ROLES = [
    "anonymous",
    "resident",
    "org_admin",
    "official",
    "facilitator",
    "region_admin",
    "admin",
]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _korean_to_begin_with():
    """Each test starts in Korean, as every request does: a request in English (an API call
    with Accept-Language: en) leaves English active on the thread after it, and a service
    called directly by the next test would then speak English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def city(db):
    return RegionFactory()


@pytest.fixture
def neighbourhood(city):
    return NeighbourhoodFactory(parent=city, name="동충동", slug="dongchung")


@pytest.fixture
def topics(db):
    return [
        TopicFactory(name="키즈", slug="kids", icon="🧸"),
        TopicFactory(name="음악", slug="music", icon="🎵"),
        TopicFactory(name="지역의제", slug="local-agenda", icon="📣"),
    ]


@pytest.fixture
def resident(city):
    return UserFactory(email="jimin@example.kr", nickname="지민", home_region=city)


@pytest.fixture
def second_resident(city):
    return UserFactory(email="seojun@example.kr", nickname="서준", home_region=city)


@pytest.fixture
def organization(city):
    return OrganizationFactory(name="놀이와 놀이터 남원시민 모임", slug="play-namwon", region=city)


@pytest.fixture
def org_admin(organization):
    user = UserFactory(email="haneul@example.kr", nickname="하늘")
    MembershipFactory(organization=organization, user=user, role=Membership.Role.ADMIN)
    return user


@pytest.fixture
def department(city):
    return OrganizationFactory(
        name="남원시 자치행정과",
        slug="namwon-admin-dept",
        kind=Organization.Kind.GOVERNMENT,
        region=city,
        join_policy=Organization.JoinPolicy.APPROVAL,
    )


@pytest.fixture
def official(department):
    user = UserFactory(email="official@namwon.go.kr", nickname="박주무관")
    MembershipFactory(organization=department, user=user)
    return user


@pytest.fixture
def facilitator(city):
    user = UserFactory(email="facilitator@example.kr", nickname="촉진자")
    RegionRoleFactory(region=city, user=user, role="facilitator")
    return user


@pytest.fixture
def region_admin(city):
    user = UserFactory(email="regionadmin@example.kr", nickname="지역관리자")
    RegionRoleFactory(region=city, user=user, role="admin")
    return user


@pytest.fixture
def admin_user(db):
    from sotong.accounts.models import User

    return User.objects.create_superuser("admin@example.kr", PASSWORD, nickname="운영자")


@pytest.fixture
def user_for_role(request):
    """Returns a function: role name → a user with that role (None for anonymous)."""

    def make(role: str):
        if role == "anonymous":
            return None
        fixture = {"admin": "admin_user"}.get(role, role)
        return request.getfixturevalue(fixture)

    return make


@pytest.fixture
def client_for():
    """Returns a function: user (or None) → a logged-in test client."""

    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


def database_vendor() -> str:
    return os.environ.get("SOTONG_TEST_DB", "sqlite")
