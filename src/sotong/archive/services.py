"""Every write to the archive: permission, validation with a Korean message, one transaction.

Saving a record or a document queues the re-computation of its key words once the
transaction commits; publishing a record tells the world (`record.published`).
"""

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.activities.models import Activity
from sotong.archive import tasks
from sotong.archive.models import (
    Document,
    DocumentFile,
    MeetingRecord,
    RecordAttachment,
    RecordPhoto,
    validate_attachment,
)
from sotong.core.events import publish
from sotong.core.images import clean_uploaded_image

RECORD_FIELDS = (
    "title",
    "held_on",
    "place",
    "participants_count",
    "summary",
    "discussion",
    "outcomes",
    "next_steps",
    "region",
    "host_organization",
    "host_name",
    "licence",
    "visibility",
)
DOCUMENT_FIELDS = (
    "kind",
    "title",
    "issued_on",
    "summary",
    "region",
    "host_organization",
    "host_name",
    "licence",
    "visibility",
)
RELATIONS = ("topics", "organizations", "proposals")
MAX_PHOTOS = 20
MAX_FILES = 20


def _require(actor, perm: str, obj=None, message: str | None = None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(message or _("이 일을 할 권한이 없습니다."))


def _stored(item):
    """The item as saved: a bound ModelForm may have changed the instance in memory, and
    permissions follow what is stored (its host, its activity), not what is proposed."""
    return (
        type(item)
        .objects.select_related(
            "host_organization", "activity" if isinstance(item, MeetingRecord) else "region"
        )
        .get(pk=item.pk)
    )


def _check_host(actor, item, host_organization) -> None:
    """Naming an organisation as the host takes membership (keeping the one it has does not)."""
    if host_organization is None:
        return
    if item.pk is not None:  # a bound ModelForm may have changed the instance in memory
        stored = type(item).objects.filter(pk=item.pk).values_list("host_organization_id")
        if host_organization.pk == stored.get()[0]:
            return
    if not actor.has_perm("archive.host_for_organization", host_organization):
        raise ValidationError(
            {"host_organization": _("내가 속한 단체만 주최 단체로 고를 수 있습니다.")}
        )


def _apply(item, allowed: tuple[str, ...], fields: dict[str, Any]) -> bool:
    """Sets the fields; returns True when the item becomes published now."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    was_published = item.pk is not None and item.is_published
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    if item.is_published and not was_published:
        item.published_at = item.published_at or timezone.now()
        return True
    return False


def _set_relations(item, relations: dict[str, Iterable]) -> None:
    for name, values in relations.items():
        if name not in RELATIONS or (name == "proposals" and not hasattr(item, "proposals")):
            raise ValueError(f"not a relation: {name}")
        getattr(item, name).set(list(values))


def _after_save(item, *, newly_published: bool) -> None:
    if isinstance(item, MeetingRecord):
        transaction.on_commit(partial(tasks.refresh_record_keywords.enqueue, item.pk))
        if newly_published:
            publish("record.published", record_id=item.pk)
    else:
        transaction.on_commit(partial(tasks.refresh_document_keywords.enqueue, item.pk))


# --- meeting records ------------------------------------------------------------------------


def record_refusal_for_activity(activity: Activity) -> str | None:
    """Why no record can be written for the activity yet (or ever), if so."""
    if activity.is_draft:
        return _("게시된 활동에만 기록을 남길 수 있습니다.")
    if activity.is_cancelled:
        return _("취소된 활동에는 기록을 남길 수 없습니다.")
    if not activity.has_started:
        return _("기록은 활동이 시작된 뒤에 남길 수 있습니다.")
    return None


def record_defaults_for_activity(activity: Activity) -> dict[str, Any]:
    """What the activity already says about its meeting: the form starts from it."""
    return {
        "title": activity.title,
        "held_on": timezone.localtime(activity.starts_at).date(),
        "place": activity.place_name or (_("온라인") if activity.is_online else ""),
        "participants_count": activity.confirmed_count,
        "region": activity.region,
        "host_organization": activity.host_organization,
    }


def record_create(
    *,
    actor,
    fields: dict[str, Any],
    relations: dict[str, Iterable] | None = None,
    activity: Activity | None = None,
) -> MeetingRecord:
    """A new meeting record; with `activity`, the one record of that activity's meeting,
    written by its organisers once it has started."""
    if activity is None:
        _require(actor, "archive.add_record", message=_("로그인한 회원만 기록을 남길 수 있습니다."))
    else:
        _require(
            actor,
            "activities.change_activity",
            activity,
            _("주최 측만 대화모임 기록을 남길 수 있습니다."),
        )
        refusal = record_refusal_for_activity(activity)
        if refusal:
            raise ValidationError(refusal)
    record = MeetingRecord(created_by=actor, activity=activity)
    _check_host(actor, record, fields.get("host_organization"))
    newly_published = _apply(record, RECORD_FIELDS, fields)
    record.full_clean(exclude=["activity", "created_by"])
    with transaction.atomic():
        if activity is not None:
            # One record per activity even when two organisers save at once.
            Activity.objects.select_for_update().filter(pk=activity.pk).first()
            if MeetingRecord.objects.filter(activity=activity).exists():
                raise ValidationError(_("이 활동의 기록이 이미 있습니다. 기록을 고쳐 주세요."))
        record.save()
        if activity is not None and relations is None:
            relations = {"topics": activity.topics.all()}
        _set_relations(record, relations or {})
        _after_save(record, newly_published=newly_published)
    return record


def record_update(
    *,
    actor,
    record: MeetingRecord,
    fields: dict[str, Any],
    relations: dict[str, Iterable] | None = None,
) -> MeetingRecord:
    _require(actor, "archive.change_item", _stored(record), _("이 기록을 고칠 권한이 없습니다."))
    _check_host(actor, record, fields.get("host_organization", record.host_organization))
    newly_published = _apply(record, RECORD_FIELDS, fields)
    record.full_clean(exclude=["activity", "created_by"])
    with transaction.atomic():
        record.save()
        _set_relations(record, relations or {})
        _after_save(record, newly_published=newly_published)
    return record


def record_add_photo(
    *, actor, record: MeetingRecord, upload: UploadedFile, caption: str = ""
) -> RecordPhoto:
    _require(actor, "archive.change_item", record, _("이 기록을 고칠 권한이 없습니다."))
    if record.photos.count() >= MAX_PHOTOS:
        raise ValidationError(_("사진은 기록 하나에 20장까지 올릴 수 있습니다."))
    image = clean_uploaded_image(upload)
    photo = RecordPhoto(record=record, caption=caption.strip()[:200])
    photo.image.save(image.name, image, save=False)
    photo.save()
    return photo


def record_add_attachment(
    *, actor, record: MeetingRecord, upload: UploadedFile, title: str = ""
) -> RecordAttachment:
    _require(actor, "archive.change_item", record, _("이 기록을 고칠 권한이 없습니다."))
    if record.attachments.count() >= MAX_FILES:
        raise ValidationError(_("첨부 파일은 기록 하나에 20개까지 올릴 수 있습니다."))
    validate_attachment(upload)
    name = (title or upload.name or "").strip()[:200] or _("첨부 파일")
    return RecordAttachment.objects.create(record=record, file=upload, title=name)


def record_remove_files(
    *, actor, record: MeetingRecord, photo_ids: Iterable[int] = (), attachment_ids=()
) -> None:
    _require(actor, "archive.change_item", record, _("이 기록을 고칠 권한이 없습니다."))
    for model, ids in ((RecordPhoto, photo_ids), (RecordAttachment, attachment_ids)):
        for row in model.objects.filter(record=record, pk__in=list(ids)):
            stored = row.image if model is RecordPhoto else row.file
            storage, name = stored.storage, stored.name
            row.delete()
            transaction.on_commit(partial(storage.delete, name))


# --- documents ------------------------------------------------------------------------------


def document_create(
    *, actor, fields: dict[str, Any], relations: dict[str, Iterable] | None = None
) -> Document:
    _require(actor, "archive.add_document", message=_("로그인한 회원만 자료를 올릴 수 있습니다."))
    document = Document(created_by=actor)
    _check_host(actor, document, fields.get("host_organization"))
    _apply(document, DOCUMENT_FIELDS, fields)
    document.full_clean(exclude=["created_by"])
    with transaction.atomic():
        document.save()
        _set_relations(document, relations or {})
        _after_save(document, newly_published=False)
    return document


def document_update(
    *,
    actor,
    document: Document,
    fields: dict[str, Any],
    relations: dict[str, Iterable] | None = None,
) -> Document:
    _require(actor, "archive.change_item", _stored(document), _("이 자료를 고칠 권한이 없습니다."))
    _check_host(actor, document, fields.get("host_organization", document.host_organization))
    _apply(document, DOCUMENT_FIELDS, fields)
    document.full_clean(exclude=["created_by"])
    with transaction.atomic():
        document.save()
        _set_relations(document, relations or {})
        _after_save(document, newly_published=False)
    return document


def document_add_file(
    *, actor, document: Document, upload: UploadedFile, title: str = ""
) -> DocumentFile:
    _require(actor, "archive.change_item", document, _("이 자료를 고칠 권한이 없습니다."))
    if document.files.count() >= MAX_FILES:
        raise ValidationError(_("파일은 자료 하나에 20개까지 올릴 수 있습니다."))
    validate_attachment(upload)
    name = (title or upload.name or "").strip()[:200] or _("첨부 파일")
    return DocumentFile.objects.create(document=document, file=upload, title=name)


def document_remove_files(*, actor, document: Document, file_ids: Iterable[int]) -> None:
    _require(actor, "archive.change_item", document, _("이 자료를 고칠 권한이 없습니다."))
    for row in DocumentFile.objects.filter(document=document, pk__in=list(file_ids)):
        storage, name = row.file.storage, row.file.name
        row.delete()
        transaction.on_commit(partial(storage.delete, name))
