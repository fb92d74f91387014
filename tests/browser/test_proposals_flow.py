"""A proposal's path to an answer, as people see it on a phone, in Korean, through the real
pages: a resident proposes, neighbours support it past the threshold, an official assigns the
responsible department, a roundtable takes it up, the department answers, and the proposer
follows every step in the public timeline and in their notifications."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from sotong.proposals.models import Proposal, RegionPolicy, Status, ThresholdLevel
from tests.browser.conftest import check_page, field, follow, tick, visit
from tests.factories import UserFactory
from tests.notifications.jobs import run_queued_jobs

TITLE = "향교동 놀이터에 그늘막을 설치해 주세요"


def local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_a_proposal_goes_from_residents_through_a_roundtable_to_an_answer(
    open_phone, resident, second_resident, official, department, facilitator, city, topics
):
    policy = RegionPolicy.objects.create(region=city, answer_days=30)
    ThresholdLevel.objects.create(policy=policy, supports=2, label="부서 답변")
    third = UserFactory(nickname="하준", home_region=city)

    # 1. 지민 proposes.
    jimin = open_phone(resident)
    visit(jimin, "/proposals/", "proposals")
    follow(jimin, jimin.get_by_role("link", name="제안하기"), "**/proposals/new/", "new")
    field(jimin, "지역").select_option(label=city.name)
    field(jimin, "제목").fill(TITLE)
    field(jimin, "문제").fill("여름 한낮에 미끄럼틀이 뜨거워 아이들이 놀 수 없습니다.")
    field(jimin, "제안 내용").fill("놀이터 두 곳에 그늘막과 음수대를 설치해 주세요.")
    tick(jimin, "checkbox", "🧸 키즈")
    follow(jimin, jimin.get_by_role("button", name="제안 올리기"), None, "proposal")
    expect(jimin.get_by_role("heading", level=1)).to_have_text(TITLE)
    proposal = Proposal.objects.get(title=TITLE)

    # 2. Two neighbours support it with the plain button; the second crosses the threshold.
    for person in (second_resident, third):
        phone = open_phone(person)
        visit(phone, f"/proposals/{proposal.pk}/")
        follow(phone, phone.get_by_role("button", name="공감하기"), None, "supported")
        expect(phone.get_by_role("button", name="공감 취소하기")).to_be_visible()
    proposal.refresh_from_db()
    assert proposal.support_count == 2 and proposal.due_at is not None

    # 3. The official sees it as a roundtable candidate and assigns the department.
    officer = open_phone(official)
    visit(officer, f"/proposals/regions/{city.slug}/dashboard/", "dashboard")
    candidates = officer.get_by_role("region", name="원탁회의 후보").or_(
        officer.locator("section", has=officer.get_by_role("heading", name="원탁회의 후보"))
    )
    follow(officer, candidates.get_by_role("link", name=TITLE), None, "detail-official")
    field(officer, "전담부서").select_option(label=department.name)
    field(officer, "메모").fill("놀이터 관리 부서에서 검토합니다.")
    follow(officer, officer.get_by_role("button", name="지정하기"), None, "assigned")

    # 4. The facilitator opens a roundtable that takes it up.
    runner = open_phone(facilitator)
    visit(runner, f"/proposals/regions/{city.slug}/roundtables/new/", "roundtable-new")
    start = timezone.now() + timedelta(days=7)
    field(runner, "원탁회의 이름").fill("우리 아이 놀이환경 원탁회의")
    field(runner, "소개").fill("놀이터 제안을 주민과 공무원이 함께 논의합니다.")
    field(runner, "장소 이름").fill("남원시청 대회의실")
    field(runner, "시작").fill(local(start))
    field(runner, "끝").fill(local(start + timedelta(hours=2)))
    tick(runner, "checkbox", TITLE)
    follow(runner, runner.get_by_role("button", name="원탁회의 열기"), None, "roundtable")
    expect(runner.get_by_role("link", name="참가 신청하러 가기")).to_be_visible()

    # 5. The department answers.
    visit(officer, f"/proposals/{proposal.pk}/")
    tick(officer, "radio", "일부 수용")
    field(officer, "이유").fill("올해 예산으로 한 곳에 먼저 설치하고, 나머지는 내년에 설치합니다.")
    follow(officer, officer.get_by_role("button", name="답변 올리기"), None, "answered")
    proposal.refresh_from_db()
    assert proposal.status == Status.ANSWERED

    # 6. 지민 sees every step, who and why, in the public timeline…
    visit(jimin, f"/proposals/{proposal.pk}/", "timeline")
    timeline = jimin.locator(".proposal-timeline")
    for text in (
        "공감 2명 달성",
        "제출됨 → 검토 중",
        "놀이터 관리 부서에서 검토합니다.",
        "검토 중 → 원탁회의",
        "원탁회의 → 답변 완료",
        "올해 예산으로 한 곳에 먼저",
    ):
        expect(timeline).to_contain_text(text)
    expect(jimin.get_by_role("heading", name="공식 답변: 일부 수용")).to_be_visible()

    # …and in the notifications, once the worker has run.
    run_queued_jobs()
    visit(jimin, "/notifications/", "notifications")
    main = jimin.get_by_role("main")
    expect(main).to_contain_text("검토 중 → 원탁회의")
    expect(main).to_contain_text("원탁회의 → 답변 완료")
    check_page(jimin)
