# ruff: noqa: E501 — Korean demo sentences read better unbroken
"""The demo city's notices: a pinned public hearing on renaming a park in 남원시, with its
documents, comment period, residents' questions and the department's answers, and a few
other notices. Idempotent: a notice whose title exists in its region is left as it is."""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from sotong.accounts.models import User
from sotong.core.models import Region, Topic
from sotong.demo.people import RESIDENT_EMAIL
from sotong.notices.models import Notice, NoticeDocument, NoticeQuestion
from sotong.organizations.models import Organization

DEMO_RESIDENT_DOMAIN = RESIDENT_EMAIL.split("@", 1)[1]
OFFICIAL = "official@sotong.local"


@dataclass(frozen=True)
class NoticeSeed:
    title: str
    kind: str
    department: str
    topics: tuple[str, ...]
    body: str
    days_from_now: int | None = None  # the hearing's day
    place: tuple[str, str, float, float] | None = None
    comment_days: tuple[int, int] | None = None  # opens, closes (days from now)
    pinned: bool = False
    published_days_ago: int = 3
    closed: bool = False
    documents: tuple[str, ...] = ()
    questions: tuple[tuple[str, str], ...] = ()  # question, answer ("" = not yet answered)


PARK_HEARING = NoticeSeed(
    title="‘요천 어린이공원’ 이름 바꾸기 공청회 — 주민 의견을 듣습니다",
    kind=Notice.Kind.HEARING,
    department="namwon-admin-dept",
    topics=("local-agenda", "play", "community"),
    body=(
        "남원시는 향교동 **요천 어린이공원**의 이름을 바꾸는 안을 검토하고 있습니다. "
        "공원 리모델링을 마치며 주민과 아이들이 함께 지은 이름을 붙이자는 제안이 있었고, "
        "지난번처럼 주민이 모르는 사이에 이름이 바뀌는 일이 없도록 공청회를 엽니다.\n\n"
        "## 검토 중인 이름\n\n"
        "- 요천 놀이숲 공원\n- 향교 두레 공원\n- 지금 이름 그대로\n\n"
        "## 함께 이야기할 것\n\n"
        "1. 이름을 바꿀지, 바꾼다면 어떤 이름이 좋은지\n"
        "2. 표지판·지도 변경 비용과 일정\n"
        "3. 아이들이 이름 짓기에 참여하는 방법\n\n"
        "공청회에 오지 못하는 분도 의견 접수 기간에 아래에 질문이나 의견을 남겨 주세요. "
        "자치행정과가 이 자리에서 답합니다."
    ),
    days_from_now=9,
    place=("향교동 주민센터 2층 다목적실", "전북특별자치도 남원시 향교동", 35.4127, 127.3862),
    comment_days=(-5, 16),
    pinned=True,
    published_days_ago=5,
    documents=("공원명칭변경_설명자료.pdf", "요천어린이공원_위치도.pdf"),
    questions=(
        (
            "이름을 바꾸면 표지판이랑 버스 정류장 이름도 다 바뀌나요? 비용은 누가 내나요?",
            "공원 입구 표지판 2곳과 안내도 1곳을 바꾸며, 비용(약 400만 원)은 공원 관리 예산에서 "
            "씁니다. 버스 정류장 이름은 ‘향교동 주민센터’라 바뀌지 않습니다.",
        ),
        (
            "아이들이 이름 짓기에 참여할 수 있으면 좋겠어요. 학교와 함께할 계획이 있나요?",
            "향교초등학교와 이야기하고 있습니다. 공청회 전에 학생 이름 공모를 받아 공청회에서 "
            "함께 소개하겠습니다.",
        ),
        (
            "공청회 당일 아이를 데리고 가도 되나요? 돌봄 공간이 있나요?",
            "네, 같은 층 작은 방에서 자원봉사자가 아이들과 놀이 시간을 갖습니다. 미리 신청하지 "
            "않아도 됩니다.",
        ),
        (
            "결과는 언제 어디서 알 수 있나요? 지난번 공원은 이름이 바뀐 것도 몰랐어요.",
            "",
        ),
    ),
)

