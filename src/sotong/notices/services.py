"""The rules of notices: publishing, editing and closing them, their documents, and residents'
questions with the department's answers. Every write checks permission and runs in one
transaction; events go out after commit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.core.events import publish
from sotong.core.models import KOREA_BOUNDS, Topic
from sotong.notices.models import Notice, NoticeDocument, NoticeQuestion, validate_document_file

EDITABLE_FIELDS = (
    "kind",
    "title",
    "body",
    "region",
    "department",
    "starts_at",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "comment_opens_at",
    "comment_closes_at",
    "is_pinned",
)
MAX_DOCUMENTS = 10


def _require(actor, perm: str, obj=None, message: str | None = None) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(message or _("이 일을 할 권한이 없습니다."))


def _in_korea(latitude: float, longitude: float) -> bool:
    return (
        KOREA_BOUNDS["south"] <= latitude <= KOREA_BOUNDS["north"]
        and KOREA_BOUNDS["west"] <= longitude <= KOREA_BOUNDS["east"]
    )


def _validate(notice: Notice) -> None:
    """Collects every problem at once, keyed by form field."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    region = notice.region if notice.region_id else None
    department = notice.department if notice.department_id else None
    if region is not None and not region.is_active:
        add("region", _("지금은 쓰지 않는 지역입니다. 다른 지역을 골라 주세요."))
    if department is not None:
        if not department.is_government:
            add("department", _("담당 부서는 행정기관이어야 합니다."))
        elif region is not None and department.region.city.pk != region.city.pk:
            add(
                "department",
                _("담당 부서가 고른 지역(%(region)s)의 부서가 아닙니다.")
                % {"region": region.city.name},
            )
    if notice.kind in (Notice.Kind.HEARING, Notice.Kind.BRIEFING):
        if notice.starts_at is None:
            add("starts_at", _("공청회와 설명회는 일시를 적어야 합니다."))
        if not (notice.place_name or "").strip():
            add("place_name", _("공청회와 설명회는 장소 이름을 적어야 합니다."))
    if notice.kind == Notice.Kind.CONSULTATION and notice.comment_closes_at is None:
        add("comment_closes_at", _("의견수렴은 의견 접수 마감일을 정해야 합니다."))
    opens, closes = notice.comment_opens_at, notice.comment_closes_at
    if opens is not None and closes is None:
        add("comment_closes_at", _("의견 접수 시작일을 정했다면 마감일도 정해 주세요."))
    if opens is not None and closes is not None and closes <= opens:
        add("comment_closes_at", _("의견 접수 마감은 시작보다 뒤여야 합니다."))
    has_lat, has_lng = notice.latitude is not None, notice.longitude is not None
    if has_lat != has_lng:
        add("latitude", _("위치는 위도와 경도를 함께 적어야 합니다."))
    elif has_lat:
        if not _in_korea(notice.latitude, notice.longitude):
            add("latitude", _("위치가 한국 밖입니다. 지도에서 장소를 다시 골라 주세요."))
        elif region is not None and not region.city.contains_point(
            notice.latitude, notice.longitude
        ):
            add(
                "latitude",
                _("위치가 고른 지역(%(region)s) 밖입니다. 장소나 지역을 다시 골라 주세요.")
                % {"region": region.city.name},
            )
    if errors:
        raise ValidationError(errors)


def _check_publisher(actor, notice: Notice) -> None:
    _require(
        actor,
        "notices.add_notice",
        notice.region,
        _("이 지역의 공무원이나 지역 관리자만 공지를 올릴 수 있습니다."),
    )
    _require(
        actor,
        "notices.publish_for_department",
        notice.department,
        _("내가 속한 부서의 이름으로만 공지를 올릴 수 있습니다."),
    )


def _add_documents(notice: Notice, documents: list[UploadedFile]) -> None:
    if not documents:
        return
    if notice.documents.count() + len(documents) > MAX_DOCUMENTS:
        raise ValidationError(
            {"documents": _("자료는 %(max)d개까지 올릴 수 있습니다.") % {"max": MAX_DOCUMENTS}}
        )
    for upload in documents:
        try:
            validate_document_file(upload)
        except ValidationError as error:
            raise ValidationError({"documents": error.messages}) from None
        title = (upload.name or "").rsplit("/", 1)[-1][:150] or _("자료")
        NoticeDocument.objects.create(notice=notice, title=title, file=upload, size=upload.size)


