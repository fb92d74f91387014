"""Notices and hearings: who publishes and answers, the comment period, pinning until close."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sotong.core import events
from sotong.notices import selectors
from sotong.notices.models import Notice, NoticeQuestion
from tests.conftest import ROLES
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.notices.factories import NoticeFactory, NoticeQuestionFactory

pytestmark = pytest.mark.django_db

# Who may publish for the city's department, edit and answer its notices.
MANAGERS = {"official", "region_admin", "admin"}


def form_data(city, department, **overrides) -> dict:
    data = {
        "kind": "hearing",
        "title": "동충동 어린이공원 이름 바꾸기 공청회",
        "body": "공원 이름을 **바꾸는 안**을 설명하고 의견을 듣습니다.",
        "region": city.pk,
        "department": department.pk,
        "starts_at": (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
        "place_name": "남원시청 3층 대회의실",
        "address": "전북 남원시 시청로 60",
        "latitude": "35.4164",
        "longitude": "127.3905",
        "comment_closes_at": (timezone.localtime() + timedelta(days=10)).strftime("%Y-%m-%dT%H:%M"),
        "is_pinned": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_only_officials_of_the_region_and_its_admins_publish_notices(
    role, user_for_role, client_for, city, department
):
    user = user_for_role(role)
    client = client_for(user)
    response = client.post(reverse("notices:create"), form_data(city, department))
    if role in MANAGERS:
        notice = Notice.objects.get()
        assert response.status_code == 302
        assert response["Location"] == notice.get_absolute_url()
        assert notice.department == department and notice.is_pinned
    elif role == "anonymous":
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert not Notice.objects.exists()
    else:
        assert response.status_code == 403
        assert not Notice.objects.exists()


def test_an_official_cannot_publish_in_the_name_of_another_department(client_for, official, city):
    other = OrganizationFactory(name="남원시 공원녹지과", kind="government", region=city)
    response = client_for(official).post(reverse("notices:create"), form_data(city, other))
    assert response.status_code == 200
    assert "내가 공지를 올릴 수 있는 부서만 고를 수 있습니다." in response.content.decode()
    assert not Notice.objects.exists()


def test_an_official_of_another_city_cannot_publish_here(client_for, city, department):
    from tests.factories import RegionFactory

    jeju = RegionFactory(
        name="제주시", slug="jeju", latitude=33.5, longitude=126.5,
        bound_south=33.2, bound_west=126.1, bound_north=33.6, bound_east=126.9,
    )  # fmt: skip
    jeju_department = OrganizationFactory(kind="government", region=jeju)
    jeju_official = UserFactory()
    MembershipFactory(organization=jeju_department, user=jeju_official)
    response = client_for(jeju_official).post(
        reverse("notices:create"), form_data(city, jeju_department)
    )
    assert response.status_code == 200
    assert "담당 부서가 고른 지역(남원시)의 부서가 아닙니다." in response.content.decode()
    assert not Notice.objects.exists()


def test_bad_input_is_explained_beside_the_field_and_kept(client_for, official, city, department):
    response = client_for(official).post(
        reverse("notices:create"),
        form_data(city, department, starts_at="", place_name="", latitude="40.0"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "공청회와 설명회는 일시를 적어야 합니다." in page
    assert "공청회와 설명회는 장소 이름을 적어야 합니다." in page
    assert "동충동 어린이공원 이름 바꾸기 공청회" in page  # what was typed stays
    assert not Notice.objects.exists()


def test_documents_are_attached_and_a_wrong_type_is_refused(client_for, official, city, department):
    pdf = SimpleUploadedFile("공원명칭변경_설명자료.pdf", b"%PDF-1.4 test", "application/pdf")
    client = client_for(official)
    response = client.post(
        reverse("notices:create"), {**form_data(city, department), "documents": pdf}
    )
    notice = Notice.objects.get()
    assert response.status_code == 302
    page = client.get(notice.get_absolute_url()).content.decode()
    assert "공원명칭변경_설명자료.pdf" in page and "PDF" in page

    exe = SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")
    response = client.post(
        reverse("notices:create"), {**form_data(city, department), "documents": exe}
    )
    assert response.status_code == 200
    assert "첨부할 수 있는 파일 형식은" in response.content.decode()
    assert Notice.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_edit_and_close_only_by_the_department_and_admins(
    role, user_for_role, client_for, city, department
):
    notice = NoticeFactory(region=city, department=department)
    user = user_for_role(role)
    client = client_for(user)
    edit = client.get(reverse("notices:edit", args=[notice.pk]))
    close = client.post(reverse("notices:close", args=[notice.pk]))
    notice.refresh_from_db()
    if role in MANAGERS:
        assert edit.status_code == 200
        assert close.status_code == 302 and notice.is_closed
    elif role == "anonymous":
        assert edit.status_code == 302 and close.status_code == 302
        assert not notice.is_closed
    else:
        assert edit.status_code == 403 and close.status_code == 403
        assert not notice.is_closed


@pytest.mark.parametrize("role", ROLES)
def test_residents_ask_and_only_the_publishing_department_answers(
    role, user_for_role, client_for, city, department
):
    notice = NoticeFactory(region=city, department=department)
    question = NoticeQuestionFactory(notice=notice)
    user = user_for_role(role)
    client = client_for(user)
    asked = client.post(reverse("notices:ask", args=[notice.pk]), {"body": "주차장은 있나요?"})
    answered = client.post(
        reverse("notices:answer", args=[notice.pk, question.pk]),
        {"answer": "시청 주차장을 쓰실 수 있습니다."},
    )
    question.refresh_from_db()
    if role == "anonymous":
        assert asked.status_code == 302 and "/login/" in asked["Location"]
        assert not NoticeQuestion.objects.filter(body="주차장은 있나요?").exists()
    else:
        assert asked.status_code == 302
        assert NoticeQuestion.objects.filter(body="주차장은 있나요?", author=user).exists()
    if role in MANAGERS:
        assert answered.status_code == 302
        assert question.answer == "시청 주차장을 쓰실 수 있습니다."
        assert question.answered_by == user
    else:
        assert answered.status_code in (302, 403)
        assert question.answer == ""


def test_an_official_of_another_department_cannot_answer(client_for, city, department, official):
    parks = OrganizationFactory(name="남원시 공원녹지과", kind="government", region=city)
    notice = NoticeFactory(region=city, department=parks)
    question = NoticeQuestionFactory(notice=notice)
    response = client_for(official).post(
        reverse("notices:answer", args=[notice.pk, question.pk]), {"answer": "제가 답합니다."}
    )
    assert response.status_code == 403
    question.refresh_from_db()
    assert question.answer == ""


def test_the_answer_shows_under_the_question_and_can_be_edited(
    client_for, city, department, official, resident
):
    notice = NoticeFactory(region=city, department=department)
    client_for(resident).post(reverse("notices:ask", args=[notice.pk]), {"body": "언제 바뀌나요?"})
    question = NoticeQuestion.objects.get()
    client = client_for(official)
    url = reverse("notices:answer", args=[notice.pk, question.pk])
    client.post(url, {"answer": "내년 3월부터입니다."})
    client.post(url, {"answer": "내년 4월부터입니다."})
    question.refresh_from_db()
    assert question.answer == "내년 4월부터입니다." and question.answer_updated_at
    page = client_for(resident).get(notice.get_absolute_url()).content.decode()
    assert "언제 바뀌나요?" in page
    assert "남원시 자치행정과의 답변" in page and "내년 4월부터입니다." in page
    notice.refresh_from_db()
    assert notice.question_count == 1


def test_an_empty_answer_is_refused_beside_the_field(client_for, city, department, official):
    notice = NoticeFactory(region=city, department=department)
    question = NoticeQuestionFactory(notice=notice)
    response = client_for(official).post(
        reverse("notices:answer", args=[notice.pk, question.pk]), {"answer": "  "}
    )
    assert response.status_code == 200
    assert "답변을 적어 주세요." in response.content.decode()


def test_questions_only_during_the_comment_period(client_for, city, department, resident):
    now = timezone.now()
    client = client_for(resident)
    before = NoticeFactory(
        region=city,
        department=department,
        comment_opens_at=now + timedelta(days=2),
        comment_closes_at=now + timedelta(days=9),
    )
    after = NoticeFactory(
        region=city,
        department=department,
        comment_opens_at=now - timedelta(days=9),
        comment_closes_at=now - timedelta(minutes=1),
    )
    closed_by_hand = NoticeFactory(region=city, department=department, closed_at=now)
    during = NoticeFactory(
        region=city, department=department, comment_opens_at=now - timedelta(days=1)
    )
    early = client.post(reverse("notices:ask", args=[before.pk]), {"body": "질문"})
    assert early.status_code == 200 and "의견 접수는" in early.content.decode()
    late = client.post(reverse("notices:ask", args=[after.pk]), {"body": "질문"})
    assert late.status_code == 200
    assert "마감된 공지라 더 이상 질문을 받지 않습니다." in late.content.decode()
    closed = client.post(reverse("notices:ask", args=[closed_by_hand.pk]), {"body": "질문"})
    assert closed.status_code == 200
    assert (
        client.post(reverse("notices:ask", args=[during.pk]), {"body": "질문"}).status_code == 302
    )
    assert NoticeQuestion.objects.filter(body="질문").count() == 1
    assert "의견 접수가 끝났습니다." in client.get(after.get_absolute_url()).content.decode()


def test_pinned_until_close(city, department, neighbourhood):
    now = timezone.now()
    pinned = NoticeFactory(region=city, department=department, is_pinned=True)
    NoticeFactory(region=city, department=department, is_pinned=False)
    expired = NoticeFactory(
        region=city,
        department=department,
        is_pinned=True,
        comment_closes_at=now - timedelta(minutes=1),
    )
    in_neighbourhood = NoticeFactory(region=neighbourhood, department=department, is_pinned=True)
    assert [n.pk for n in selectors.pinned_notices(city)] == [in_neighbourhood.pk, pinned.pk]
    # A neighbourhood's home shows its own and its city's.
    assert {n.pk for n in selectors.pinned_notices(neighbourhood)} == {
        in_neighbourhood.pk,
        pinned.pk,
    }
    assert expired.pk not in {n.pk for n in selectors.pinned_notices(city)}
    Notice.objects.filter(pk=pinned.pk).update(closed_at=now)
    assert [n.pk for n in selectors.pinned_notices(city)] == [in_neighbourhood.pk]


def test_list_filters_by_kind_and_state_and_pages_by_keys(client, city, department):
    now = timezone.now()
    for day in range(25):
        NoticeFactory(
            region=city,
            department=department,
            kind="notice",
            title=f"공지 {day:02d}",
            published_at=now - timedelta(days=day),
        )
    NoticeFactory(region=city, department=department, title="지난 공청회", closed_at=now)
    first = client.get(reverse("notices:list"), {"region": city.slug, "kind": "notice"})
    page = first.content.decode()
    assert "공지 00" in page and "공지 19" in page and "공지 20" not in page
    assert "지난 공청회" not in page
    next_url = first.context["page"].next_cursor
    second = client.get(
        reverse("notices:list"), {"region": city.slug, "kind": "notice", "after": next_url}
    ).content.decode()
    assert "공지 20" in second and "공지 24" in second and "공지 19" not in second
    closed = client.get(reverse("notices:list"), {"region": city.slug, "state": "closed"})
    assert "지난 공청회" in closed.content.decode()
    assert "공지 00" not in closed.content.decode()


def test_events_go_out_after_publishing_and_the_first_answer(
    django_capture_on_commit_callbacks, city, department, official, resident
):
    from sotong.notices import services

    seen = []
    handler = lambda **payload: seen.append(payload)  # noqa: E731
    events.subscribe("notice.published", handler)
    events.subscribe("notice.question_answered", handler)
    with django_capture_on_commit_callbacks(execute=True):
        notice = services.notice_create(
            actor=official,
            fields={
                "kind": "notice", "title": "안내", "body": "본문", "region": city,
                "department": department,
            },
        )  # fmt: skip
        question = services.question_ask(actor=resident, notice=notice, body="질문")
        services.question_answer(actor=official, question=question, answer="답")
        services.question_answer(actor=official, question=question, answer="고친 답")
    assert seen == [{"notice_id": notice.pk}, {"question_id": question.pk}]
