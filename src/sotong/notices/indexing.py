"""Notices and hearings in the search index: every published notice is public."""

from django.utils.translation import gettext_lazy as _

from sotong.notices.models import Notice, NoticeDocument
from sotong.search.registry import Document, Kind, plain_text, register


def notices():
    return Notice.objects.select_related("department").prefetch_related("topics", "documents")


def notice_document(notice: Notice) -> Document:
    body = plain_text(notice.body)
    return Document(
        title=notice.title,
        body="\n".join(
            part
            for part in (
                body,
                notice.get_kind_display(),
                notice.place_name,
                notice.address,
                notice.department.name,
                *(document.title for document in notice.documents.all()),
            )
            if part
        ),
        snippet=body,
        url=notice.get_absolute_url(),
        region_id=notice.region_id,
        topic_ids=[topic.pk for topic in notice.topics.all()],
        date=notice.published_at,
        popularity=notice.question_count,
    )


register(
    Kind(
        key="notice",
        label=_("공지·공청회"),
        model=Notice,
        queryset=notices,
        document=notice_document,
        m2m=(Notice.topics.through,),
        related=((NoticeDocument, lambda document: document.notice_id),),
    )
)
