# ruff: noqa: E501 — Korean demo sentences read better unbroken
"""The demo city's question library: residents' questions about life in 남원시 with
neighbours' and officials' answers, helpful votes and a chosen answer. Themes from the source
documents: 놀이터와 놀이환경, 대중교통, 주차, 지역 서점, 청년 일자리, 귀농·귀촌, 돌봄.
Idempotent: a question whose title exists in the city is left as it is."""

import random
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from sotong.accounts.models import User
from sotong.core.models import Region, Topic
from sotong.demo.people import RESIDENT_EMAIL
from sotong.questions.models import Answer, HelpfulVote, Question

DEMO_RESIDENT_DOMAIN = RESIDENT_EMAIL.split("@", 1)[1]
KNOWN_RESIDENT = "resident@sotong.local"
OFFICIAL = "official@sotong.local"

# (topics, title, body, answers); an answer starting with "공무원:" is given by the official.
QUESTIONS: tuple[tuple[tuple[str, ...], str, str, tuple[str, ...]], ...] = (
    (
        ("play", "kids"),
        "우리 동네 놀이터는 누가 관리하나요?",
        "향교동 아파트 옆 놀이터 그네 줄이 끊어진 지 한 달이 넘었어요. 어디에 말해야 고쳐지나요?",
        (
            "공무원:도시공원 안 놀이터는 시청 공원녹지 담당이, 아파트 단지 안은 관리사무소가 관리합니다. "
            "위치를 알려 주시면 어느 쪽인지 확인해 드릴게요.",
            "저도 같은 일이 있었는데 관리사무소에 사진 찍어 보냈더니 일주일 만에 고쳐 줬어요.",
        ),
    ),
    (
        ("play", "kids"),
        "비 오는 날 아이들이 놀 수 있는 실내 놀이 공간이 있나요?",
        "",
        (
            "시립도서관 1층 어린이 자료실 옆에 작은 놀이방이 있어요. 주말엔 붐벼요.",
            "육아종합지원센터 장난감 도서관도 좋아요. 회원 가입하면 장난감도 빌릴 수 있어요.",
        ),
    ),
    (
        ("play",),
        "놀이터 바닥 모래가 더러운데 소독은 언제 하나요?",
        "",
        ("공무원:시 관리 놀이터 모래는 봄·가을 두 번 소독하고 결과를 안내판에 붙입니다.",),
    ),
    (
        ("play", "community"),
        "모험 놀이터 같은 곳을 우리 동네에도 만들 수 있을까요?",
        "순천 기적의 놀이터 같은 곳을 보고 왔는데 아이들이 정말 좋아하더라고요.",
        (
            "놀이와 놀이터 남원시민 모임에서 비슷한 이야기를 하고 있어요. 같이 해요!",
            "주민 제안으로 올려 보면 어떨까요? 공감이 모이면 시가 답해야 한대요.",
        ),
    ),
    (
        ("play", "kids"),
        "놀이터 옆 흡연 때문에 아이들이 힘들어요. 금연구역인가요?",
        "",
        (
            "공무원:어린이 놀이시설은 법으로 정한 금연구역입니다. 보건소 금연 단속반에 신고하실 수 있습니다.",
        ),
    ),
    (
        ("local-agenda",),
        "운봉에서 시내까지 버스가 하루 몇 번 다니나요?",
        "",
        (
            "하루 아홉 번이에요. 장날엔 한 번 더 다녀요.",
            "버스 정보 앱에 농어촌 버스도 나와요. 시간표는 터미널에도 붙어 있고요.",
        ),
    ),
    (
        ("local-agenda",),
        "수요응답형 버스(부르면 오는 버스)는 어떻게 이용하나요?",
        "",
        (
            "공무원:전화나 앱으로 전날까지 예약하시면 됩니다. 지금은 산내·아영 지역에서 시범 운행 중입니다.",
        ),
    ),
    (
        ("local-agenda", "care"),
        "어르신 병원 가실 때 쓸 수 있는 교통 지원이 있나요?",
        "",
        (
            "행복콜택시라고 있어요. 65세 이상이면 요금 일부를 지원받아요.",
            "주민센터에 물어보면 신청서를 받을 수 있어요.",
        ),
    ),
    (
        ("local-agenda",),
        "버스 정류장에 의자와 햇빛 가리개를 놓아 달라고 하려면요?",
        "",
        ("질문도서관에서 ‘이 질문으로 제안하기’를 누르면 제안으로 바꿀 수 있어요.",),
    ),
    (
        ("local-agenda",),
        "시내 공영주차장은 어디가 제일 싸나요?",
        "",
        (
            "공설시장 주차장이 시장 이용하면 1시간 무료예요.",
            "요천 둔치 주차장은 무료인데 비 오면 잠길 때가 있어요.",
        ),
    ),
    (
        ("local-agenda",),
        "아파트 앞 불법 주차 신고는 어떻게 하나요?",
        "",
        ("공무원:안전신문고 앱으로 사진 두 장(1분 간격)을 찍어 신고하시면 됩니다.",),
    ),
    (
        ("local-agenda", "kids"),
        "학교 앞 어린이 보호구역에 주차하면 과태료가 얼마인가요?",
        "",
        ("일반 도로의 세 배라고 들었어요. 승용차는 12만 원이요.",),
    ),
    (
        ("local-agenda",),
        "장날에 시장 근처 주차가 너무 어려운데 방법이 없을까요?",
        "",
        (
            "장날엔 시청 주차장 개방하고 셔틀 다닌다는 얘기가 있던데 확인해 보세요.",
            "공무원:장날에는 시청 주차장을 개방합니다. 셔틀 운행은 교통과에서 검토 중입니다.",
        ),
    ),
    (
        ("culture", "education"),
        "남원에 동네 서점이 아직 남아 있나요?",
        "아이랑 책 구경하러 갈 만한 작은 서점을 찾고 있어요.",
        (
            "원도심에 작은 책방이 두 곳 있어요. 한 곳은 주말에 그림책 읽어 주는 모임도 해요.",
            "지역 서점에서 사면 도서관 ‘희망도서 바로대출’도 된대요.",
        ),
    ),
    (
        ("culture",),
        "지역 서점을 살리는 방법으로 뭘 할 수 있을까요?",
        "",
        (
            "도서관 책 구입을 지역 서점에서 하도록 하는 조례가 있는 도시도 있어요.",
            "책방에서 하는 북토크에 자주 가는 것부터요!",
        ),
    ),
    (
        ("culture", "education"),
        "희망도서 바로대출 제도가 뭔가요?",
        "",
        (
            "공무원:읽고 싶은 책을 지역 서점에서 빌려 읽고 서점에 반납하면, 시립도서관이 그 책을 사는 제도입니다.",
        ),
    ),
    (
        ("youth",),
        "남원에서 청년이 일할 만한 곳을 어디서 찾나요?",
        "",
        (
            "청년센터에 일자리 게시판이 있어요. 상담도 해 줘요.",
            "워크넷에서 지역을 남원으로 걸고 찾아보세요.",
        ),
    ),
    (
        ("youth",),
        "청년 월세 지원을 받을 수 있나요?",
        "",
        (
            "공무원:만 19~39세 무주택 청년은 월 최대 20만 원까지 12개월 지원받을 수 있습니다. 주민센터나 온라인으로 신청하세요.",
        ),
    ),
    (
        ("youth", "community"),
        "청년들이 모일 수 있는 공간이 있나요?",
        "",
        (
            "청년센터 공유 공간을 예약하면 무료로 쓸 수 있어요.",
            "매달 청년 네트워크 모임이 있어요. 처음 가도 괜찮아요.",
        ),
    ),
    (
        ("youth",),
        "빈 점포에서 창업하면 지원이 있나요?",
        "",
        ("원도심 빈 점포 창업 지원 사업이 있었어요. 올해 모집은 끝났을 수도 있어요.",),
    ),
    (
        ("rural-life",),
        "귀농하려면 어디서부터 알아봐야 하나요?",
        "",
        (
            "농업기술센터 귀농귀촌지원센터에 먼저 가 보세요. 교육이랑 상담을 해 줘요.",
            "저는 ‘살아 보기’ 프로그램으로 석 달 살아 보고 결정했어요.",
        ),
    ),
    (
        ("rural-life",),
        "귀촌 전에 잠깐 살아 볼 수 있는 집이 있나요?",
        "",
        ("공무원:‘귀농귀촌 체험 주택’을 최대 6개월까지 빌려 드립니다. 농업기술센터로 문의하세요.",),
    ),
    (
        ("rural-life",),
        "농지를 사지 않고 빌려서 농사를 지을 수 있나요?",
        "",
        (
            "농지은행에서 임대 농지를 찾을 수 있어요.",
            "마을 이장님께 여쭤보면 놀리는 땅을 빌려주시는 분이 꽤 있어요.",
        ),
    ),
    (
        ("rural-life", "community"),
        "귀촌한 사람들끼리 만나는 모임이 있나요?",
        "",
        ("산내면에 귀촌인 모임이 활발해요. 한 달에 한 번 밥 같이 먹어요.",),
    ),
    (
        ("care", "kids"),
        "맞벌이인데 방과후에 아이를 맡길 곳이 있나요?",
        "",
        (
            "다함께돌봄센터가 있어요. 초등학생은 무료예요.",
            "지역아동센터도 있어요. 소득 기준이 있으니 확인해 보세요.",
        ),
    ),
    (
        ("care",),
        "혼자 사시는 어머니 안부를 확인해 주는 서비스가 있나요?",
        "",
        (
            "공무원:독거 어르신 안부 확인 서비스(노인맞춤돌봄)를 주민센터에서 신청하실 수 있습니다.",
            "우리 동네는 통장님이 자주 들러 주세요.",
        ),
    ),
    (
        ("care", "kids"),
        "아이가 아플 때 돌봐 주는 서비스가 있나요?",
        "",
        ("아이돌봄 서비스에 ‘질병 감염 아동 돌봄’이 있어요. 미리 가입해 두면 좋아요.",),
    ),
    (
        ("care", "community"),
        "이웃끼리 아이를 돌아가며 봐주는 공동육아 모임이 있나요?",
        "",
        (
            "도통동에 공동육아 나눔터가 있어요. 장난감도 나눠요.",
            "없으면 만들어요! 활동 올리기로 모임을 열 수 있어요.",
        ),
    ),
    (
        ("care",),
        "치매 어르신 가족을 위한 모임이나 교육이 있나요?",
        "",
        ("치매안심센터에서 가족 교실을 열어요. 같은 처지 가족을 만나 큰 힘이 됐어요.",),
    ),
    (
        ("community", "local-agenda"),
        "주민자치회에 들어가려면 어떻게 하나요?",
        "",
        (
            "공무원:읍·면·동 주민센터에서 위원 모집 공고를 냅니다. 의무 교육 6시간을 들으면 신청하실 수 있습니다.",
        ),
    ),
    (
        ("local-agenda",),
        "시에 낸 민원이 어떻게 처리됐는지 어디서 보나요?",
        "",
        (
            "국민신문고에서 처리 상황을 볼 수 있어요.",
            "소통에서는 제안을 올리면 진행 단계가 공개돼서 좋아요.",
        ),
    ),
    (
        ("environment", "community"),
        "재활용 쓰레기 배출 요일이 동네마다 다른가요?",
        "",
        (
            "동마다 달라요. 주민센터 누리집에 표가 있어요.",
            "아파트는 단지마다 또 달라서 관리사무소에 물어보세요.",
        ),
    ),
    (
        ("environment", "play"),
        "요천 둔치에 아이들과 산책할 만한 길이 있나요?",
        "",
        ("광한루원에서 요천 따라 걷는 길이 좋아요. 자전거 길이랑 나뉘어 있어요.",),
    ),
)