OTHER_NOTICES = (
    NoticeSeed(
        title="2027년 농어촌 버스 노선 개편안 설명회",
        kind=Notice.Kind.BRIEFING,
        department="namwon-traffic-dept",
        topics=("local-agenda",),
        body=(
            "읍·면 지역 농어촌 버스 노선과 시간표 개편안을 설명합니다. 장날 증차, 학생 통학 "
            "시간대 조정, 수요응답형 버스 시범 운행이 들어 있습니다."
        ),
        days_from_now=12,
        place=("남원시청 3층 대회의실", "전북특별자치도 남원시 시청로 60", 35.4163, 127.3905),
        comment_days=(-2, 20),
        published_days_ago=2,
        questions=(
            (
                "운봉읍에서 시내 나가는 첫차를 30분 당길 수 있을까요? 병원 예약이 9시라서요.",
                "운봉 방면 첫차를 6시 40분으로 당기는 안이 들어 있습니다. 설명회에서 "
                "자세히 안내하겠습니다.",
            ),
        ),
    ),
    NoticeSeed(
        title="공영주차장 요금 조정에 대한 의견을 받습니다",
        kind=Notice.Kind.CONSULTATION,
        department="namwon-traffic-dept",
        topics=("local-agenda",),
        body=(
            "도심 공영주차장 3곳의 요금을 30분 단위에서 10분 단위로 바꾸는 안에 대해 의견을 "
            "받습니다. 전통시장 이용객 1시간 무료는 그대로 둡니다."
        ),
        comment_days=(-10, 11),
        published_days_ago=10,
        questions=(
            ("장애인 차량 감면은 그대로인가요?", "네, 50% 감면은 그대로 유지합니다."),
            ("야간 요금도 바뀌나요?", ""),
        ),
    ),
    NoticeSeed(
        title="아동 돌봄 시설 이용 안내 (겨울방학)",
        kind=Notice.Kind.NOTICE,
        department="namwon-admin-dept",
        topics=("care", "kids"),
        body=(
            "겨울방학 동안 다함께돌봄센터 4곳의 운영 시간을 오전 8시 30분부터 오후 7시까지로 "
            "늘립니다. 신청은 각 센터나 읍·면·동 주민센터에서 받습니다."
        ),
        published_days_ago=1,
    ),
    NoticeSeed(
        title="광한루원 주변 보행로 정비 공사 알림",
        kind=Notice.Kind.NOTICE,
        department="namwon-admin-dept",
        topics=("community",),
        body="광한루원 동문에서 요천로까지 보행로를 정비합니다. 공사 중에는 우회로를 이용해 주세요.",
        published_days_ago=40,
        closed=True,
    ),
    NoticeSeed(
        title="청년 창업 공간 입주자 모집 설명회",
        kind=Notice.Kind.BRIEFING,
        department="namwon-admin-dept",
        topics=("youth",),
        body="원도심 빈 점포를 고친 청년 창업 공간 6곳의 입주자 모집 조건과 지원 내용을 설명합니다.",
        days_from_now=-20,
        place=("남원 청년센터", "전북특별자치도 남원시 용성로", 35.4105, 127.3858),
        comment_days=(-35, -15),
        published_days_ago=35,
    ),
)

SEEDS = (PARK_HEARING, *OTHER_NOTICES)


def _pdf(title: str) -> bytes:
    """A one-page PDF with only the file's name in it: enough to open in any reader."""
    text = title.encode("ascii", "ignore").decode() or "Sotong demo"
    stream = f"BT /F1 18 Tf 72 720 Td (Sotong demo: {text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def _at(day: datetime, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localtime(day).date(), time(hour)))


def seed(context) -> None:
    city = Region.objects.filter(slug="namwon").first()
    official = User.objects.filter(email=OFFICIAL).first()
    if city is None or official is None:
        return
    rng = random.Random(context.seed + 5)
    now = timezone.now()
    residents = list(
        User.objects.filter(email__endswith=f"@{DEMO_RESIDENT_DOMAIN}").order_by("email")[:120]
    )
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for plan in SEEDS:
        if Notice.objects.filter(region=city, title=plan.title).exists():
            continue
        department = Organization.objects.filter(slug=plan.department).first()
        if department is None:
            continue
        # Whoever publishes and answers belongs to the department (the demo official for 자치행정과).
        staff = (
            official
            if official.memberships.filter(organization=department).exists()
            else User.objects.filter(memberships__organization=department).order_by("pk").first()
        ) or official
        notice = Notice(
            kind=plan.kind,
            title=plan.title,
            body=plan.body,
            region=city,
            department=department,
            author=staff,
            is_pinned=plan.pinned,
            published_at=now - timedelta(days=plan.published_days_ago, hours=rng.randint(1, 8)),
        )
        if plan.days_from_now is not None:
            notice.starts_at = _at(now + timedelta(days=plan.days_from_now), 14)
        if plan.place:
            notice.place_name, notice.address, notice.latitude, notice.longitude = plan.place
        if plan.comment_days:
            notice.comment_opens_at = _at(now + timedelta(days=plan.comment_days[0]), 9)
            notice.comment_closes_at = _at(now + timedelta(days=plan.comment_days[1]), 18)
        if plan.closed:
            notice.closed_at = now - timedelta(days=2)
        notice.save()
        notice.topics.set([topics[slug] for slug in plan.topics if slug in topics])
        for name in plan.documents:
            document = NoticeDocument(notice=notice, title=name, size=0)
            content = _pdf(name.rsplit(".", 1)[0])
            document.size = len(content)
            document.file.save(f"demo-{notice.pk}-{len(name)}.pdf", ContentFile(content))
        for index, (question_text, answer_text) in enumerate(plan.questions):
            asked_at = notice.published_at + timedelta(hours=6 + index * 17)
            question = NoticeQuestion.objects.create(
                notice=notice,
                author=residents[rng.randrange(len(residents))] if residents else official,
                body=question_text,
            )
            fields = {"created_at": asked_at}
            if answer_text:
                fields.update(
                    answer=answer_text,
                    answered_by=staff,
                    answered_at=asked_at + timedelta(hours=rng.randint(3, 30)),
                )
            NoticeQuestion.objects.filter(pk=question.pk).update(**fields)
        Notice.objects.filter(pk=notice.pk).update(question_count=len(plan.questions))
