"""Proposals in the API, read-only: the list with the page's filters (keyset pages) and one
proposal with its public timeline and official answer. No e-mail or phone anywhere; people
appear by nickname only."""

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from sotong.api.errors import NotFound, unknown_value
from sotong.api.pagination import CursorPage
from sotong.api.schemas import (
    ErrorOut,
    OrganizationSummaryOut,
    QueryText,
    RegionSummaryOut,
    TopicSummaryOut,
    ValidationErrorOut,
)
from sotong.core.models import Region, Topic
from sotong.proposals import selectors
from sotong.proposals.models import Answer, Proposal, Status, Step

router = Router(tags=["제안"])
PROPOSAL_ID = Path(..., ge=1, le=2_147_483_647, description="제안 번호", example=1)
PUBLIC_STATUSES = [value for value in Status.values if value != Status.WITHDRAWN]


class ProposalFilters(Schema):
    region: QueryText | None = Field(
        None, max_length=80, description="지역 주소용 이름(slug). 시·군·구면 읍·면·동 포함"
    )
    topic: QueryText | None = Field(None, max_length=80, description="주제 주소용 이름(slug)")
    status: QueryText | None = Field(
        None, max_length=20, description="단계: " + ", ".join(PUBLIC_STATUSES)
    )
    min_supports: int | None = Field(
        None, ge=0, le=10_000_000, description="공감이 이 수 이상인 제안만"
    )
    age: QueryText | None = Field(
        None, max_length=10, description="제출 시기: week, month, quarter, year"
    )
    overdue: bool = Field(False, description="답변 기한이 지났는데 답변이 없는 제안만")
    sort: str = Field("newest", max_length=10, description="정렬: newest, oldest, supports, due")


class ProposalOut(Schema):
    id: int
    title: str
    status: Status
    status_label: str
    region: RegionSummaryOut
    topics: list[TopicSummaryOut]
    proposer: str = Field(..., description="제안한 사람의 별명이나 단체 이름")
    organization: OrganizationSummaryOut | None = None
    support_count: int
    comment_count: int
    threshold_reached: int = Field(..., description="도달한 가장 높은 공감 기준 (없으면 0)")
    department: OrganizationSummaryOut | None = Field(None, description="전담부서")
    due_at: datetime | None = Field(None, description="답변 기한 (첫 공감 기준부터)")
    is_overdue: bool
    answered_at: datetime | None = None
    place_name: str
    latitude: float | None = None
    longitude: float | None = None
    created_at: datetime
    web_url: str

    @staticmethod
    def resolve_status_label(proposal) -> str:
        return str(proposal.get_status_display())

    @staticmethod
    def resolve_proposer(proposal) -> str:
        return proposal.proposer_name

    @staticmethod
    def resolve_web_url(proposal) -> str:
        return proposal.get_absolute_url()


class StepOut(Schema):
    kind: Step.Kind
    from_status: str
    to_status: Status
    level: int | None = None
    actor: str | None = Field(None, description="처리한 사람의 별명 (자동 기록이면 null)")
    organization: str | None = Field(None, description="처리한 부서")
    reason: str
    created_at: datetime

    @staticmethod
    def resolve_actor(step) -> str | None:
        return step.actor.nickname if step.actor_id else None

    @staticmethod
    def resolve_organization(step) -> str | None:
        return step.actor_organization.name if step.actor_organization_id else None


class AnswerOut(Schema):
    decision: Answer.Decision
    decision_label: str
    reasons: str
    plan: str
    department: OrganizationSummaryOut
    created_at: datetime

    @staticmethod
    def resolve_decision_label(answer) -> str:
        return str(answer.get_decision_display())


class ProposalDetailOut(ProposalOut):
    problem: str
    idea: str
    expected_effect: str
    evidence: str
    timeline: list[StepOut] = Field(..., description="공개 진행 과정, 오래된 것부터")
    answer: AnswerOut | None = Field(None, description="공식 답변 (아직 없으면 null)")

    @staticmethod
    def resolve_timeline(proposal) -> list:
        return proposal.timeline_rows

    @staticmethod
    def resolve_answer(proposal):
        return proposal.answer_row


def _filters(filters: ProposalFilters) -> selectors.Filters:
    parsed = selectors.Filters()
    if filters.region:
        parsed.region = Region.objects.active().filter(slug=filters.region).first()
        if parsed.region is None:
            raise unknown_value("query", "region", _("알 수 없는 지역입니다."))
    if filters.topic:
        parsed.topic = Topic.objects.active().filter(slug=filters.topic).first()
        if parsed.topic is None:
            raise unknown_value("query", "topic", _("알 수 없는 주제입니다."))
    if filters.status:
        if filters.status not in PUBLIC_STATUSES:
            raise unknown_value("query", "status", _("알 수 없는 단계입니다."))
        parsed.status = filters.status
    if filters.age:
        if filters.age not in selectors.AGES:
            raise unknown_value("query", "age", _("알 수 없는 기간입니다."))
        parsed.age = filters.age
    if filters.sort not in selectors.SORTS:
        raise unknown_value("query", "sort", _("알 수 없는 정렬입니다."))
    parsed.sort = filters.sort
    parsed.min_supports = filters.min_supports
    parsed.overdue = filters.overdue
    return parsed


@router.get(
    "",
    response={200: list[ProposalOut], 422: ValidationErrorOut},
    operation_id="proposals_list",
    summary="제안 목록",
    description="철회되지 않은 주민 제안. 조건: 지역, 주제, 단계, 공감 수, 제출 시기, 기한 지남. "
    "다음 쪽은 응답의 next_cursor를 cursor로 보내 받습니다.",
)
@paginate(CursorPage)
def list_proposals(request: HttpRequest, filters: Query[ProposalFilters]) -> QuerySet[Proposal]:
    return (
        selectors.proposal_queryset(_filters(filters))
        .defer("problem", "idea", "expected_effect", "evidence")
        .prefetch_related("topics")
    )


@router.get(
    "/{proposal_id}",
    response={200: ProposalDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="proposals_detail",
    summary="제안 하나",
    description="제안의 내용, 공개 진행 과정(누가, 언제, 왜), 공식 답변.",
)
def get_proposal(request: HttpRequest, proposal_id: int = PROPOSAL_ID):
    proposal = selectors.proposal_for_page(proposal_id)
    if proposal is None or proposal.status == Status.WITHDRAWN:
        raise NotFound(_("찾는 제안이 없습니다."))
    proposal.timeline_rows = selectors.timeline(proposal)
    proposal.answer_row = selectors.answer_for(proposal)
    return proposal
