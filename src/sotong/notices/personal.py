"""The person's questions under notices (and answers given as an official), for the export.
On account deletion they stay, under the anonymised nickname: others' answers refer to them."""

from sotong.notices.models import NoticeQuestion


def export_notice_questions(user) -> list[dict]:
    questions = (
        NoticeQuestion.objects.filter(author=user).select_related("notice").order_by("created_at")
    )
    return [
        {
            "notice": {"id": q.notice_id, "title": q.notice.title},
            "question": q.body,
            "asked_at": q.created_at,
            "answer": q.answer or None,
            "answered_at": q.answered_at,
        }
        for q in questions
    ]


def export_notice_answers(user) -> list[dict]:
    answered = (
        NoticeQuestion.objects.filter(answered_by=user)
        .select_related("notice")
        .order_by("answered_at")
    )
    return [
        {
            "notice": {"id": q.notice_id, "title": q.notice.title},
            "question_id": q.pk,
            "answer": q.answer,
            "answered_at": q.answered_at,
        }
        for q in answered
    ]
