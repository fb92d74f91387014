"""Activities in the API: the list with the page's filters, one activity, map data, sign-ups
and reviews. Writes go through sotong.activities.services, which hold every rule."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Status
from ninja.errors import HttpError, ValidationError
from ninja.pagination import paginate
from ninja.security import SessionAuth

from sotong.activities import map as activity_map
from sotong.activities import selectors, services
from sotong.activities.forms import ActivityFilterForm
from sotong.activities.models import Activity, Review, Rsvp
from sotong.api.errors import NotFound, unknown_value
from sotong.api.pagination import CursorPage, LimitOffsetPage
from sotong.api.schemas import (
    ActivityDetailOut,
    ActivityFilters,
    ActivityOut,
    ErrorOut,
    MapFilters,
    MapOut,
    ReviewIn,
    ReviewOut,
    RsvpOut,
    ValidationErrorOut,
)
from sotong.api.selectors import topic_list
from sotong.core.selectors import region_list

router = Router(tags=["활동"])
ACTIVITY_ID = Path(..., ge=1, le=2_147_483_647, description="활동 번호", example=1)


class SessionWithCsrf(SessionAuth):
    """Django's session log-in, with Django's CSRF check on writes (as django-ninja does for
    session auth), answering a failed check in Korean."""

    def _get_key(self, request: HttpRequest) -> str | None:
        try:
            return super()._get_key(request)
        except HttpError as error:
            if error.status_code != 403:
                raise
            raise HttpError(
                403,
                _(
                    "보안 확인(CSRF)에 실패했습니다. X-CSRFToken 헤더에 csrftoken 쿠키 값을 "
                    "담아 보내 주세요."
                ),
            ) from None


session_auth = SessionWithCsrf()


# --- reading ------------------------------------------------------------------------------


def _as_query_dict(filters: ActivityFilters) -> QueryDict:
    """The API's parameters as the list page receives them, so the page's form reads them."""
    data = QueryDict(mutable=True)
    for name in ("when", "region", "audience", "host", "sort"):
        value = getattr(filters, name)
        if value:
            data[name] = value
    for name in ("date_from", "date_to"):
        value = getattr(filters, name)
        if value:
            data[name] = value.isoformat()
    data.setlist("topic", list(filters.topic or []))
    data.setlist("kind", list(filters.kind or []))
    if filters.free:
        data["free"] = "on"
    if filters.seats:
        data["seats"] = "on"
    return data


def _parsed_filters(filters: ActivityFilters) -> selectors.ActivityFilters:
    """Reads the filters with the list page's own form; what the page would ignore with a
    message, the API refuses with a 422 naming the field."""
    regions = region_list()
    region = next((r for r in regions if r.slug == filters.region), None)
    if filters.region is not None and region is None:
        raise unknown_value("query", "region", _("이런 지역이 없습니다."))
    form = ActivityFilterForm(
        _as_query_dict(filters), regions=regions, topics=topic_list(region=region)
    )
    if not form.is_valid():
        raise ValidationError(
            [
                {"loc": ["query", field or "__all__"], "type": "unknown_value", "msg": message}
                for field, messages in form.errors.items()
                for message in messages
            ]
        )
    return form.filters()


def _visible_activity(request: HttpRequest, activity_id: int) -> Activity:
    """Published (and cancelled) activities for everyone; drafts only for who may edit them."""
    activity = selectors.activity_for_page(activity_id)
    if activity is None or not request.user.has_perm("activities.view_activity", activity):
        raise NotFound(_("찾는 활동이 없습니다."))
    return activity


@router.get(
    "",
    response={200: list[ActivityOut], 422: ValidationErrorOut},
    operation_id="list_activities",
    summary="활동 목록",
    description="게시된 활동을 /activities/ 페이지와 같은 조건으로 거릅니다: 기간(오늘, 이번 "
    "주말, 이번 달, 지난 활동, 날짜 범위), 지역(시·군·구면 그 안의 읍·면·동 포함), 주제, 종류, "
    "대상, 무료, 자리 남음, 주최 종류. 정렬은 날짜순, 최근 등록순, 참가자 많은 순. "
    "주최자 연락처는 주지 않습니다. 다음 쪽은 응답의 next_cursor를 cursor로 보내 받습니다.",
)
@paginate(CursorPage)
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]) -> QuerySet[Activity]:
    return selectors.activity_list(_parsed_filters(filters)).defer("description")


@router.get(
    "/map",
    response={200: MapOut, 422: ValidationErrorOut},
    operation_id="activities_map",
    summary="지도에 보일 활동",
    description="목록과 같은 조건에 맞고 지도 범위(bbox) 안에 장소가 있는 활동을 줍니다. "
    f"{activity_map.CLUSTER_THRESHOLD}개가 넘으면 확대 수준(zoom)에 맞춘 격자로 묶어 "
    "구역별 개수(clusters)를 줍니다.",
)
def activities_map(request: HttpRequest, filters: Query[MapFilters]) -> dict:
    try:
        bbox = activity_map.parse_bbox(filters.bbox)
    except DjangoValidationError as error:
        raise unknown_value("query", "bbox", error.messages[0]) from None
    return activity_map.map_data(_parsed_filters(filters), bbox, filters.zoom)


@router.get(
    "/{activity_id}",
    response={200: ActivityDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="get_activity",
    summary="활동 하나",
    description="활동의 소개, 장소, 일시, 정원과 신청 현황, 별점을 줍니다. 임시 저장된 활동은 "
    "주최 측에게만 보입니다. 주최자 연락처는 참가가 확정된 사람과 주최 측에게만 줍니다.",
)
def get_activity(request: HttpRequest, activity_id: int = ACTIVITY_ID) -> Activity:
    activity = _visible_activity(request, activity_id)
    user = request.user
    rsvp = selectors.viewer_rsvp(user, activity)
    confirmed = rsvp is not None and rsvp.status == Rsvp.Status.CONFIRMED
    activity.can_manage = user.has_perm("activities.change_activity", activity)
    activity.host_contact = (
        activity.host_contact
        if (confirmed or activity.can_manage) and activity.host_contact
        else None
    )
    activity.my_rsvp = rsvp
    activity.rating = selectors.rating_summary(activity)
    activity.can_review = (
        confirmed
        and activity.has_ended
        and not activity.is_cancelled
        and not Review.objects.filter(activity=activity, author=user).exists()
    )
    return activity


@router.get(
    "/{activity_id}/reviews",
    response={200: list[ReviewOut], 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="list_activity_reviews",
    summary="활동 후기",
    description="참가자가 남긴 후기를 최근 것부터 줍니다. 작성자는 닉네임만 보입니다.",
)
@paginate(LimitOffsetPage)
def list_activity_reviews(request: HttpRequest, activity_id: int = ACTIVITY_ID) -> QuerySet[Review]:
    activity = _visible_activity(request, activity_id)
    return (
        Review.objects.filter(activity=activity)
        .select_related("author")
        .only(
            "pk",
            "rating",
            "text",
            "photo",
            "host_reply",
            "replied_at",
            "created_at",
            "activity_id",
            "author__id",
            "author__nickname",
        )
        .order_by("-created_at", "-pk")
    )


# --- writing ------------------------------------------------------------------------------

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


def _rsvp_answer(rsvp: Rsvp, activity: Activity, message: str) -> dict:
    activity.refresh_from_db(fields=["confirmed_count", "waiting_count"])
    return {
        "activity_id": activity.pk,
        "status": rsvp.status,
        "status_label": str(rsvp.get_status_display()),
        "position": rsvp.position,
        "message": message,
        "confirmed_count": activity.confirmed_count,
        "waiting_count": activity.waiting_count,
        "seats_left": activity.seats_left,
    }


@router.post(
    "/{activity_id}/rsvp",
    auth=session_auth,
    response={201: RsvpOut, **WRITE_ERRORS},
    operation_id="create_rsvp",
    summary="참가 신청",
    description="로그인한 사람이 참가를 신청합니다. 자리가 있으면 바로 확정(confirmed), 정원이 "
    "찼으면 대기자 명단 끝(waiting, position은 대기 순번)에 올라가고 자리가 나면 자동으로 "
    "확정됩니다. 이미 신청했거나, 시작했거나, 게시되지 않은 활동이면 422. 로그인 세션과 "
    "CSRF 토큰(X-CSRFToken 헤더)이 필요합니다.",
)
def create_rsvp(request: HttpRequest, activity_id: int = ACTIVITY_ID) -> Status:
    activity = _visible_activity(request, activity_id)
    rsvp = services.rsvp_create(actor=request.auth, activity=activity)
    if rsvp.status == Rsvp.Status.CONFIRMED:
        message = _("참가 신청이 확정되었습니다.")
    else:
        message = _(
            "정원이 차서 대기자 %(position)d번으로 신청했습니다. 자리가 나면 자동으로 확정됩니다."
        ) % {"position": rsvp.position}
    return Status(201, _rsvp_answer(rsvp, activity, message))


@router.delete(
    "/{activity_id}/rsvp",
    auth=session_auth,
    response={200: RsvpOut, **WRITE_ERRORS},
    operation_id="cancel_rsvp",
    summary="참가 신청 취소",
    description="로그인한 사람 자신의 신청을 취소합니다. 확정된 자리가 비면 대기자 명단의 첫 "
    "사람이 자동으로 확정됩니다. 신청이 없거나 활동이 끝났으면 422.",
)
def cancel_rsvp(request: HttpRequest, activity_id: int = ACTIVITY_ID) -> dict:
    activity = _visible_activity(request, activity_id)
    rsvp = services.rsvp_cancel(actor=request.auth, activity=activity)
    return _rsvp_answer(rsvp, activity, _("참가 신청을 취소했습니다."))


@router.post(
    "/{activity_id}/reviews",
    auth=session_auth,
    response={201: ReviewOut, **WRITE_ERRORS},
    operation_id="create_review",
    summary="후기 쓰기",
    description="참가가 확정된 사람만, 활동이 끝난 뒤에 한 번 후기를 씁니다 (별점 1~5와 "
    "글). 참가자가 아니면 403, 끝나기 전이거나 이미 썼으면 422.",
)
def create_review(
    request: HttpRequest, payload: ReviewIn, activity_id: int = ACTIVITY_ID
) -> Status:
    activity = _visible_activity(request, activity_id)
    review = services.review_create(
        actor=request.auth, activity=activity, rating=payload.rating, text=payload.text
    )
    return Status(201, review)
