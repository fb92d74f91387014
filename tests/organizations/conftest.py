"""Organisation fixtures on top of the shared persona cast (tests/conftest.py)."""

import pytest

from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.factories import OrganizationFactory, UserFactory
from tests.organizations.helpers import add_member


@pytest.fixture
def open_organization(city, topics):
    organization = OrganizationFactory(
        name="남원 기타 동호회",
        slug="namwon-guitar",
        region=city,
        join_policy=Organization.JoinPolicy.OPEN,
        summary="기타를 함께 치는 모임",
    )
    organization.topics.set([topics[1]])
    admin = UserFactory(email="guitar-admin@example.kr", nickname="기타지기")
    add_member(organization, admin, role=Membership.Role.ADMIN)
    return organization


@pytest.fixture
def approval_organization(city):
    organization = OrganizationFactory(
        name="남원 환경 지킴이",
        slug="namwon-green",
        region=city,
        join_policy=Organization.JoinPolicy.APPROVAL,
    )
    admin = UserFactory(email="green-admin@example.kr", nickname="초록지기")
    add_member(organization, admin, role=Membership.Role.ADMIN)
    return organization


@pytest.fixture
def member(organization):
    """A plain member of the `organization` fixture (놀이와 놀이터 남원시민 모임)."""
    user = UserFactory(email="minho@example.kr", nickname="민호")
    add_member(organization, user)
    return user


@pytest.fixture
def applicant(organization):
    """A resident waiting for the `organization` fixture's admins to approve them."""
    user = UserFactory(email="yuna@example.kr", nickname="유나")
    JoinRequest.objects.create(organization=organization, user=user, message="함께하고 싶어요")
    return user
