"""The question library: asking, answering, the asker's most helpful answer, helpful votes."""

import pytest
from django.urls import reverse

from sotong.questions import services
from sotong.questions.models import Answer, HelpfulVote, Question
from tests.conftest import ROLES
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(city, resident, topics):
    return services.question_ask(
        actor=resident,
        title="우리 동네 놀이터는 누가 관리하나요?",
        body="그네 줄이 끊어졌어요.",
        region=city,
        topics=topics[:1],
    )


@pytest.fixture
def answer(question, second_resident):
    return services.answer_post(
        actor=second_resident, question=question, body="시청 공원녹지과가 관리합니다."
    )


@pytest.mark.parametrize("role", ROLES)
def test_anyone_signed_in_asks_and_answers(role, user_for_role, client_for, city, question):
    user = user_for_role(role)
    client = client_for(user)
    asked = client.post(
        reverse("questions:create"),
        {"title": "버스 막차는 몇 시인가요?", "region": city.pk},
    )
    answered = client.post(
        reverse("questions:answer", args=[question.pk]), {"body": "밤 10시 반입니다."}
    )
    if user is None:
        assert asked.status_code == 302 and "/login/" in asked["Location"]
        assert answered.status_code == 302 and "/login/" in answered["Location"]
        assert not Question.objects.filter(title="버스 막차는 몇 시인가요?").exists()
        assert not Answer.objects.exists()
    else:
        created = Question.objects.get(title="버스 막차는 몇 시인가요?")
        assert created.author == user and asked["Location"] == created.get_absolute_url()
        assert Answer.objects.get().author == user
        question.refresh_from_db()
        assert question.answer_count == 1


