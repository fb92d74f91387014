"""Notices and public hearings in the API, read-only: the list (key-based pages, the page's
filters) and one notice with its documents and the questions answered under it. People appear
by nickname only; no e-mail or phone anywhere."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from sotong.api.errors import NotFound, unknown_value
from sotong.api.schemas import (
    ErrorOut,
    QueryText,
    RegionSummaryOut,
    TopicSummaryOut,
    ValidationErrorOut,
)
from sotong.core.models import Region
from sotong.notices import selectors
from sotong.notices.models import Notice

router = Router(tags=["공지·공청회"])
NOTICE_ID = Path(..., ge=1, le=2_147_483_647, description="공지 번호", example=1)


class NoticeFilters(Schema):
    region: QueryText | None = Field(
        None, max_length=80, description="지역 주소용 이름(slug). 시·군·구면 읍·면·동 포함"
    )
    # Plain strings, not the model's enum: its schema would be named "Kind" and clash with
    # the organisations' kinds in the OpenAPI document.
    kind: QueryText | None = Field(
        None, max_length=20, description="종류: notice, hearing, briefing, consultation"
    )
    state: QueryText | None = Field(
        None, max_length=10, description="open(진행 중) 또는 closed(마감)"
    )
    cursor: QueryText | None = Field(
        None, max_length=200, description="다음 쪽: 앞 응답의 next_cursor. 첫 쪽은 비워 둡니다."
    )


class DepartmentOut(Schema):
    id: int
    slug: str
    name: str


class NoticeOut(Schema):
    id: int
    kind: str = Field(..., description="notice, hearing, briefing, consultation")
    kind_label: str
    title: str
    region: RegionSummaryOut
    department: DepartmentOut
    topics: list[TopicSummaryOut]
    starts_at: datetime | None = Field(None, description="공청회·설명회 일시")
    place_name: str
    # A public venue's street address, shown on the notice page too. Not named "address": the
    # privacy check refuses that name anywhere in the schema (people's and groups' addresses).
    location: str = Field(..., description="행사장 주소 (공개된 장소)")
    latitude: float | None = None
    longitude: float | None = None
    comment_opens_at: datetime | None = None
    comment_closes_at: datetime | None = None
    is_pinned: bool = Field(..., description="마감 전까지 지역 첫 화면에 고정")
    is_closed: bool
    question_count: int
    published_at: datetime
    web_url: str

    @staticmethod
    def resolve_kind_label(notice) -> str:
        return str(notice.get_kind_display())

    @staticmethod
    def resolve_topics(notice) -> list:
        return list(notice.topics.all())

    @staticmethod
    def resolve_location(notice) -> str:
        return notice.address

    @staticmethod
    def resolve_web_url(notice) -> str:
        return notice.get_absolute_url()


class NoticePageOut(Schema):
    items: list[NoticeOut]
    next_cursor: str | None = Field(..., description="다음 쪽의 cursor 값. 마지막 쪽이면 null")


class DocumentOut(Schema):
    title: str
    url: str
    size: int

    @staticmethod
    def resolve_url(document) -> str:
        return document.file.url


class NoticeQuestionOut(Schema):
    id: int
    asker: str = Field(..., description="질문한 사람의 별명")
    body: str
    asked_at: datetime
    answer: str | None = Field(None, description="담당 부서의 답변 (아직 없으면 null)")
    answered_at: datetime | None = None

    @staticmethod
    def resolve_asker(question) -> str:
        return question.author.nickname

    @staticmethod
    def resolve_asked_at(question) -> datetime:
        return question.created_at

    @staticmethod
    def resolve_answer(question) -> str | None:
        return question.answer or None


class NoticeDetailOut(NoticeOut):
    body: str = Field(..., description="마크다운 본문")
    documents: list[DocumentOut]
    questions: list[NoticeQuestionOut]

    @staticmethod
    def resolve_documents(notice) -> list:
        return list(notice.documents.all())

    @staticmethod
    def resolve_questions(notice) -> list:
        return notice.question_rows


@router.get(
    "",
    response={200: NoticePageOut, 422: ValidationErrorOut},
    operation_id="notices_list",
    summary="공지·공청회 목록",
    description="새로 올라온 것부터. 조건: 지역, 종류, 진행 중/마감. "
    "다음 쪽은 응답의 next_cursor를 cursor로 보내 받습니다.",
)
def list_notices(request: HttpRequest, filters: Query[NoticeFilters]) -> dict:
    parsed = selectors.NoticeFilters()
    if filters.region:
        region = Region.objects.active().filter(slug=filters.region).first()
        if region is None:
            raise unknown_value("query", "region", _("알 수 없는 지역입니다."))
        parsed.regions = region.family_ids()
    if filters.kind:
        if filters.kind not in Notice.Kind.values:
            raise unknown_value("query", "kind", _("알 수 없는 종류입니다."))
        parsed.kinds = [filters.kind]
    if filters.state:
        if filters.state not in selectors.STATES:
            raise unknown_value("query", "state", _("open 또는 closed만 쓸 수 있습니다."))
        parsed.state = filters.state
    page = selectors.notice_list(parsed, cursor=filters.cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/{notice_id}",
    response={200: NoticeDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="notices_detail",
    summary="공지 하나",
    description="본문, 일시와 장소, 의견 접수 기간, 자료, 주민 질문과 담당 부서의 답변.",
)
def get_notice(request: HttpRequest, notice_id: int = NOTICE_ID):
    notice = selectors.notice_for_page(notice_id)
    if notice is None:
        raise NotFound(_("찾는 공지가 없습니다."))
    notice.question_rows = selectors.questions_for(notice)
    return notice
