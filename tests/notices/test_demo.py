"""The demo city's notices and question library: a pinned park-renaming hearing with documents,
questions and official answers; 30+ answered questions; a second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from sotong.core.models import Region
from sotong.notices.models import Notice, NoticeDocument, NoticeQuestion
from sotong.notices.rules import is_notice_department_member
from sotong.notices.selectors import pinned_notices
from sotong.questions.models import Answer, HelpfulVote, Question

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast, django_db_blocker.unblock(), transaction.atomic():
        call_command("sotong_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def counts() -> dict[str, int]:
    return {
        "notices": Notice.objects.count(),
        "documents": NoticeDocument.objects.count(),
        "notice questions": NoticeQuestion.objects.count(),
        "questions": Question.objects.count(),
        "answers": Answer.objects.count(),
        "votes": HelpfulVote.objects.count(),
    }


def test_the_park_hearing_is_pinned_on_namwons_home_with_documents_and_answers(demo):
    namwon = Region.objects.get(slug="namwon")
    pinned = pinned_notices(namwon)
    hearing = next(n for n in pinned if "이름 바꾸기 공청회" in n.title)
    assert hearing.kind == Notice.Kind.HEARING and hearing.accepts_questions
    assert hearing.documents.count() == 2 and hearing.has_point
    answered = [q for q in hearing.questions.all() if q.is_answered]
    assert len(answered) >= 3 and hearing.questions.filter(answer="").exists()
    assert all(is_notice_department_member(q.answered_by, hearing) for q in answered)
    assert hearing.question_count == hearing.questions.count()
    page = Client().get(hearing.get_absolute_url()).content.decode()
    assert "공원명칭변경_설명자료.pdf" in page and "자치행정과의 답변" in page
    assert Notice.objects.filter(region=namwon).count() >= 5


def test_thirty_questions_with_answers_and_counters_that_match(demo):
    assert Question.objects.count() >= 30
    for question in Question.objects.all():
        assert question.answer_count == question.answers.count() >= 1
        votes = HelpfulVote.objects.filter(answer__question=question).count()
        assert question.helpful_count == votes
        if question.accepted_answer_id:
            assert question.accepted_answer.question_id == question.pk
            assert question.accepted_answer.author_id != question.author_id
    for answer in Answer.objects.all():
        assert answer.helpful_count == answer.helpful_votes.count()
        assert answer.author_id != answer.question.author_id


def test_a_second_run_adds_nothing(demo):
    before = counts()
    call_command("sotong_demo", stdout=StringIO())
    assert counts() == before
