"""Query budgets for notices and the question library: each list and detail page runs the same
number of SQL queries on a small and on a larger data set (no N+1), counted on a client's
second request as a busy server sees it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sotong.notices import services as notices
from sotong.notices.selectors import pinned_notices
from sotong.questions import services as questions
from tests.factories import TopicFactory, UserFactory
from tests.notices.factories import NoticeFactory

pytestmark = pytest.mark.django_db

BUDGETS = {
    "notices": 3,
    "notices, filtered": 3,
    "notice page": 5,
    "notice page, its department": 10,
    "questions": 4,
    "questions, most helpful": 4,
    "question page": 5,
    "question page, signed in": 8,
    "pinned notices (home partial)": 2,
}


def build(size, city, department, official):
    topics = [TopicFactory(name=f"주제{n}", slug=f"topic-{size}-{n}") for n in range(3)]
    people = [UserFactory() for _ in range(size)]
    first_notice = first_question = None
    for n in range(size):
        notice = NoticeFactory(region=city, department=department, is_pinned=n % 2 == 0)
        notice.topics.set(topics[: 1 + n % 3])
        for person in people[: 1 + n % 4]:
            asked = notices.question_ask(actor=person, notice=notice, body="질문입니다")
            notices.question_answer(actor=official, question=asked, answer="답입니다")
        question = questions.question_ask(
            actor=people[n], title=f"질문 {n}", region=city, topics=topics[: 1 + n % 3]
        )
        for person in people[: 1 + n % 4]:
            if person != people[n]:
                answer = questions.answer_post(actor=person, question=question, body="답")
                questions.vote_helpful(actor=official, answer=answer)
        first_notice = first_notice or notice
        first_question = first_question or question
    return first_notice, first_question, people[0]


def count(client: Client, url: str, data=None) -> int:
    client.get(url, data)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("size", [4, 24])
def test_pages_keep_their_budget_whatever_the_data(size, city, department, official):
    notice, question, person = build(size, city, department, official)
    anonymous, member, signed_in = Client(), Client(), Client()
    member.force_login(official)
    signed_in.force_login(person)
    measured = {
        "notices": count(anonymous, "/notices/"),
        "notices, filtered": count(anonymous, "/notices/", {"kind": "hearing", "state": "open"}),
        "notice page": count(anonymous, notice.get_absolute_url()),
        "notice page, its department": count(member, notice.get_absolute_url()),
        "questions": count(anonymous, "/questions/"),
        "questions, most helpful": count(anonymous, "/questions/", {"sort": "helpful"}),
        "question page": count(anonymous, question.get_absolute_url()),
        "question page, signed in": count(signed_in, question.get_absolute_url()),
    }
    with CaptureQueriesContext(connection) as queries:
        pinned_notices(city)
    measured["pinned notices (home partial)"] = len(queries)
    assert measured == BUDGETS
