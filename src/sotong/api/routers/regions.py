from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Path, Router

from sotong.api.errors import NotFound
from sotong.api.schemas import ErrorOut, RegionDetailOut, RegionOut
from sotong.api.selectors import region_detail
from sotong.core.models import Region
from sotong.core.selectors import region_list

router = Router(tags=["지역"])


@router.get(
    "",
    response=list[RegionOut],
    operation_id="list_regions",
    summary="지역 목록",
    description="사용 중인 모든 지역. 시·군·구 다음에 그 안의 읍·면·동이 이어집니다. "
    "각 지역의 중심점과 경계 상자를 함께 줍니다.",
)
def list_regions(request: HttpRequest) -> list[Region]:
    return region_list()


@router.get(
    "/{slug}",
    response={200: RegionDetailOut, 404: ErrorOut},
    operation_id="get_region",
    summary="지역 하나",
    description="주소용 이름(slug)으로 지역 하나와 그 상위 지역, 그 안의 읍·면·동을 봅니다.",
)
def get_region(
    request: HttpRequest,
    slug: str = Path(..., description="지역 주소용 이름", example="namwon"),
) -> Region:
    region = region_detail(slug)
    if region is None:
        raise NotFound(_("지역을 찾을 수 없습니다."))
    return region
