"""The rules of the question library: asking, answering, marking the most helpful answer and
helpful votes. Counters move only here, with F() under a row lock, so parallel votes and
answers never lose a count (SELECT … FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
transactions take the write lock at BEGIN)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from sotong.core.events import publish
from sotong.core.models import Region, Topic
from sotong.questions import events
from sotong.questions.models import Answer, HelpfulVote, Question
from sotong.questions.rules import is_answer_author, is_asker


def _require(actor, perm: str, obj=None, message: str | None = None) -> None:
    if actor is None or not actor.has_perm(perm, obj):
        raise PermissionDenied(message or _("이 일을 할 권한이 없습니다."))


def _clean_text(value: str) -> str:
    return (value or "").strip()


def _validate_question(title: str, region: Region | None) -> None:
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("질문을 적어 주세요.")]
    if region is None:
        errors["region"] = [_("지역을 골라 주세요.")]
    elif not region.is_active:
        errors["region"] = [_("지금은 쓰지 않는 지역입니다. 다른 지역을 골라 주세요.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def question_ask(
    *, actor, title: str, body: str = "", region: Region | None, topics: list[Topic] = ()
) -> Question:
    _require(actor, "questions.add_question", None, _("질문하려면 로그인해 주세요."))
    title = " ".join(_clean_text(title).split())
    _validate_question(title, region)
    question = Question.objects.create(
        author=actor, title=title, body=_clean_text(body), region=region
    )
    question.topics.set(topics)
    publish("question.asked", question_id=question.pk)
    return question


@transaction.atomic
def question_update(
    *,
    actor,
    question: Question,
    title: str,
    body: str,
    region: Region | None,
    topics: list[Topic],
) -> Question:
    _require(actor, "questions.change_question", question, _("이 질문을 고칠 권한이 없습니다."))
    title = " ".join(_clean_text(title).split())
    _validate_question(title, region)
    question.title, question.body, question.region = title, _clean_text(body), region
    question.save(update_fields=["title", "body", "region", "updated_at"])
    question.topics.set(topics)
    return question


@transaction.atomic
def answer_post(*, actor, question: Question, body: str) -> Answer:
    _require(actor, "questions.answer_question", question, _("답하려면 로그인해 주세요."))
    body = _clean_text(body)
    if not body:
        raise ValidationError({"body": _("답변을 적어 주세요.")})
    Question.objects.select_for_update().filter(pk=question.pk).first()
    answer = Answer.objects.create(question=question, author=actor, body=body)
    Question.objects.filter(pk=question.pk).update(answer_count=F("answer_count") + 1)
    publish("question.answered", answer_id=answer.pk)
    return answer


@transaction.atomic
def answer_update(*, actor, answer: Answer, body: str) -> Answer:
    _require(actor, "questions.change_answer", answer, _("이 답변을 고칠 권한이 없습니다."))
    body = _clean_text(body)
    if not body:
        raise ValidationError({"body": _("답변을 적어 주세요.")})
    answer.body = body
    answer.save(update_fields=["body", "updated_at"])
    return answer


@transaction.atomic
def accept_answer(*, actor, question: Question, answer: Answer | None) -> Question:
    """Marks the most helpful answer (one per question; choosing another replaces it);
    `None` takes the mark back."""
    # Through the rule itself, not has_perm: a superuser passes every has_perm, but this
    # choice belongs to the asker alone.
    if actor is None or not is_asker(actor, question):
        raise PermissionDenied(_("질문한 사람만 가장 도움이 된 답변을 고를 수 있습니다."))
    if answer is not None:
        if answer.question_id != question.pk:
            raise ValidationError(_("이 질문에 달린 답변만 고를 수 있습니다."))
        if answer.author_id == actor.pk:
            raise ValidationError(_("내가 쓴 답변은 고를 수 없습니다."))
    question.accepted_answer = answer
    question.save(update_fields=["accepted_answer", "updated_at"])
    return question


def vote_helpful(*, actor, answer: Answer) -> bool:
    """ "도움이 돼요", once per person: True if counted now, False if they had already voted."""
    _require(actor, "questions.vote_helpful", answer)
    if is_answer_author(actor, answer):  # superusers included
        raise PermissionDenied(_("내 답변에는 누를 수 없습니다."))
    try:
        with transaction.atomic():
            locked = Answer.objects.select_for_update().get(pk=answer.pk)
            if HelpfulVote.objects.filter(answer=locked, user=actor).exists():
                return False
            HelpfulVote.objects.create(answer=locked, user=actor)
            Answer.objects.filter(pk=locked.pk).update(helpful_count=F("helpful_count") + 1)
            Question.objects.filter(pk=locked.question_id).update(
                helpful_count=F("helpful_count") + 1
            )
            publish(events.HELPFUL_CHANGED, question_id=locked.question_id)
    except IntegrityError:
        return False  # the same person's other request won the race: counted once
    return True


@transaction.atomic
def withdraw_helpful(*, actor, answer: Answer) -> bool:
    if not actor.is_authenticated:
        raise PermissionDenied(_("로그인해 주세요."))
    locked = Answer.objects.select_for_update().get(pk=answer.pk)
    deleted, _rows = HelpfulVote.objects.filter(answer=locked, user=actor).delete()
    if not deleted:
        return False
    Answer.objects.filter(pk=locked.pk).update(helpful_count=F("helpful_count") - 1)
    Question.objects.filter(pk=locked.question_id).update(helpful_count=F("helpful_count") - 1)
    publish(events.HELPFUL_CHANGED, question_id=locked.question_id)
    return True
