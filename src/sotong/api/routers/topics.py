from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router

from sotong.api.errors import unknown_value
from sotong.api.schemas import TopicFilters, TopicOut, ValidationErrorOut
from sotong.api.selectors import active_region, topic_list

router = Router(tags=["주제"])


@router.get(
    "",
    response={200: list[TopicOut], 422: ValidationErrorOut},
    operation_id="list_topics",
    summary="주제 목록",
    description="사용 중인 관심 주제를 정한 순서대로 줍니다. `region`을 주면 모든 지역 공통 "
    "주제와 그 지역(시·군·구)만의 주제를 줍니다.",
)
def list_topics(request: HttpRequest, filters: Query[TopicFilters]):
    region = None
    if filters.region is not None:
        region = active_region(filters.region)
        if region is None:
            raise unknown_value("query", "region", _("이런 지역이 없습니다."))
    return topic_list(region=region)
