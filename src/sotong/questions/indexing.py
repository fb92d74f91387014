"""The question library in the search index: a question is found by its own words and by
its answers' (a neighbour who searches 공원녹지과 finds the question it answered)."""

from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from sotong.core.events import subscribe
from sotong.questions import events
from sotong.questions.models import Answer, Question
from sotong.search import services as search_services
from sotong.search.registry import Document, Kind, plain_text, register


def questions():
    return Question.objects.prefetch_related("topics", "answers")


def question_document(question: Question) -> Document:
    body = plain_text(question.body)
    answers = [plain_text(answer.body) for answer in question.answers.all()]
    return Document(
        title=question.title,
        body="\n".join(part for part in (body, *answers) if part),
        snippet=body or (answers[0] if answers else ""),
        url=question.get_absolute_url(),
        region_id=question.region_id,
        topic_ids=[topic.pk for topic in question.topics.all()],
        date=question.created_at,
        popularity=question.answer_count + question.helpful_count,
    )


register(
    Kind(
        key="question",
        label=_("질문"),
        model=Question,
        queryset=questions,
        document=question_document,
        m2m=(Question.topics.through,),
        related=((Answer, lambda answer: answer.question_id),),
    )
)


def on_helpful_changed(question_id: int) -> None:
    """A vote changes only the popularity: one UPDATE, nothing analysed again."""
    current = Question.objects.filter(pk=OuterRef("object_id")).annotate(
        popularity=F("answer_count") + F("helpful_count")
    )
    search_services.set_popularity(
        "question", question_id, Subquery(current.values("popularity")[:1])
    )


subscribe(events.HELPFUL_CHANGED, on_helpful_changed)
