"""The archive, read-only: published meeting records and documents with their key words.

Lists are paged with keys (`next_cursor`), never offsets: the archive only grows."""

from datetime import date

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema

from sotong.api.errors import NotFound, unknown_value
from sotong.api.schemas import (
    ErrorOut,
    OrganizationSummaryOut,
    QueryText,
    RegionSummaryOut,
    TopicSummaryOut,
    ValidationErrorOut,
)
from sotong.archive import selectors
from sotong.archive.models import Document, Licence, MeetingRecord, Term, Visibility
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization

router = Router(tags=["아카이브"])
RECORD_ID = Path(..., ge=1, le=2_147_483_647, description="기록 번호", example=1)
DOCUMENT_ID = Path(..., ge=1, le=2_147_483_647, description="자료 번호", example=1)
MAX_LIMIT = 100


class ArchiveFilters(Schema):
    region: QueryText | None = Field(
        None, max_length=80, description="지역 주소용 이름(slug). 시·군·구면 읍·면·동 포함"
    )
    topic: QueryText | None = Field(None, max_length=80, description="주제 주소용 이름(slug)")
    year: int | None = Field(None, ge=1900, le=2100, description="연도")
    organization: QueryText | None = Field(
        None, max_length=80, description="주최했거나 함께한 단체의 주소용 이름(slug)"
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"한 번에 받을 개수 (1~{MAX_LIMIT})")
    cursor: QueryText | None = Field(
        None,
        max_length=40,
        description="다음 쪽을 받을 때 앞 응답의 next_cursor 값. 첫 쪽은 비워 둡니다.",
    )


class FileOut(Schema):
    title: str
    url: str


class PhotoOut(Schema):
    caption: str
    url: str


class ArchiveItemOut(Schema):
    id: int
    title: str
    region: RegionSummaryOut
    host: str = Field(..., description="주최(펴낸) 단체나 사람의 이름")
    host_organization: OrganizationSummaryOut | None = None
    summary: str
    topics: list[TopicSummaryOut]
    keywords: list[str] = Field(..., description="핵심 키워드, 중요한 것부터")
    licence: str = Field(..., description="cc-by-4.0 또는 all-rights-reserved")
    licence_label: str
    web_url: str

    @staticmethod
    def resolve_host(item) -> str:
        return item.host_display

    @staticmethod
    def resolve_keywords(item) -> list[str]:
        return [row.term for row in item.keyword_rows]

    @staticmethod
    def resolve_licence_label(item) -> str:
        return str(Licence(item.licence).label)

    @staticmethod
    def resolve_web_url(item) -> str:
        return item.get_absolute_url()


class RecordOut(ArchiveItemOut):
    held_on: date
    place: str
    participants_count: int
    activity_id: int | None = None


class RecordDetailOut(RecordOut):
    discussion: str
    outcomes: str
    next_steps: str
    organizations: list[OrganizationSummaryOut]
    photos: list[PhotoOut]
    attachments: list[FileOut]

    @staticmethod
    def resolve_photos(record) -> list[dict]:
        return [{"caption": p.caption, "url": p.image.url} for p in record.photos.all()]

    @staticmethod
    def resolve_attachments(record) -> list[dict]:
        return [{"title": a.title, "url": a.file.url} for a in record.attachments.all()]


class DocumentOut(ArchiveItemOut):
    kind: Document.Kind
    kind_label: str
    issued_on: date

    @staticmethod
    def resolve_kind_label(document) -> str:
        return str(document.get_kind_display())


class DocumentDetailOut(DocumentOut):
    organizations: list[OrganizationSummaryOut]
    files: list[FileOut]

    @staticmethod
    def resolve_files(document) -> list[dict]:
        return [{"title": f.title, "url": f.file.url} for f in document.files.all()]


class RecordPageOut(Schema):
    items: list[RecordOut]
    next_cursor: str | None = Field(..., description="다음 쪽의 cursor 값. 마지막 쪽이면 null")


class DocumentPageOut(Schema):
    items: list[DocumentOut]
    next_cursor: str | None = Field(..., description="다음 쪽의 cursor 값. 마지막 쪽이면 null")


