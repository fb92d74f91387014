from datetime import datetime

from django.http import HttpRequest
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from sotong.api.errors import unknown_value
from sotong.api.schemas import QueryText, ValidationErrorOut
from sotong.core.models import Region
from sotong.search import highlight, registry
from sotong.search.selectors import MAX_PAGE, Filters, search

router = Router(tags=["검색"])


class SearchParams(Schema):
    q: QueryText = Field("", max_length=2000, description="검색어 (100자까지 봅니다)")
    kind: QueryText | None = Field(
        None, max_length=40, description="종류: activity, organization …"
    )
    region: QueryText | None = Field(None, max_length=100, description="지역 주소용 이름")
    topic: int | None = Field(None, ge=1, le=2**31 - 1, description="주제 번호")
    year: int | None = Field(None, ge=1900, le=2200, description="연도")
    page: int = Field(1, ge=1, le=MAX_PAGE, description="쪽 (한 쪽에 20건)")


class HitOut(Schema):
    kind: str
    kind_label: str
    title: str
    snippet: str = Field(..., description="검색어 주변의 본문 (일반 텍스트)")
    url: str
    date: datetime | None


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    query: str = Field(..., description="실제로 찾은 검색어 (너무 길면 잘림)")
    truncated: bool
    terms: list[str] = Field(..., description="형태소 분석으로 얻은 검색 낱말")
    count: int
    page: int
    results: list[HitOut]
    facets: dict[str, list[FacetOut]]
    suggestion: str | None = Field(None, description="결과가 적을 때 제안하는 검색어")


@router.get(
    "",
    response={200: SearchOut, 422: ValidationErrorOut},
    operation_id="search",
    summary="통합 검색",
    description="활동, 단체, 공지, 질문, 제안, 기록을 한국어 형태소로 찾습니다 "
    "(‘놀이터를’은 ‘놀이터’를, ‘바꿔봐요’는 ‘바꾸다’를 찾습니다). 제목에 있는 것이 먼저, "
    "그다음 최근 것이 먼저 나옵니다. 공개되지 않은 초안은 볼 수 있는 사람(작성자, 주최 단체의 "
    "관리자, 지역 관리자)에게만 보입니다.",
)
def search_everything(request: HttpRequest, params: Query[SearchParams]) -> dict:
    region = None
    if params.region:
        region = Region.objects.filter(slug=params.region, is_active=True).first()
        if region is None:
            raise unknown_value("query", "region", _("이런 지역이 없습니다."))
    if params.kind and registry.get(params.kind) is None:
        raise unknown_value("query", "kind", _("이런 종류가 없습니다."))
    filters = Filters(
        kind=params.kind or "",
        region_ids=region.family_ids() if region else None,
        topic_id=params.topic,
        year=params.year,
    )
    found = search(params.q, filters, request.user, params.page, mark=False)
    terms = found.query.terms
    facets = found.facets
    return {
        "query": found.query.text,
        "truncated": found.query.truncated,
        "terms": terms,
        "count": found.page.paginator.count,
        "page": found.page.number,
        "results": [
            {
                "kind": hit.document.kind,
                "kind_label": hit.kind_label,
                "title": hit.document.title,
                "snippet": strip_tags(highlight.window(hit.document.snippet_source, terms)),
                "url": hit.document.url,
                "date": hit.document.date,
            }
            for hit in found.hits
        ],
        "facets": {
            "kind": [
                {"value": row["kind"], "label": str(_label(row["kind"])), "count": row["count"]}
                for row in facets.get("kind", [])
            ],
            "region": [
                {"value": row["region__slug"], "label": row["region__name"], "count": row["count"]}
                for row in facets.get("region", [])
            ],
            "topic": [
                {"value": str(row["topic_id"]), "label": row["topic__name"], "count": row["count"]}
                for row in facets.get("topic", [])
            ],
            "year": [
                {"value": str(row["year"]), "label": str(row["year"]), "count": row["count"]}
                for row in facets.get("year", [])
            ],
        },
        "suggestion": found.suggestion,
    }


def _label(kind_key: str):
    kind = registry.get(kind_key)
    return kind.label if kind else kind_key
