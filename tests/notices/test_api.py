"""Read API for notices and the question library: lists with key-based pages and filters,
details with questions and answers, Korean errors, and no private data."""

import pytest
from django.urls import reverse

from sotong.notices import services as notices
from sotong.questions import services as questions
from tests.notices.factories import NoticeFactory

pytestmark = pytest.mark.django_db


def test_notice_list_and_detail(client, city, department, official, resident):
    notice = NoticeFactory(region=city, department=department, is_pinned=True)
    NoticeFactory(region=city, department=department, kind="notice", title="다른 공지")
    question = notices.question_ask(actor=resident, notice=notice, body="주차장이 있나요?")
    notices.question_answer(actor=official, question=question, answer="시청 주차장을 쓰세요.")

    listed = client.get("/api/v1/notices", {"region": city.slug, "kind": "hearing"}).json()
    assert [item["title"] for item in listed["items"]] == [notice.title]
    assert listed["next_cursor"] is None
    assert listed["items"][0]["department"]["name"] == "남원시 자치행정과"

    detail = client.get(f"/api/v1/notices/{notice.pk}")
    body = detail.json()
    assert body["questions"][0] == {
        "id": question.pk,
        "asker": "지민",
        "body": "주차장이 있나요?",
        "asked_at": body["questions"][0]["asked_at"],
        "answer": "시청 주차장을 쓰세요.",
        "answered_at": body["questions"][0]["answered_at"],
    }
    assert resident.email not in detail.content.decode()
    assert official.email not in detail.content.decode()


def test_notice_errors_are_korean_json(client, city):
    assert client.get("/api/v1/notices/999999").json()["detail"] == "찾는 공지가 없습니다."
    response = client.get("/api/v1/notices", {"region": "atlantis"})
    assert response.status_code == 422
    response = client.get("/api/v1/notices", {"state": "sometimes"})
    assert response.status_code == 422


def test_question_list_pages_and_detail_with_answers(client, city, resident, second_resident):
    asked = [
        questions.question_ask(actor=resident, title=f"질문 {n:02d}", region=city)
        for n in range(25)
    ]
    answer = questions.answer_post(actor=second_resident, question=asked[0], body="답입니다")
    questions.accept_answer(actor=resident, question=asked[0], answer=answer)
    first = client.get("/api/v1/questions", {"region": city.slug}).json()
    second = client.get(
        "/api/v1/questions", {"region": city.slug, "cursor": first["next_cursor"]}
    ).json()
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 25 and second["next_cursor"] is None

    detail = client.get(f"/api/v1/questions/{asked[0].pk}").json()
    assert detail["answers"][0]["author"] == "서준" and detail["answers"][0]["is_accepted"]
    assert detail["accepted_answer_id"] == answer.pk
    unanswered = client.get("/api/v1/questions", {"state": "unanswered"}).json()
    assert asked[0].pk not in [item["id"] for item in unanswered["items"]]
    assert client.get("/api/v1/questions", {"sort": "loudest"}).status_code == 422


def test_both_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/notices", "/api/v1/notices/{notice_id}", "/api/v1/questions"):
        assert path in paths
    assert reverse("notices:list") == "/notices/"
