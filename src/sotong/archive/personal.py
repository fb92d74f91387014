"""A person's part of the archive, for their data export. On account deletion the records
and documents stay (they belong to the meeting and carry a licence); their author shows as
the anonymised account, so nothing here needs erasing."""

from sotong.archive.models import Document, MeetingRecord


def export_archive(user) -> dict:
    records = MeetingRecord.objects.filter(created_by=user).order_by("pk")
    documents = Document.objects.filter(created_by=user).order_by("pk")
    return {
        "meeting_records": [
            {
                "id": record.pk,
                "title": record.title,
                "held_on": record.held_on.isoformat(),
                "place": record.place,
                "participants_count": record.participants_count,
                "summary": record.summary,
                "discussion": record.discussion,
                "outcomes": record.outcomes,
                "next_steps": record.next_steps,
                "visibility": record.visibility,
                "licence": record.licence,
                "url": record.get_absolute_url(),
                "created_at": record.created_at.isoformat(),
            }
            for record in records
        ],
        "documents": [
            {
                "id": document.pk,
                "title": document.title,
                "kind": document.kind,
                "issued_on": document.issued_on.isoformat(),
                "summary": document.summary,
                "visibility": document.visibility,
                "licence": document.licence,
                "files": [file.title for file in document.files.all()],
                "url": document.get_absolute_url(),
                "created_at": document.created_at.isoformat(),
            }
            for document in documents.prefetch_related("files")
        ],
    }
