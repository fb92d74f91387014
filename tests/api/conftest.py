"""Data for the API tests: two cities, their neighbourhoods, topics and organisations."""

import pytest
from django.utils import timezone

from sotong.organizations.models import Membership, Organization
from sotong.organizations.services import organization_recount_members
from tests.factories import (
    MembershipFactory,
    NeighbourhoodFactory,
    OrganizationFactory,
    RegionFactory,
    UserFactory,
)


@pytest.fixture
def jeju(db):
    return RegionFactory(
        name="제주시",
        slug="jeju",
        latitude=33.4996,
        longitude=126.5312,
        bound_south=33.40,
        bound_west=126.40,
        bound_north=33.56,
        bound_east=126.70,
        order=1,
    )


@pytest.fixture
def ido(jeju):
    return NeighbourhoodFactory(
        parent=jeju,
        name="이도1동",
        slug="ido1",
        latitude=33.51,
        longitude=126.53,
        bound_south=33.50,
        bound_west=126.52,
        bound_north=33.52,
        bound_east=126.54,
    )


@pytest.fixture
def directory(city, neighbourhood, jeju, ido, topics):
    """Five organisations across both cities, with topics and members."""
    kids, music, agenda = topics
    play = OrganizationFactory(
        name="놀이와 놀이터 남원시민 모임",
        slug="play-namwon",
        region=city,
        summary="아이들이 마음껏 뛰노는 놀이터를 함께 만듭니다",
    )
    play.topics.set([kids, agenda])
    choir = OrganizationFactory(
        name="동충동 주민 합창단",
        slug="dongchung-choir",
        region=neighbourhood,
        summary="매주 목요일 저녁 함께 노래합니다",
    )
    choir.topics.set([music])
    centre = OrganizationFactory(
        name="남원시 공동체지원센터",
        slug="namwon-community-centre",
        kind=Organization.Kind.INTERMEDIARY,
        region=city,
        summary="주민모임의 시작과 성장을 돕습니다",
    )
    centre.topics.set([agenda])
    jeju_group = OrganizationFactory(
        name="이도1동 텃밭 모임",
        slug="ido-garden",
        region=ido,
        summary="골목 텃밭에서 함께 키우고 나눕니다",
    )
    closed = OrganizationFactory(
        name="해산한 모임", slug="dissolved", region=city, summary="더는 활동하지 않습니다"
    )
    closed.is_active = False
    closed.save()
    return {"play": play, "choir": choir, "centre": centre, "jeju": jeju_group, "closed": closed}


def add_member(organization, nickname, *, public=True, role=Membership.Role.MEMBER, **user):
    member = UserFactory(nickname=nickname, **user)
    MembershipFactory(organization=organization, user=member, role=role, is_public=public)
    organization_recount_members(organization=organization)
    return member


def remove_account(user):
    user.deleted_at = timezone.now()
    user.is_active = False
    user.save()
