from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja.pagination import paginate

from sotong.api.errors import NotFound, unknown_value
from sotong.api.pagination import CursorPage, LimitOffsetPage
from sotong.api.schemas import (
    ErrorOut,
    OrganizationDetailOut,
    OrganizationFilters,
    OrganizationOut,
    PublicMemberOut,
    ValidationErrorOut,
)
from sotong.api.selectors import (
    active_organization,
    active_region,
    active_topic,
    organization_detail,
    organization_list,
    public_members,
)
from sotong.organizations.models import Organization

router = Router(tags=["단체"])
ORGANIZATION_SLUG = Path(..., description="단체 주소용 이름", example="namwon-play")


def _found(organization: Organization | None) -> Organization:
    if organization is None:
        raise NotFound(_("단체를 찾을 수 없습니다."))
    return organization


@router.get(
    "",
    response={200: list[OrganizationOut], 422: ValidationErrorOut},
    operation_id="list_organizations",
    summary="단체 목록",
    description="활동 중인 단체를 이름 순으로 줍니다. 지역(시·군·구를 고르면 그 안의 "
    "읍·면·동 포함), 종류, 주제, 검색어로 거를 수 있습니다. 연락처는 주지 않습니다. "
    "다음 쪽은 next_cursor를 cursor로 보내 받습니다.",
)
@paginate(CursorPage)
def list_organizations(
    request: HttpRequest, filters: Query[OrganizationFilters]
) -> QuerySet[Organization]:
    region = topic = None
    if filters.region is not None:
        region = active_region(filters.region)
        if region is None:
            raise unknown_value("query", "region", _("이런 지역이 없습니다."))
    if filters.topic is not None:
        topic = active_topic(filters.topic)
        if topic is None:
            raise unknown_value("query", "topic", _("이런 주제가 없습니다."))
    return organization_list(region=region, kind=filters.kind, topic=topic, query=filters.q)


@router.get(
    "/{slug}",
    response={200: OrganizationDetailOut, 404: ErrorOut},
    operation_id="get_organization",
    summary="단체 하나",
    description="단체의 소개, 주제, 구성원 수와 이름을 보이기로 한 구성원(닉네임만)을 줍니다. "
    "이메일과 전화번호는 주지 않습니다.",
)
def get_organization(request: HttpRequest, slug: str = ORGANIZATION_SLUG) -> Organization:
    return _found(organization_detail(slug))


@router.get(
    "/{slug}/members",
    response={200: list[PublicMemberOut], 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="list_organization_members",
    summary="단체의 공개 구성원",
    description="단체 페이지에 이름을 보이기로 한 구성원을 관리자 먼저, 가입 순으로 줍니다. "
    "닉네임만 줍니다.",
)
@paginate(LimitOffsetPage)
def list_organization_members(request: HttpRequest, slug: str = ORGANIZATION_SLUG) -> QuerySet:
    return public_members(_found(active_organization(slug)))
