"""The person's questions, answers and helpful votes in the question library, for the export.
On account deletion questions and answers stay under the anonymised nickname (neighbours'
answers and proposals refer to them); the votes stay so the counts stay right."""

from sotong.questions.models import Answer, HelpfulVote, Question


def export_questions(user) -> list[dict]:
    return [
        {
            "id": question.pk,
            "title": question.title,
            "body": question.body,
            "region": question.region.full_name,
            "asked_at": question.created_at,
            "accepted_answer_id": question.accepted_answer_id,
        }
        for question in Question.objects.filter(author=user)
        .select_related("region__parent")
        .order_by("created_at")
    ]


def export_answers(user) -> list[dict]:
    return [
        {
            "id": answer.pk,
            "question": {"id": answer.question_id, "title": answer.question.title},
            "body": answer.body,
            "helpful_count": answer.helpful_count,
            "answered_at": answer.created_at,
        }
        for answer in Answer.objects.filter(author=user)
        .select_related("question")
        .order_by("created_at")
    ]


def export_helpful_votes(user) -> list[dict]:
    return [
        {"answer_id": vote.answer_id, "question_id": vote.answer.question_id, "at": vote.created_at}
        for vote in HelpfulVote.objects.filter(user=user)
        .select_related("answer")
        .order_by("created_at")
    ]
