"""Reads about the question library: the list with its filters, one question with answers."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch

from sotong.core.keyset import KeysetPage, keyset_page
from sotong.core.models import Topic
from sotong.questions.models import Answer, HelpfulVote, Question

LIST_PAGE_SIZE = 20
SORTS = {"newest": "created_at", "helpful": "helpful_count"}
STATES = ("answered", "unanswered")


@dataclass
class QuestionFilters:
    regions: list[int] | None = None
    topic: Topic | None = None
    state: str = ""  # "" | answered | unanswered
    sort: str = "newest"


def question_list(filters: QuestionFilters, cursor: str | None = None) -> KeysetPage:
    questions = Question.objects.all()
    if filters.regions:
        questions = questions.filter(region_id__in=filters.regions)
    if filters.topic is not None:
        questions = questions.filter(topics=filters.topic)
    if filters.state == "answered":
        questions = questions.filter(answer_count__gt=0)
    elif filters.state == "unanswered":
        questions = questions.filter(answer_count=0)
    questions = questions.select_related("region__parent", "author").prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("order", "name"))
    )
    key = SORTS.get(filters.sort, "created_at")
    return keyset_page(questions.order_by(f"-{key}", "-pk"), cursor, LIST_PAGE_SIZE)


def question_for_page(question_id: int) -> Question | None:
    return (
        Question.objects.select_related("region__parent", "author", "accepted_answer")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("order", "name")))
        .filter(pk=question_id)
        .first()
    )


def answers_for(question: Question, viewer) -> list[Answer]:
    """The accepted answer first, then the most helpful, each marked if the viewer voted."""
    answers = Answer.objects.filter(question=question).select_related("author")
    if viewer.is_authenticated:
        answers = answers.annotate(
            viewer_voted=Exists(
                HelpfulVote.objects.filter(answer=OuterRef("pk"), user_id=viewer.pk)
            )
        )
    rows = list(answers.order_by("-helpful_count", "created_at", "pk"))
    rows.sort(key=lambda answer: answer.pk != question.accepted_answer_id)
    return rows
