"""Background jobs: key words are computed in the task worker, where the analyser lives."""

from django_tasks import task

from sotong.archive import keywords
from sotong.archive.models import Document, MeetingRecord


@task()
def refresh_record_keywords(record_id: int) -> list[str]:
    record = MeetingRecord.objects.filter(pk=record_id).first()
    return keywords.refresh(record) if record else []


@task()
def refresh_document_keywords(document_id: int) -> list[str]:
    document = Document.objects.filter(pk=document_id).first()
    return keywords.refresh(document) if document else []
