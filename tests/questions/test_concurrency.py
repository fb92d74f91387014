"""Helpful votes stay right when many people press "도움이 돼요" at once, on both databases.

Each thread uses its own connection and all start together at a barrier (the pattern of
tests/activities/test_concurrency.py)."""

import pytest

from sotong.questions.models import Answer, HelpfulVote, Question
from sotong.questions.services import answer_post, question_ask, vote_helpful, withdraw_helpful
from sotong.search.models import SearchDocument
from tests.activities.test_concurrency import run_together
from tests.conftest import database_vendor
from tests.factories import RegionFactory, UserFactory

PEOPLE = 40


def _answer():
    city = RegionFactory()
    question = question_ask(actor=UserFactory(), title="놀이터 관리는 누가?", region=city)
    return answer_post(actor=UserFactory(), question=question, body="공원녹지과입니다.")


@pytest.mark.django_db(transaction=True)
def test_forty_people_voting_at_once_count_forty():
    answer = _answer()
    people = [UserFactory() for _ in range(PEOPLE)]

    errors = run_together(lambda person: vote_helpful(actor=person, answer=answer), people)

    assert errors == []
    answer.refresh_from_db()
    question = Question.objects.get(pk=answer.question_id)
    assert answer.helpful_count == PEOPLE == HelpfulVote.objects.filter(answer=answer).count()
    assert question.helpful_count == PEOPLE
    # Each vote set the search document's popularity after its commit: the last leaves all.
    document = SearchDocument.objects.get(kind="question", object_id=question.pk)
    assert document.popularity == 1 + PEOPLE  # one answer and its votes
    print(f"\n[{database_vendor()}] {PEOPLE} parallel helpful votes: {answer.helpful_count}")


@pytest.mark.django_db(transaction=True)
def test_one_person_pressing_many_times_at_once_counts_once():
    answer = _answer()
    person = UserFactory()
    results = []

    errors = run_together(
        lambda _: results.append(vote_helpful(actor=person, answer=answer)), range(15)
    )

    assert errors == []
    assert results.count(True) == 1
    answer.refresh_from_db()
    assert answer.helpful_count == 1 == HelpfulVote.objects.count()


@pytest.mark.django_db(transaction=True)
def test_votes_and_withdrawals_racing_keep_the_count_true():
    answer = _answer()
    leaving = [UserFactory() for _ in range(10)]
    for person in leaving:
        vote_helpful(actor=person, answer=answer)
    arriving = [UserFactory() for _ in range(15)]

    def work(item):
        action, person = item
        action(actor=person, answer=answer)

    errors = run_together(
        work, [(withdraw_helpful, p) for p in leaving] + [(vote_helpful, p) for p in arriving]
    )

    assert errors == []
    answer.refresh_from_db()
    assert answer.helpful_count == 15 == HelpfulVote.objects.filter(answer=answer).count()
    assert Question.objects.get(pk=answer.question_id).helpful_count == 15


@pytest.mark.django_db(transaction=True)
def test_parallel_answers_count_every_answer():
    question = question_ask(actor=UserFactory(), title="버스 노선 문의", region=RegionFactory())
    people = [UserFactory() for _ in range(20)]

    errors = run_together(
        lambda person: answer_post(actor=person, question=question, body="답"), people
    )

    assert errors == []
    question.refresh_from_db()
    assert question.answer_count == 20 == Answer.objects.filter(question=question).count()
