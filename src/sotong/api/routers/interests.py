"""What I follow (logged in) and how many follow an organisation: read-only."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.security import django_auth

from sotong.api.errors import NotFound
from sotong.api.schemas import ErrorOut, ValidationErrorOut
from sotong.interests.selectors import follow_list, follower_count
from sotong.organizations.models import Organization

router = Router(tags=["관심사"])


class FollowedPersonOut(Schema):
    id: int
    nickname: str


class MyFollowsOut(Schema):
    topics: list[str] = Field(..., description="팔로우한 주제의 주소용 이름")
    regions: list[str] = Field(..., description="팔로우한 지역의 주소용 이름")
    organizations: list[str] = Field(..., description="팔로우한 단체의 주소용 이름")
    people: list[FollowedPersonOut] = Field(..., description="팔로우한 주민 (닉네임만)")


class FollowerCountOut(Schema):
    organization: str
    followers: int


@router.get(
    "/me",
    auth=django_auth,
    response={200: MyFollowsOut, 401: ErrorOut},
    operation_id="get_my_follows",
    summary="내가 팔로우하는 것",
    description="로그인한 사람이 팔로우하는 주제, 지역, 단체, 주민을 줍니다. "
    "로그인하지 않았으면 401을 줍니다.",
)
def get_my_follows(request: HttpRequest) -> dict:
    follows = follow_list(request.auth)
    return {
        "topics": [t.slug for t in follows["topics"]],
        "regions": [r.slug for r in follows["regions"]],
        "organizations": [o.slug for o in follows["organizations"]],
        "people": [
            {"id": p.pk, "nickname": p.nickname}
            for p in follows["people"]
            if p.is_active and p.deleted_at is None
        ],
    }


@router.get(
    "/organizations/{slug}",
    response={200: FollowerCountOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="get_organization_followers",
    summary="단체 팔로워 수",
    description="활동 중인 단체를 팔로우하는 사람 수를 줍니다. 누가 팔로우하는지는 주지 않습니다.",
)
def get_organization_followers(
    request: HttpRequest, slug: str = Path(..., description="단체 주소용 이름", max_length=80)
) -> dict:
    organization = Organization.objects.filter(slug=slug, is_active=True).first()
    if organization is None:
        raise NotFound(_("단체를 찾을 수 없습니다."))
    return {"organization": organization.slug, "followers": follower_count(organization)}
