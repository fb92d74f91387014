"""Notices and the question library tell people through the notifications app: followers of
the region get a new notice, the asker gets the department's answer and library answers."""

import pytest

from sotong.interests.services import follow
from sotong.notices import services as notices
from sotong.notifications.models import Notification
from sotong.questions import services as questions
from tests.notifications.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db


def kinds_for(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_region_followers_hear_of_a_new_notice_and_the_asker_of_the_answer(
    django_capture_on_commit_callbacks, city, department, official, resident, second_resident
):
    follow(user=second_resident, target=city)
    with django_capture_on_commit_callbacks(execute=True):
        notice = notices.notice_create(
            actor=official,
            fields={
                "kind": "notice", "title": "공원 이름 공청회", "body": "의견을 듣습니다.",
                "region": city, "department": department, "starts_at": None,
                "place_name": "시청", "comment_closes_at": None,
            },
        )  # fmt: skip
    run_queued_jobs()
    assert kinds_for(second_resident) == ["notices.new"]
    assert kinds_for(official) == []  # never told of one's own notice

    with django_capture_on_commit_callbacks(execute=True):
        question = notices.question_ask(actor=resident, notice=notice, body="언제 정하나요?")
        notices.question_answer(actor=official, question=question, answer="다음 달에 정합니다.")
    run_queued_jobs()
    assert kinds_for(resident) == ["notices.answered"]


def test_the_asker_hears_of_each_answer_in_the_library(
    django_capture_on_commit_callbacks, city, resident, second_resident
):
    with django_capture_on_commit_callbacks(execute=True):
        question = questions.question_ask(actor=resident, title="놀이터 관리는?", region=city)
        questions.answer_post(actor=second_resident, question=question, body="공원녹지과요.")
        questions.answer_post(actor=resident, question=question, body="고맙습니다!")
    run_queued_jobs()
    assert kinds_for(resident) == ["questions.answered"]  # not for their own reply