def _keywords_prefetch() -> Prefetch:
    return Prefetch(
        "terms",
        queryset=Term.objects.filter(is_keyword=True).order_by("-score", "term"),
        to_attr="keyword_rows",
    )


def _filters(filters: ArchiveFilters) -> selectors.Filters:
    parsed = selectors.Filters(year=filters.year)
    lookups = (
        ("region", Region.objects.active().select_related("parent"), selectors.UNKNOWN_REGION),
        ("topic", Topic.objects.active(), selectors.UNKNOWN_TOPIC),
        ("organization", Organization.objects.all(), selectors.UNKNOWN_ORGANIZATION),
    )
    for name, queryset, message in lookups:
        slug = getattr(filters, name)
        if slug is None:
            continue
        found = queryset.filter(slug=slug).first()
        if found is None:
            raise unknown_value("query", name, str(message))
        setattr(parsed, name, found)
    if filters.cursor and selectors.parse_cursor(filters.cursor) is None:
        raise unknown_value("query", "cursor", str(selectors.UNKNOWN_CURSOR))
    return parsed


def _page(queryset, date_field: str, filters: ArchiveFilters) -> dict:
    queryset = selectors.filtered(queryset, _filters(filters), date_field)
    page = selectors.keyset_page(queryset, date_field, filters.cursor, filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/records",
    response={200: RecordPageOut, 422: ValidationErrorOut},
    operation_id="list_meeting_records",
    summary="대화모임 기록 목록",
    description="공개된 대화모임 기록을 모임 날짜의 최근 순으로 줍니다. 지역, 주제, 연도, "
    "단체로 거를 수 있습니다. 다음 쪽은 응답의 next_cursor를 cursor로 보내 받습니다.",
)
def list_records(request: HttpRequest, filters: Query[ArchiveFilters]) -> dict:
    records = (
        MeetingRecord.objects.published()
        .select_related("region", "host_organization", "created_by")
        .prefetch_related("topics", _keywords_prefetch())
        .defer("discussion", "outcomes", "next_steps")
    )
    return _page(records, "held_on", filters)


@router.get(
    "/records/{record_id}",
    response={200: RecordDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="get_meeting_record",
    summary="대화모임 기록 하나",
    description="공개된 기록의 전문, 사진, 첨부 파일, 핵심 키워드를 줍니다. 비공개 초안은 "
    "404입니다.",
)
def get_record(request: HttpRequest, record_id: int = RECORD_ID) -> MeetingRecord:
    record = (
        MeetingRecord.objects.filter(pk=record_id, visibility=Visibility.PUBLISHED)
        .select_related("region", "host_organization", "created_by")
        .prefetch_related("topics", "organizations", "photos", "attachments", _keywords_prefetch())
        .first()
    )
    if record is None:
        raise NotFound(_("찾는 기록이 없습니다."))
    return record


@router.get(
    "/documents",
    response={200: DocumentPageOut, 422: ValidationErrorOut},
    operation_id="list_archive_documents",
    summary="자료 목록",
    description="공개된 보고서, 연구, 사업 결과물을 발행일의 최근 순으로 줍니다.",
)
def list_documents(request: HttpRequest, filters: Query[ArchiveFilters]) -> dict:
    documents = (
        Document.objects.published()
        .select_related("region", "host_organization", "created_by")
        .prefetch_related("topics", _keywords_prefetch())
    )
    return _page(documents, "issued_on", filters)


@router.get(
    "/documents/{document_id}",
    response={200: DocumentDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    operation_id="get_archive_document",
    summary="자료 하나",
    description="공개된 자료의 소개, 파일, 핵심 키워드를 줍니다.",
)
def get_document(request: HttpRequest, document_id: int = DOCUMENT_ID) -> Document:
    document = (
        Document.objects.filter(pk=document_id, visibility=Visibility.PUBLISHED)
        .select_related("region", "host_organization", "created_by")
        .prefetch_related("topics", "organizations", "files", _keywords_prefetch())
        .first()
    )
    if document is None:
        raise NotFound(_("찾는 자료가 없습니다."))
    return document
