"""What the API sends and accepts. Nothing here carries an e-mail address or a phone number."""

import unicodedata
from datetime import date, datetime
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, field_validator

from sotong.accounts.models import User
from sotong.activities.models import Activity, ActivitySeries, Audience, Review, Rsvp
from sotong.core.models import Region, RegionRole
from sotong.organizations.models import Membership, Organization


def reject_control_characters(value: str | None) -> str | None:
    """PostgreSQL refuses NUL in text, and no search term needs control characters."""
    if value is not None and any(unicodedata.category(char) == "Cc" for char in value):
        raise ValueError(_("보이지 않는 제어 문자는 쓸 수 없습니다."))
    return value


# A text parameter of a query (a slug, a cursor, words): refused with a Korean 422 when it
# holds a control character, before it can reach the database.
QueryText = Annotated[str, AfterValidator(reject_control_characters)]


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


# --- Activities ---------------------------------------------------------------------------
ActivityKind = Literal[tuple(Activity.Kind.values)]
ActivityStatus = Literal[tuple(Activity.Status.values)]
AudienceCode = Literal[tuple(Audience.values)]
HostKind = Literal["resident", "group", "city"]
RsvpStatus = Literal[tuple(Rsvp.Status.values)]
SeriesFrequency = Literal[tuple(ActivitySeries.Frequency.values)]


class ActivityFilters(Schema):
    """The same filters as the /activities/ page, with the same names."""

    when: Literal["today", "weekend", "month", "past"] | None = Field(
        None,
        description="today: 오늘, weekend: 이번 주말, month: 이번 달, past: 지난 활동. "
        "주지 않으면 다가오는 활동",
    )
    date_from: date | None = Field(None, description="이 날 또는 그 뒤에 열리는 활동 (YYYY-MM-DD)")
    date_to: date | None = Field(None, description="이 날 또는 그 전에 시작하는 활동 (YYYY-MM-DD)")
    region: str | None = Field(
        None,
        max_length=80,
        description="지역 주소용 이름(slug). 시·군·구를 고르면 그 안 읍·면·동의 활동도 나옵니다.",
        json_schema_extra={"example": "namwon"},
    )
    topic: list[str] = Field(
        default_factory=list,
        max_length=30,
        description="주제 주소용 이름(slug). 여러 번 주면 그중 하나라도 맞는 활동",
        json_schema_extra={"example": ["play"]},
    )
    kind: list[str] = Field(
        default_factory=list,
        max_length=4,
        description="gathering: 모임, event: 행사, performance: 공연, class: 강좌. "
        "여러 번 주면 그중 하나라도 맞는 활동",
        json_schema_extra={"items": {"type": "string", "enum": list(Activity.Kind.values)}},
    )
    audience: AudienceCode | None = Field(
        None, description="대상. '누구나' 활동은 어느 대상을 골라도 나옵니다."
    )
    host: HostKind | None = Field(
        None, description="resident: 주민 개인, group: 단체, city: 행정기관이 주최한 활동"
    )
    free: bool = Field(False, description="true면 무료 활동만")
    seats: bool = Field(False, description="true면 자리가 남은 활동만")
    sort: Literal["soon", "new", "popular"] = Field(
        "soon", description="soon: 날짜순, new: 최근 등록순, popular: 참가자 많은 순"
    )

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def dates_are_calendar_days(cls, value):
        if isinstance(value, str) and value:
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise ValueError(_("날짜를 2025-05-01 형식으로 적어 주세요.")) from None
        return value

    @field_validator("region")
    @classmethod
    def region_has_no_control_characters(cls, value: str | None) -> str | None:
        return reject_control_characters(value)

    @field_validator("topic")
    @classmethod
    def topics_have_no_control_characters(cls, value: list[str]) -> list[str]:
        for item in value:
            if len(item) > 80:
                raise ValueError(_("주제 이름은 80자 이하로 입력하세요."))
            reject_control_characters(item)
        return value

    @field_validator("kind")
    @classmethod
    def kinds_are_known(cls, value: list[str]) -> list[str]:
        # Checked on the whole list, so an error names the parameter rather than an index.
        if any(kind not in Activity.Kind.values for kind in value):
            raise ValueError(
                _("다음 중 하나를 입력하세요: %(choices)s")
                % {"choices": ", ".join(Activity.Kind.values)}
            )
        return value


class MapFilters(ActivityFilters):
    bbox: str = Field(
        ...,
        max_length=200,
        description="지도 범위: 남,서,북,동 (위도·경도, 쉼표로 구분)",
        json_schema_extra={"example": "35.29,127.18,35.56,127.68"},
    )
    zoom: int = Field(13, ge=0, le=19, description="지도 확대 수준 (0~19). 묶음 크기를 정합니다.")


class PlaceOut(Schema):
    name: str = Field(..., description="장소 이름")
    street: str = Field(..., description="장소의 도로명·지번 (공개된 장소만 적습니다)")
    latitude: float | None = None
    longitude: float | None = None
    is_online: bool = Field(..., description="온라인으로 열리는지")


class ActivityHostOut(Schema):
    kind: HostKind = Field(..., description="resident: 주민, group: 단체, city: 행정기관")
    name: str = Field(..., description="주최 단체 이름, 단체가 없으면 주최자 닉네임")
    user_id: int
    nickname: str = Field(..., description="활동을 올린 사람의 닉네임")
    organization: OrganizationSummaryOut | None = None


