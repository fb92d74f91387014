"""The Sotong API, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Router, Schema
from ninja.renderers import JSONRenderer

from sotong.api.errors import NotFound, install_error_handlers
from sotong.api.routers import (
    activities,
    archive,
    interests,
    me,
    notices,
    notifications,
    organizations,
    proposals,
    questions,
    regions,
    search,
    topics,
)


class KoreanJSONRenderer(JSONRenderer):
    """Hangul as itself rather than as escape sequences: fewer bytes, and readable."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Sotong API",
    version="1",
    description="소통 — 지역, 주제, 단체와 회원 정보를 읽는 API. "
    "오류는 언제나 JSON이며 `detail`에 사람이 읽을 수 있는 설명이 있습니다. "
    "이메일 주소와 전화번호는 어떤 응답에도 없습니다.",
    urls_namespace="api",
    renderer=KoreanJSONRenderer(),
)
install_error_handlers(api)


class HealthOut(Schema):
    status: str = Field(..., description='살아 있으면 "ok"')


@api.get(
    "/health",
    response=HealthOut,
    operation_id="health",
    summary="Health check",
    description="API가 요청을 받을 수 있는지 확인합니다. 데이터베이스는 읽지 않습니다.",
    tags=["상태"],
)
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok"}


api.add_router("/regions", regions.router)
api.add_router("/topics", topics.router)
api.add_router("/organizations", organizations.router)
api.add_router("/activities", activities.router)
api.add_router("/archive", archive.router)
api.add_router("/notices", notices.router)
api.add_router("/proposals", proposals.router)
api.add_router("/questions", questions.router)
api.add_router("/search", search.router)
api.add_router("/interests", interests.router)
api.add_router("/me", me.router)
api.add_router("/me/notifications", notifications.router)

# Added last, so it only answers paths no operation matched: a JSON 404, not Django's HTML page.
unmatched = Router()


@unmatched.api_operation(
    ["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:rest}", include_in_schema=False
)
def no_such_endpoint(request: HttpRequest, rest: str):
    raise NotFound(_("이런 API 주소는 없습니다."))


api.add_router("", unmatched)
