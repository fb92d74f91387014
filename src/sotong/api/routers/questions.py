"""The question library in the API, read-only: the list (key-based pages, the page's filters)
and one question with its answers. People appear by nickname only."""

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
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
from sotong.core.models import Region, Topic
from sotong.questions import selectors

router = Router(tags=["질문도서관"])
QUESTION_ID = Path(..., ge=1, le=2_147_483_647, description="질문 번호", example=1)


class QuestionFilters(Schema):
    region: QueryText | None = Field(
        None, max_length=80, description="지역 주소용 이름(slug). 시·군·구면 읍·면·동 포함"
    )
    topic: QueryText | None = Field(None, max_length=80, description="주제 주소용 이름(slug)")
    state: QueryText | None = Field(
        None, max_length=12, description="answered(답변 있음) 또는 unanswered(답변 기다림)"
    )
    sort: str = Field("newest", max_length=10, description="정렬: newest 또는 helpful")
    cursor: QueryText | None = Field(
        None, max_length=200, description="다음 쪽: 앞 응답의 next_cursor. 첫 쪽은 비워 둡니다."
    )


class QuestionOut(Schema):
    id: int
    title: str
    region: RegionSummaryOut
    topics: list[TopicSummaryOut]
    asker: str = Field(..., description="질문한 사람의 별명")
    answer_count: int
    helpful_count: int = Field(..., description="답변들이 받은 ‘도움이 돼요’ 합계")
    accepted_answer_id: int | None = Field(None, description="질문한 사람이 고른 답변")
    created_at: datetime
    web_url: str

    @staticmethod
    def resolve_topics(question) -> list:
        return list(question.topics.all())

    @staticmethod
    def resolve_asker(question) -> str:
        return question.author.nickname

    @staticmethod
    def resolve_web_url(question) -> str:
        return question.get_absolute_url()


class QuestionPageOut(Schema):
    items: list[QuestionOut]
    next_cursor: str | None = Field(..., description="다음 쪽의 cursor 값. 마지막 쪽이면 null")


class AnswerOut(Schema):
    id: int
    author: str = Field(..., description="답한 사람의 별명")
    body: str = Field(..., description="마크다운")
    helpful_count: int
    is_accepted: bool
    created_at: datetime

    @staticmethod
    def resolve_author(answer) -> str:
        return answer.author.nickname

    @staticmethod
    def resolve_is_accepted(answer) -> bool:
        return answer.pk == answer.question.accepted_answer_id


class QuestionDetailOut(QuestionOut):
    body: str = Field(..., description="마크다운")
    answers: list[AnswerOut] = Field(..., description="고른 답변 먼저, 그다음 도움이 된 순")

    @staticmethod
    def resolve_answers(question) -> list:
        return question.answer_rows


@router.get(
    "",
    response={200: QuestionPageOut, 422: ValidationErrorOut},
    operation_id="questions_list",
    summary="질문도서관 목록",
    description="조건: 지역, 주제, 답변 있음/기다림. 정렬: 최신 순, 도움 많이 된 순. "
    "다음 쪽은 응답의 next_cursor를 cursor로 보내 받습니다.",
)
def list_questions(request: HttpRequest, filters: Query[QuestionFilters]) -> dict:
    parsed = selectors.QuestionFilters()
    if filters.region:
        region = Region.objects.active().filter(slug=filters.region).first()
        if region is None:
            raise unknown_value("query", "region", _("알 수 없는 지역입니다."))
        parsed.regions = region.family_ids()
    if filters.topic:
        parsed.topic = Topic.objects.active().filter(slug=filters.topic).first()
        if parsed.topic is None:
            raise unknown_value("query", "topic", _("알 수 없는 주제입니다."))
    if filters.state:
        if filters.state not in selectors.STATES:
            raise unknown_value("query", "state", _("answered 또는 unanswered만 쓸 수 있습니다."))
        parsed.state = filters.state
    if filters.sort not in selectors.SORTS:
        raise unknown_value("query", "sort", _("newest 또는 helpful만 쓸 수 있습니다."))
    parsed.sort = filters.sort
    page = selectors.question_list(parsed, cursor=filters.cursor)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/{question_id}",
    response={200: QuestionDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="questions_detail",
    summary="질문 하나",
    description="질문과 답변들. 질문한 사람이 고른 답변이 맨 앞입니다.",
)
def get_question(request: HttpRequest, question_id: int = QUESTION_ID):
    question = selectors.question_for_page(question_id)
    if question is None:
        raise NotFound(_("찾는 질문이 없습니다."))
    question.answer_rows = selectors.answers_for(question, AnonymousUser())
    for answer in question.answer_rows:
        answer.question = question
    return question
