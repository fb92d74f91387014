"""The logged-in person's notifications: newest first, a page at a time by key; mark read."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.security import django_auth

from sotong.api.errors import NotFound
from sotong.api.routers.activities import session_auth
from sotong.api.schemas import ErrorOut
from sotong.notifications import selectors, services
from sotong.notifications.models import Notification

router = Router(tags=["알림"])


class NotificationOut(Schema):
    id: int
    kind: str = Field(..., description='종류, 예: "activities.new"')
    text: str = Field(..., description="읽는 사람의 언어로 된 알림 문장")
    url: str = Field(..., description="알림이 가리키는 페이지 경로 (없으면 빈 문자열)")
    created_at: datetime
    read_at: datetime | None


class NotificationPageOut(Schema):
    items: list[NotificationOut]
    next_before: int | None = Field(
        None, description="다음 쪽을 받으려면 `before`에 넣을 값. 마지막 쪽이면 null"
    )
    unread: int = Field(..., description="읽지 않은 알림 수 (100 이상은 100)")


class PageQuery(Schema):
    before: int | None = Field(None, ge=1, description="이 번호보다 오래된 알림만")
    limit: int = Field(20, ge=1, le=100, description="한 쪽의 알림 수 (1–100)")


class ReadAllOut(Schema):
    count: int = Field(..., description="읽음으로 표시한 알림 수")


def _out(notification: Notification) -> dict:
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "text": notification.text,
        "url": notification.url,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
    }


@router.get(
    "",
    auth=django_auth,
    response={200: NotificationPageOut, 401: ErrorOut, 422: ErrorOut},
    operation_id="list_my_notifications",
    summary="내 알림",
    description="로그인한 사람의 알림을 최신순으로 줍니다. 다음 쪽은 `next_before` 값을 "
    "`before`에 넣어 받습니다.",
)
def list_my_notifications(request: HttpRequest, query: Query[PageQuery]) -> dict:
    page, next_before = selectors.notifications_page(
        request.auth, before=query.before, size=query.limit
    )
    return {
        "items": [_out(n) for n in page],
        "next_before": next_before,
        "unread": selectors.unread_count(request.auth),
    }


@router.post(
    "/read-all",
    auth=session_auth,
    response={200: ReadAllOut, 401: ErrorOut, 403: ErrorOut},
    operation_id="read_all_my_notifications",
    summary="내 알림 모두 읽음",
    description="읽지 않은 알림을 모두 읽음으로 표시합니다. 세션으로 보낼 때는 X-CSRFToken "
    "헤더가 필요합니다(없으면 403).",
)
def read_all_my_notifications(request: HttpRequest) -> dict:
    return {"count": services.notifications_mark_all_read(actor=request.auth)}


@router.post(
    "/{notification_id}/read",
    auth=session_auth,
    response={200: NotificationOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="read_my_notification",
    summary="알림 하나 읽음",
    description="알림 하나를 읽음으로 표시합니다. 다른 사람의 알림은 404입니다. 세션으로 보낼 "
    "때는 X-CSRFToken 헤더가 필요합니다(없으면 403).",
)
def read_my_notification(
    request: HttpRequest,
    notification_id: int = Path(..., ge=1, le=2**63 - 1, description="알림 번호"),
) -> dict:
    notification = Notification.objects.filter(pk=notification_id, recipient=request.auth).first()
    if notification is None:
        raise NotFound(_("찾는 알림이 없습니다."))
    services.notification_mark_read(actor=request.auth, notification=notification)
    return _out(notification)
