"""What the API sends and accepts. Nothing here carries an e-mail address or a phone number."""

import unicodedata
from datetime import datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator

from sotong.accounts.models import User
from sotong.core.models import Region, RegionRole
from sotong.organizations.models import Membership, Organization


def reject_control_characters(value: str | None) -> str | None:
    """PostgreSQL refuses NUL in text, and no search term needs control characters."""
    if value is not None and any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError(_("보이지 않는 제어 문자는 쓸 수 없습니다."))
    return value


# --- Errors -------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(..., description="사람이 읽을 수 있는 오류 설명")


class FieldErrorOut(Schema):
    field: str = Field(..., description="문제가 있는 입력 항목 이름")
    location: str = Field(..., description="항목이 있는 곳: query, path, body…")
    message: str = Field(..., description="그 항목에 대한 설명")


class ValidationErrorOut(Schema):
    detail: str = Field(..., description="무엇을 고쳐야 하는지 한 문장으로")
    errors: list[FieldErrorOut]


# --- Regions and topics -------------------------------------------------------------------


class PointOut(Schema):
    latitude: float
    longitude: float


class BoundsOut(Schema):
    south: float
    west: float
    north: float
    east: float


class RegionSummaryOut(Schema):
    id: int
    name: str
    slug: str
    level: Region.Level


class RegionOut(RegionSummaryOut):
    full_name: str = Field(..., description="상위 지역까지 붙인 이름 (예: 남원시 동충동)")
    parent_id: int | None = Field(None, description="상위 지역(시·군·구)의 id, 없으면 null")
    centre: PointOut
    bounds: BoundsOut

    @staticmethod
    def resolve_centre(region: Region) -> dict:
        return {"latitude": region.latitude, "longitude": region.longitude}

    @staticmethod
    def resolve_bounds(region: Region) -> dict:
        return {
            "south": region.bound_south,
            "west": region.bound_west,
            "north": region.bound_north,
            "east": region.bound_east,
        }


class RegionDetailOut(RegionOut):
    description: str
    parent: RegionSummaryOut | None = None
    children: list[RegionSummaryOut] = Field(..., description="이 지역 안의 읍·면·동")


class TopicSummaryOut(Schema):
    id: int
    name: str
    slug: str


class TopicOut(TopicSummaryOut):
    icon: str
    color: str = Field(..., description="#RRGGBB")
    order: int
    description: str
    region_id: int | None = Field(
        None, description="이 주제를 쓰는 시·군·구, 모든 지역 공통이면 null"
    )


class TopicFilters(Schema):
    region: str | None = Field(
        None,
        max_length=80,
        description="지역 주소용 이름(slug). 주면 모든 지역 공통 주제와 그 시·군·구의 "
        "주제만 나옵니다.",
        json_schema_extra={"example": "namwon"},
    )


# --- Organisations ------------------------------------------------------------------------


class OrganizationSummaryOut(Schema):
    id: int
    name: str
    slug: str
    kind: Organization.Kind


class OrganizationOut(OrganizationSummaryOut):
    kind_label: str = Field(..., description="종류의 한국어 이름")
    summary: str
    region: RegionSummaryOut
    topics: list[TopicSummaryOut]
    join_policy: Organization.JoinPolicy
    member_count: int = Field(..., description="구성원 수 (이름을 공개하지 않은 사람 포함)")
    logo_url: str | None = None
    web_url: str = Field(..., description="누리집에서 이 단체를 보는 주소")

    @staticmethod
    def resolve_kind_label(organization: Organization) -> str:
        return str(organization.get_kind_display())

    @staticmethod
    def resolve_logo_url(organization: Organization) -> str | None:
        return organization.logo.url if organization.logo else None

    @staticmethod
    def resolve_web_url(organization: Organization) -> str:
        return organization.get_absolute_url()


class PublicMemberOut(Schema):
    """A member who chose to be listed: a nickname and nothing else."""

    id: int
    nickname: str

    @staticmethod
    def resolve_id(membership: Membership) -> int:
        return membership.user_id

    @staticmethod
    def resolve_nickname(membership: Membership) -> str:
        return membership.user.nickname


class OrganizationDetailOut(OrganizationOut):
    description: str
    website: str
    created_at: datetime
    public_member_count: int = Field(..., description="단체 페이지에 이름을 보이기로 한 구성원 수")
    members: list[PublicMemberOut] = Field(
        ...,
        description="공개 구성원 (관리자 먼저, 가입 순으로 처음 50명). "
        "전부는 /members 에서 봅니다.",
    )

    @staticmethod
    def resolve_members(organization: Organization) -> list:
        return organization.public_members_preview


class OrganizationFilters(Schema):
    region: str | None = Field(
        None,
        max_length=80,
        description="지역 주소용 이름(slug). 시·군·구를 고르면 그 안 읍·면·동의 단체도 나옵니다.",
        json_schema_extra={"example": "namwon"},
    )
    kind: Organization.Kind | None = Field(None, description="단체 종류")
    topic: str | None = Field(
        None,
        max_length=80,
        description="주제 주소용 이름(slug)",
        json_schema_extra={"example": "kids"},
    )
    q: str | None = Field(
        None,
        max_length=100,
        description="이름이나 한 줄 소개에서 찾을 말",
        json_schema_extra={"example": "놀이터"},
    )

    @field_validator("q")
    @classmethod
    def q_has_no_control_characters(cls, value: str | None) -> str | None:
        value = reject_control_characters(value)
        return value.strip() if value else value


# --- The current user ---------------------------------------------------------------------

# Both models call their choices "Role"; spelled out here so the OpenAPI names stay readable.
MembershipRole = Literal[tuple(Membership.Role.values)]
RegionRoleName = Literal[tuple(RegionRole.Role.values)]


class MyMembershipOut(Schema):
    organization: OrganizationSummaryOut
    role: MembershipRole = Field(..., description="admin: 단체 관리자, member: 구성원")
    is_public: bool = Field(..., description="단체 페이지에 이름을 보이는지")
    joined_at: datetime


class MyRegionRoleOut(Schema):
    region: RegionSummaryOut
    role: RegionRoleName = Field(..., description="admin: 지역 관리자, facilitator: 촉진자")


class MeOut(Schema):
    id: int
    nickname: str
    bio: str
    home_region: RegionSummaryOut | None = None
    interests: list[TopicSummaryOut]
    profile_visibility: Literal[tuple(User.Visibility.values)]
    memberships: list[MyMembershipOut]
    region_roles: list[MyRegionRoleOut]
    is_admin: bool = Field(..., description="사이트 운영자인지")
    date_joined: datetime

    @staticmethod
    def resolve_is_admin(user) -> bool:
        return bool(user.is_superuser)
