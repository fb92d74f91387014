"""Notices and the question library as residents and officials meet them: on a phone, in
Korean, through the real pages, with axe-core on every page.

A resident finds the pinned park-renaming hearing in the notice list, asks a question during
the comment period, and the department's official answers it in place. Then she asks in the
question library, a neighbour answers, and she marks that answer as the most helpful."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from sotong.notices.models import NoticeQuestion
from sotong.questions.models import Question
from tests.browser.conftest import check_page, field, follow, visit
from tests.notices.factories import NoticeFactory

HEARING = "요천 어린이공원 이름 바꾸기 공청회"


def test_resident_asks_under_a_pinned_hearing_and_the_department_answers(
    open_phone, city, department, official, resident
):
    NoticeFactory(
        region=city,
        department=department,
        title=HEARING,
        is_pinned=True,
        comment_opens_at=timezone.now() - timedelta(days=1),
        comment_closes_at=timezone.now() + timedelta(days=10),
    )
    NoticeFactory(region=city, department=department, kind="notice", title="겨울방학 돌봄 안내")

    # 1. 지민 opens 공지 from the menu and finds the hearing, marked 중요.
    jimin = open_phone(resident)
    visit(jimin, "/", "home")
    follow(jimin, jimin.get_by_role("link", name="공지", exact=True), "**/notices/", "notices")
    card = jimin.locator(".notice-card--pinned")
    expect(card).to_contain_text(HEARING)
    expect(card).to_contain_text("중요")
    follow(jimin, jimin.get_by_role("link", name=HEARING), None, "hearing")
    expect(jimin.get_by_role("heading", level=1)).to_have_text(HEARING)
    expect(jimin.get_by_text("남원시청 3층 대회의실")).to_be_visible()

    # 2. An empty question is refused beside the field; then she asks.
    follow(jimin, jimin.get_by_role("button", name="질문 올리기"), None, "ask-empty")
    expect(jimin.get_by_text("질문을 적어 주세요.").first).to_be_visible()
    field(jimin, "질문").fill("새 이름은 아이들도 함께 정하나요?")
    follow(jimin, jimin.get_by_role("button", name="질문 올리기"), None, "asked")
    expect(jimin.get_by_text("질문을 올렸습니다.")).to_be_visible()
    question = NoticeQuestion.objects.get()

    # 3. 박주무관 of the publishing department answers in place.
    officer = open_phone(official)
    visit(officer, question.get_absolute_url(), "official-sees-question")
    officer.get_by_text("답변하기", exact=True).click()
    field(officer, "답변").fill("향교초등학교와 이름 공모를 함께 합니다.")
    follow(officer, officer.get_by_role("button", name="답변 올리기"), None, "answered")
    expect(officer.get_by_text("답변을 올렸습니다.")).to_be_visible()

    # 4. 지민 sees the answer under her question.
    visit(jimin, question.notice.get_absolute_url(), "jimin-reads-answer")
    answer = jimin.locator(f"#question-{question.pk} .notice-answer")
    expect(answer).to_contain_text("남원시 자치행정과의 답변")
    expect(answer).to_contain_text("향교초등학교와 이름 공모를 함께 합니다.")


def test_resident_asks_in_the_library_a_neighbour_answers_and_she_marks_it_helpful(
    open_phone, city, resident, second_resident, topics
):
    # 1. 지민 asks from the library's page.
    jimin = open_phone(resident)
    visit(jimin, "/questions/", "library")
    follow(jimin, jimin.get_by_role("link", name="질문하기"), "**/questions/new/", "ask")
    field(jimin, "질문").fill("우리 동네 놀이터는 누가 관리하나요?")
    field(jimin, "자세한 내용").fill("향교동 놀이터 그네 줄이 끊어졌어요.")
    field(jimin, "지역").select_option(label=city.name)
    follow(jimin, jimin.get_by_role("button", name="질문 올리기"), None, "asked")
    expect(jimin.get_by_role("heading", level=1)).to_have_text(
        "우리 동네 놀이터는 누가 관리하나요?"
    )
    question = Question.objects.get()

    # 2. 서준 finds it among the unanswered and answers.
    seojun = open_phone(second_resident)
    visit(seojun, "/questions/?state=unanswered", "unanswered")
    follow(
        seojun,
        seojun.get_by_role("link", name="우리 동네 놀이터는 누가 관리하나요?"),
        None,
        "question",
    )
    field(seojun, "답변").fill("시청 공원녹지 담당에 전화하면 바로 고쳐 줘요.")
    follow(seojun, seojun.get_by_role("button", name="답변 올리기"), None, "answered")
    expect(seojun.get_by_text("시청 공원녹지 담당에 전화하면")).to_be_visible()

    # 3. 지민 finds it helpful and marks it as the most helpful answer.
    visit(jimin, question.get_absolute_url(), "asker-sees-answer")
    follow(jimin, jimin.get_by_role("button", name="도움이 돼요", exact=True), None, "helpful")
    expect(jimin.get_by_text("1명에게 도움이 됐어요")).to_be_visible()
    follow(
        jimin,
        jimin.get_by_role("button", name="가장 도움이 된 답변으로 고르기"),
        None,
        "accepted",
    )
    expect(jimin.get_by_text("질문한 사람이 고른 가장 도움이 된 답변")).to_be_visible()
    question.refresh_from_db()
    assert question.accepted_answer is not None and question.helpful_count == 1
    check_page(jimin, "final")
