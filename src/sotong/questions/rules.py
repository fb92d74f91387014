"""Who may do what in the question library: residents ask and answer, the asker marks the most
helpful answer, anybody signed in finds an answer helpful (not their own)."""

import rules

from sotong.core.rules import is_admin, is_region_admin
from sotong.questions.models import Answer, Question


@rules.predicate
def is_asker(user, question: Question | None) -> bool:
    return question is not None and user.is_authenticated and question.author_id == user.pk


@rules.predicate
def is_answer_author(user, answer: Answer | None) -> bool:
    return answer is not None and user.is_authenticated and answer.author_id == user.pk


@rules.predicate
def is_question_region_admin(user, question: Question | None) -> bool:
    return question is not None and is_region_admin(user, question.region)


@rules.predicate
def is_answer_region_admin(user, answer: Answer | None) -> bool:
    return answer is not None and is_region_admin(user, answer.question.region)


rules.add_perm("questions.add_question", rules.is_authenticated)
rules.add_perm("questions.change_question", is_asker | is_admin | is_question_region_admin)
rules.add_perm("questions.answer_question", rules.is_authenticated)
rules.add_perm("questions.change_answer", is_answer_author | is_admin | is_answer_region_admin)
# Only the person who asked decides which answer helped most.
rules.add_perm("questions.accept_answer", is_asker)
rules.add_perm("questions.vote_helpful", rules.is_authenticated & ~is_answer_author)
