"""Notices and hearings in the search index: every published notice is public, with the
questions residents asked under it and the department's answers (all shown on its page to
everyone), so 표지판 finds the hearing whose answer promised new signs. Who asked is not
indexed."""

from django.utils.translation import gettext_lazy as _

from sotong.notices.models import Notice, NoticeDocument, NoticeQuestion
from sotong.search.registry import Document, Kind, plain_text, register


def notices():
    return Notice.objects.select_related("department").prefetch_related(
        "topics", "documents", "questions"
    )


def _questions_and_answers(notice: Notice) -> list[str]:
    return [
        text for question in notice.questions.all() for text in (question.body, question.answer)
    ]


def notice_document(notice: Notice) -> Document:
    body = plain_text(notice.body)
    questions = _questions_and_answers(notice)
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
                *questions,
            )
            if part
        ),
        # The questions follow the notice's text, so a match in a question shows in the snippet.
        snippet="\n".join(part for part in (body, *questions) if part),
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
        related=(
            (NoticeDocument, lambda document: document.notice_id),
            (NoticeQuestion, lambda question: question.notice_id),
        ),
    )
)
