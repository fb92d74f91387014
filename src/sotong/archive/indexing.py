"""Meeting records and documents in the search index: published ones for everyone; drafts for
those `archive.view_item` lets see them: the author, the host organisation's admins, the
region's admins and site admins. (The organisers of a record's linked activity may see it
too, but search does not know them unless they are among those.)"""

from django.utils.translation import gettext_lazy as _

from sotong.archive.models import Document, DocumentFile, MeetingRecord, RecordAttachment
from sotong.search import registry
from sotong.search.registry import Kind, day_time, register


def records():
    return MeetingRecord.objects.select_related("host_organization", "created_by").prefetch_related(
        "topics", "attachments"
    )


def record_document(record: MeetingRecord) -> registry.Document:
    return registry.Document(
        title=record.title,
        body="\n".join(
            part
            for part in (
                record.summary,
                record.discussion,
                record.outcomes,
                record.next_steps,
                record.place,
                record.host_display,
                *(attachment.title for attachment in record.attachments.all()),
            )
            if part
        ),
        snippet=record.summary,
        url=record.get_absolute_url(),
        region_id=record.region_id,
        topic_ids=[topic.pk for topic in record.topics.all()],
        date=day_time(record.held_on),
        is_public=record.is_published,
        owner_id=record.created_by_id,
        organization_id=record.host_organization_id,
        popularity=record.participants_count,
    )


def documents():
    return Document.objects.select_related("host_organization", "created_by").prefetch_related(
        "topics", "files"
    )


def archive_document(document: Document) -> registry.Document:
    return registry.Document(
        title=document.title,
        body="\n".join(
            part
            for part in (
                document.summary,
                document.get_kind_display(),
                document.host_display,
                *(file.title for file in document.files.all()),
            )
            if part
        ),
        snippet=document.summary,
        url=document.get_absolute_url(),
        region_id=document.region_id,
        topic_ids=[topic.pk for topic in document.topics.all()],
        date=day_time(document.issued_on),
        is_public=document.is_published,
        owner_id=document.created_by_id,
        organization_id=document.host_organization_id,
    )


register(
    Kind(
        key="record",
        label=_("대화모임 기록"),
        model=MeetingRecord,
        queryset=records,
        document=record_document,
        m2m=(MeetingRecord.topics.through,),
        related=((RecordAttachment, lambda attachment: attachment.record_id),),
    )
)
register(
    Kind(
        key="document",
        label=_("자료"),
        model=Document,
        queryset=documents,
        document=archive_document,
        m2m=(Document.topics.through,),
        related=((DocumentFile, lambda file: file.document_id),),
    )
)