@transaction.atomic
def notice_create(
    *, actor, fields: dict, topics: list[Topic] = (), documents: list[UploadedFile] = ()
) -> Notice:
    notice = Notice(author=actor, **{name: fields.get(name) for name in EDITABLE_FIELDS})
    notice.place_name = notice.place_name or ""
    notice.address = notice.address or ""
    notice.is_pinned = bool(notice.is_pinned)
    _validate(notice)
    _check_publisher(actor, notice)
    notice.published_at = timezone.now()
    notice.save()
    notice.topics.set(topics)
    _add_documents(notice, list(documents))
    publish("notice.published", notice_id=notice.pk)
    return notice


@transaction.atomic
def notice_update(
    *,
    actor,
    notice: Notice,
    fields: dict,
    topics: list[Topic] | None = None,
    documents: list[UploadedFile] = (),
    remove_documents: list[int] = (),
) -> Notice:
    _require(actor, "notices.change_notice", notice, _("이 공지를 고칠 권한이 없습니다."))
    previous_department = notice.department_id
    for name in EDITABLE_FIELDS:
        if name in fields:
            setattr(notice, name, fields[name])
    notice.place_name = notice.place_name or ""
    notice.address = notice.address or ""
    _validate(notice)
    if notice.department_id != previous_department:
        _check_publisher(actor, notice)
    notice.save()
    if topics is not None:
        notice.topics.set(topics)
    if remove_documents:
        for document in notice.documents.filter(pk__in=list(remove_documents)):
            name, storage = document.file.name, document.file.storage
            document.delete()
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    _add_documents(notice, list(documents))
    return notice


@transaction.atomic
def notice_close(*, actor, notice: Notice) -> Notice:
    """Closes the notice early: no more questions, and it leaves the region's home page."""
    _require(actor, "notices.change_notice", notice, _("이 공지를 마감할 권한이 없습니다."))
    if notice.closed_at is None:
        notice.closed_at = timezone.now()
        notice.save(update_fields=["closed_at", "updated_at"])
    return notice


@transaction.atomic
def question_ask(*, actor, notice: Notice, body: str) -> NoticeQuestion:
    _require(actor, "notices.ask_question", notice, _("질문하려면 로그인해 주세요."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("질문을 적어 주세요.")})
    # Lock the notice so a close or the deadline can't slip between the check and the insert.
    notice = Notice.objects.select_for_update().get(pk=notice.pk)
    if notice.comment_period_not_started:
        raise ValidationError(
            {
                "body": _("의견 접수는 %(date)s부터입니다.")
                % {"date": timezone.localtime(notice.comment_opens_at).strftime("%Y-%m-%d %H:%M")}
            }
        )
    if notice.is_closed:
        raise ValidationError({"body": _("마감된 공지라 더 이상 질문을 받지 않습니다.")})
    question = NoticeQuestion.objects.create(notice=notice, author=actor, body=body)
    Notice.objects.filter(pk=notice.pk).update(question_count=F("question_count") + 1)
    return question


@transaction.atomic
def question_answer(*, actor, question: NoticeQuestion, answer: str) -> NoticeQuestion:
    """The department answers in place; the answer can be edited afterwards."""
    _require(
        actor,
        "notices.answer_question",
        question.notice,
        _("공지를 올린 부서의 공무원만 답변할 수 있습니다."),
    )
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("답변을 적어 주세요.")})
    question = NoticeQuestion.objects.select_for_update().get(pk=question.pk)
    now = timezone.now()
    first_answer = not question.is_answered
    question.answer = answer
    if first_answer:
        question.answered_by = actor
        question.answered_at = now
    else:
        question.answer_updated_at = now
    question.save(update_fields=["answer", "answered_by", "answered_at", "answer_updated_at"])
    if first_answer:
        publish("notice.question_answered", question_id=question.pk)
    return question