class ActivityOut(Schema):
    id: int
    kind: ActivityKind
    kind_label: str = Field(..., description="종류의 한국어 이름")
    title: str
    status: ActivityStatus = Field(
        ..., description="published: 게시됨, cancelled: 취소됨, draft: 임시 저장"
    )
    region: RegionSummaryOut
    topics: list[TopicSummaryOut]
    audience: list[AudienceCode]
    place: PlaceOut
    starts_at: datetime
    ends_at: datetime
    capacity: int | None = Field(None, description="정원, 제한이 없으면 null")
    fee: int = Field(..., description="참가비(원), 무료면 0")
    requires_signup: bool
    confirmed_count: int = Field(..., description="참가가 확정된 사람 수")
    waiting_count: int = Field(..., description="대기 중인 사람 수")
    seats_left: int | None = Field(None, description="남은 자리, 제한이 없으면 null")
    is_full: bool
    host: ActivityHostOut
    series_id: int | None = Field(None, description="정규 활동이면 그 묶음의 id")
    image_url: str | None = None
    web_url: str = Field(..., description="누리집에서 이 활동을 보는 주소")

    @staticmethod
    def resolve_kind_label(activity: Activity) -> str:
        return str(activity.get_kind_display())

    @staticmethod
    def resolve_audience(activity: Activity) -> list[str]:
        return activity.audience_codes

    @staticmethod
    def resolve_place(activity: Activity) -> dict:
        return {
            "name": activity.place_name,
            "street": activity.address,
            "latitude": activity.latitude,
            "longitude": activity.longitude,
            "is_online": activity.is_online,
        }

    @staticmethod
    def resolve_host(activity: Activity) -> dict:
        return {
            "kind": activity.host_kind,
            "name": activity.host_name,
            "user_id": activity.host_id,
            "nickname": activity.host.nickname,
            "organization": activity.host_organization,
        }

    @staticmethod
    def resolve_image_url(activity: Activity) -> str | None:
        return activity.image.url if activity.image else None

    @staticmethod
    def resolve_web_url(activity: Activity) -> str:
        return activity.get_absolute_url()


class SeriesOut(Schema):
    id: int
    frequency: SeriesFrequency = Field(
        ..., description="weekly: 매주, biweekly: 격주, monthly_weekday: 매월 같은 주 같은 요일"
    )
    until: date


class RatingOut(Schema):
    average: float | None = Field(None, description="별점 평균 (1~5), 후기가 없으면 null")
    count: int


class MyRsvpOut(Schema):
    status: RsvpStatus = Field(..., description="confirmed: 참가 확정, waiting: 대기 중")
    position: int | None = Field(None, description="대기 순번 (1부터), 확정이면 null")


class ActivityDetailOut(ActivityOut):
    description: str
    external_url: str
    series: SeriesOut | None = None
    cancel_reason: str
    published_at: datetime | None = None
    created_at: datetime
    rating: RatingOut
    host_contact: str | None = Field(
        None,
        description="주최자 연락처. 참가가 확정된 사람과 주최 측에게만 주고, 다른 사람에게는 null",
    )
    my_rsvp: MyRsvpOut | None = Field(None, description="로그인한 사람 자신의 신청, 없으면 null")
    can_manage: bool = Field(..., description="로그인한 사람이 이 활동을 관리할 수 있는지")
    can_review: bool = Field(..., description="로그인한 사람이 지금 후기를 쓸 수 있는지")


class RsvpOut(Schema):
    activity_id: int
    status: RsvpStatus = Field(
        ..., description="confirmed: 참가 확정, waiting: 대기 중, cancelled: 취소함"
    )
    status_label: str
    position: int | None = Field(None, description="대기 순번 (1부터), 대기 중이 아니면 null")
    message: str = Field(..., description="사람에게 보여 줄 결과 설명")
    confirmed_count: int
    waiting_count: int
    seats_left: int | None = None


class ReviewAuthorOut(Schema):
    id: int
    nickname: str


class ReviewOut(Schema):
    id: int
    rating: int = Field(..., ge=1, le=5)
    text: str
    photo_url: str | None = None
    author: ReviewAuthorOut
    host_reply: str
    replied_at: datetime | None = None
    created_at: datetime

    @staticmethod
    def resolve_photo_url(review: Review) -> str | None:
        return review.photo.url if review.photo else None


class ReviewIn(Schema):
    rating: int = Field(..., ge=1, le=5, description="별점 1~5")
    text: str = Field(..., min_length=1, max_length=5000, description="후기 내용 (5,000자까지)")

    @field_validator("text")
    @classmethod
    def text_has_no_control_characters(cls, value: str) -> str:
        # Line breaks and tabs are fine in a review; other control characters are not.
        if any(unicodedata.category(c) == "Cc" and c not in "\n\r\t" for c in value):
            raise ValueError(_("보이지 않는 제어 문자는 쓸 수 없습니다."))
        return value


class MapPointOut(Schema):
    id: int
    title: str
    kind: ActivityKind
    kind_label: str
    starts_at: datetime
    when: str = Field(..., description="시작 일시를 사람이 읽는 형식으로")
    place_name: str
    lat: float
    lng: float
    url: str = Field(..., description="누리집에서 이 활동을 보는 주소")


class MapClusterOut(Schema):
    lat: float
    lng: float
    count: int
    bounds: list[float] = Field(..., description="이 묶음의 범위: 남, 서, 북, 동")


class MapOut(Schema):
    mode: Literal["points", "clusters"] = Field(
        ..., description="points: 활동 하나하나, clusters: 활동이 많아 구역별로 묶음"
    )
    total: int = Field(..., description="범위 안의 활동 수")
    points: list[MapPointOut] = Field(default_factory=list)
    clusters: list[MapClusterOut] = Field(default_factory=list)