def seed(context) -> None:
    city = Region.objects.filter(slug="namwon").first()
    if city is None:
        return
    residents = list(
        User.objects.filter(email__endswith=f"@{DEMO_RESIDENT_DOMAIN}").order_by("email")[:200]
    )
    official = User.objects.filter(email=OFFICIAL).first()
    known = User.objects.filter(email=KNOWN_RESIDENT).first()
    if len(residents) < 10 or official is None:
        return
    rng = random.Random(context.seed + 7)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    neighbourhoods = list(city.children.order_by("order", "name"))
    now = timezone.now()
    already_asked = set(
        Question.objects.filter(
            region__in=[city, *neighbourhoods], title__in=[entry[1] for entry in QUESTIONS]
        ).values_list("title", flat=True)
    )
    for number, (topic_slugs, title, body, answers) in enumerate(QUESTIONS):
        if title in already_asked:
            continue
        asker = known if number == 0 and known else residents[rng.randrange(len(residents))]
        region = rng.choice([city, *neighbourhoods[:8]]) if neighbourhoods else city
        question = Question.objects.create(title=title, body=body, region=region, author=asker)
        question.topics.set([topics[s] for s in topic_slugs if s in topics])
        asked_at = now - timedelta(days=rng.randint(3, 80), hours=rng.randint(0, 12))
        Question.objects.filter(pk=question.pk).update(created_at=asked_at)
        made = []
        for index, text in enumerate(answers):
            author = official if text.startswith("공무원:") else None
            while author is None or author.pk == asker.pk:
                author = residents[rng.randrange(len(residents))]
            answer = Answer.objects.create(
                question=question, author=author, body=text.removeprefix("공무원:")
            )
            Answer.objects.filter(pk=answer.pk).update(
                created_at=asked_at + timedelta(hours=5 + index * 20 + rng.randint(0, 9))
            )
            voters = [p for p in rng.sample(residents, rng.randint(0, 9)) if p.pk != author.pk]
            HelpfulVote.objects.bulk_create(
                [HelpfulVote(answer=answer, user=voter) for voter in voters]
            )
            Answer.objects.filter(pk=answer.pk).update(helpful_count=len(voters))
            made.append((answer, len(voters)))
        total = sum(votes for _, votes in made)
        accepted = max(made, key=lambda pair: pair[1])[0] if made and rng.random() < 0.6 else None
        Question.objects.filter(pk=question.pk).update(
            answer_count=F("answer_count") + len(made),
            helpful_count=F("helpful_count") + total,
            accepted_answer=accepted,
        )
