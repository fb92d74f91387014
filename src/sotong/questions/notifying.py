"""What the question library tells people: a new answer to the asker, and new questions on
their topics in their region to those who follow them (daily by default).
Imported from QuestionsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from sotong.core.events import subscribe
from sotong.interests.selectors import follower_ids_for
from sotong.notifications.registry import Kind, register_audience, register_kind
from sotong.notifications.services import notify
from sotong.questions.models import Answer, Question

NEW_QUESTION = register_kind(
    Kind(
        key="questions.asked",
        label=_("관심 주제·지역의 새 질문"),
        message=_("질문도서관에 새 질문이 올라왔습니다: ‘{title}’"),
        default_delivery="daily",
        order=50,
    )
)
ANSWERED = register_kind(
    Kind(
        key="questions.answered",
        label=_("내 질문에 달린 답변"),
        message=_("{nickname}님이 내 질문 ‘{title}’에 답했습니다."),
        default_delivery="immediate",
        order=51,
    )
)


@register_audience("questions.followers")
def question_followers(question_id: int):
    row = Question.objects.filter(pk=question_id).values("region_id", "author_id").first()
    if row is None:
        return []
    topic_ids = Question.topics.through.objects.filter(question_id=question_id).values_list(
        "topic_id", flat=True
    )
    return follower_ids_for(
        topic_ids=list(topic_ids), region_id=row["region_id"], exclude_ids=[row["author_id"]]
    )


def on_asked(question_id: int) -> None:
    question = Question.objects.filter(pk=question_id).first()
    if question is None:
        return
    notify(
        kind=NEW_QUESTION.key,
        event_key=f"question-asked:{question.pk}",
        audience="questions.followers",
        audience_args=[question.pk],
        params={"title": question.title},
        url=question.get_absolute_url(),
        actor_id=question.author_id,
    )


def on_answered(answer_id: int) -> None:
    answer = Answer.objects.select_related("question", "author").filter(pk=answer_id).first()
    if answer is None:
        return
    notify(
        kind=ANSWERED.key,
        event_key=f"question-answered:{answer.pk}",
        recipients=[answer.question.author_id],
        params={"title": answer.question.title, "nickname": answer.author.nickname},
        url=answer.get_absolute_url(),
        actor_id=answer.author_id,
    )


def connect() -> None:
    subscribe("question.asked", on_asked)
    subscribe("question.answered", on_answered)