def test_a_question_without_title_is_refused_beside_the_field(client_for, resident, city):
    response = client_for(resident).post(
        reverse("questions:create"), {"title": "", "body": "내용은 적었어요", "region": city.pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "질문을 적어 주세요." in page and "내용은 적었어요" in page


@pytest.mark.parametrize("role", ROLES)
def test_only_the_asker_marks_the_most_helpful_answer(
    role, user_for_role, client_for, question, answer
):
    user = user_for_role(role)
    response = client_for(user).post(
        reverse("questions:accept", args=[question.pk]), {"answer": answer.pk}
    )
    question.refresh_from_db()
    if role == "resident":  # the asker
        assert response.status_code == 302
        assert question.accepted_answer == answer
    else:
        assert response.status_code in (302, 403)
        assert question.accepted_answer is None


def test_the_most_helpful_answer_can_be_changed_and_taken_back(
    client_for, resident, question, answer, org_admin
):
    other = services.answer_post(actor=org_admin, question=question, body="주민센터에 물어보세요.")
    client = client_for(resident)
    url = reverse("questions:accept", args=[question.pk])
    client.post(url, {"answer": answer.pk})
    client.post(url, {"answer": other.pk})
    question.refresh_from_db()
    assert question.accepted_answer == other
    page = client.get(question.get_absolute_url()).content.decode()
    assert page.index("주민센터에 물어보세요.") < page.index("시청 공원녹지과가 관리합니다.")
    assert "질문한 사람이 고른 가장 도움이 된 답변" in page
    client.post(url, {"answer": ""})
    question.refresh_from_db()
    assert question.accepted_answer is None


def test_an_answer_to_another_question_or_ones_own_cannot_be_marked(
    resident, question, answer, city
):
    other_question = QuestionFactory(region=city)
    foreign = services.answer_post(actor=resident, question=other_question, body="다른 답")
    with pytest.raises(Exception, match="이 질문에 달린 답변만"):
        services.accept_answer(actor=resident, question=question, answer=foreign)
    own = services.answer_post(actor=resident, question=question, body="제가 알아봤어요")
    with pytest.raises(Exception, match="내가 쓴 답변은 고를 수 없습니다"):
        services.accept_answer(actor=resident, question=question, answer=own)


@pytest.mark.parametrize("role", ROLES)
def test_helpful_votes_once_per_person_never_on_ones_own_answer(
    role, user_for_role, client_for, question, answer
):
    user = user_for_role(role)
    client = client_for(user)
    url = reverse("questions:helpful", args=[question.pk, answer.pk])
    client.post(url)
    client.post(url)
    answer.refresh_from_db()
    question.refresh_from_db()
    expected = 0 if user is None else 1
    assert answer.helpful_count == expected == HelpfulVote.objects.count()
    assert question.helpful_count == expected
    if user is not None:
        client.post(url, {"withdraw": "1"})
        answer.refresh_from_db()
        assert answer.helpful_count == 0


def test_the_author_cannot_vote_for_their_own_answer(client_for, second_resident, question, answer):
    response = client_for(second_resident).post(
        reverse("questions:helpful", args=[question.pk, answer.pk])
    )
    assert response.status_code == 403
    answer.refresh_from_db()
    assert answer.helpful_count == 0


@pytest.mark.parametrize("role", ROLES)
def test_only_the_author_or_admins_edit_a_question_and_an_answer(
    role, user_for_role, client_for, question, answer
):
    user = user_for_role(role)
    client = client_for(user)
    q_edit = client.post(
        reverse("questions:edit", args=[question.pk]),
        {"title": "놀이터 관리는 어디서 하나요?", "region": question.region_id},
    )
    a_edit = client.post(
        reverse("questions:answer_edit", args=[question.pk, answer.pk]), {"body": "고친 답변"}
    )
    question.refresh_from_db()
    answer.refresh_from_db()
    if role in ("resident", "region_admin", "admin"):
        assert q_edit.status_code == 302 and question.title == "놀이터 관리는 어디서 하나요?"
    else:
        assert q_edit.status_code in (302, 403) and question.title.startswith("우리 동네")
    # second_resident wrote the answer: none of the personas but the admins may change it.
    if role in ("region_admin", "admin"):
        assert a_edit.status_code == 302 and answer.body == "고친 답변"
    else:
        assert a_edit.status_code in (302, 403) and answer.body != "고친 답변"


def test_list_filters_answered_topic_and_sorts_by_helpful(
    client, city, resident, second_resident, topics, question, answer
):
    unanswered = QuestionFactory(region=city, title="지역 서점은 어디 있나요?")
    services.vote_helpful(actor=resident, answer=answer)
    url = reverse("questions:list")
    page = client.get(url, {"region": city.slug, "state": "unanswered"}).content.decode()
    assert unanswered.title in page and question.title not in page
    page = client.get(url, {"region": city.slug, "topic": topics[0].slug}).content.decode()
    assert question.title in page and unanswered.title not in page
    page = client.get(url, {"region": city.slug, "sort": "helpful"}).content.decode()
    assert page.index(question.title) < page.index(unanswered.title)
    page = client.get(url, {"region": city.slug, "sort": "newest"}).content.decode()
    assert page.index(unanswered.title) < page.index(question.title)


def test_list_pages_by_keys(client, city):
    for number in range(45):
        QuestionFactory(region=city, title=f"질문 {number:02d}")
    first = client.get(reverse("questions:list"), {"region": city.slug})
    cursor = first.context["page"].next_cursor
    second = client.get(reverse("questions:list"), {"region": city.slug, "after": cursor})
    third = client.get(
        reverse("questions:list"),
        {"region": city.slug, "after": second.context["page"].next_cursor},
    )
    seen = [q.pk for q in first.context["questions"]]
    seen += [q.pk for q in second.context["questions"]]
    seen += [q.pk for q in third.context["questions"]]
    assert len(seen) == len(set(seen)) == 45
    assert third.context["page"].next_cursor is None
    broken = client.get(reverse("questions:list"), {"region": city.slug, "after": "nonsense"})
    assert broken.status_code == 200 and len(broken.context["questions"]) == 20


def test_events_for_asking_and_answering(
    django_capture_on_commit_callbacks, city, resident, second_resident
):
    from sotong.core import events

    seen = []
    handler = lambda name: lambda **payload: seen.append((name, payload))  # noqa: E731
    events.subscribe("question.asked", handler("asked"))
    events.subscribe("question.answered", handler("answered"))
    with django_capture_on_commit_callbacks(execute=True):
        question = services.question_ask(actor=resident, title="돌봄 교실 신청은?", region=city)
        answer = services.answer_post(actor=second_resident, question=question, body="주민센터")
    assert ("asked", {"question_id": question.pk}) in seen
    assert ("answered", {"answer_id": answer.pk}) in seen


def test_the_export_holds_questions_answers_and_votes(client_for, resident, question, answer):
    services.vote_helpful(actor=resident, answer=answer)
    from sotong.accounts.personal_data import sections

    exported = {section.name: section.export(resident) for section in sections()}
    assert exported["questions"][0]["title"] == question.title
    assert exported["helpful_votes"][0]["answer_id"] == answer.pk
    assert exported["question_answers"] == []


def test_a_deleted_account_leaves_its_questions_and_answers_anonymised(
    client, resident, question, answer, second_resident
):
    from sotong.accounts.services import user_delete

    user_delete(user=second_resident, actor=second_resident)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "시청 공원녹지과가 관리합니다." in page
    assert "서준" not in page
    answer.refresh_from_db()
    assert answer.helpful_count == 0 and Answer.objects.filter(pk=answer.pk).exists()


def test_a_signed_in_reader_can_turn_the_question_into_a_proposal(
    client, client_for, second_resident, question
):
    link = f'href="/proposals/new/?question={question.pk}"'
    assert link in client_for(second_resident).get(question.get_absolute_url()).content.decode()
    assert link not in client.get(question.get_absolute_url()).content.decode()
