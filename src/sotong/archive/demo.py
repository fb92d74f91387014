"""The archive's demo: dialogue-meeting records modelled on the 2019 records the Namwon and
Daejeon groups shared (대중교통 불편, 대학 내 주차, 지역 서점 활성화, 존엄한 죽음 준비, 가족
관계, 놀이환경 …), records of the demo's past roundtables and a few reports.

Idempotent: a record is known by its title and date, a document by its title; a second run
adds nothing. Key words are computed at the end for everything (the analyser loads once).
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from sotong.accounts.models import User
from sotong.activities.models import Activity
from sotong.archive import keywords
from sotong.archive.models import Document, DocumentFile, MeetingRecord
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization

AUTHOR_EMAIL = "facilitator@sotong.local"


@dataclass(frozen=True)
class RecordSeed:
    title: str
    held_on: date
    region: str
    place: str
    host: str  # an organisation's slug, or a person's name (as in the 2019 booklet)
    participants: int
    topics: tuple[str, ...]
    summary: str
    discussion: str
    outcomes: str
    next_steps: str


R = RecordSeed
RECORDS: tuple[RecordSeed, ...] = (
    R(
        "대중교통 불편점 해결",
        date(2019, 8, 9),
        "namwon-dongchung",
        "동충동 행정복지센터 2층",
        "인경찬",
        4,
        ("local-agenda",),
        "시내버스 배차 간격과 노선 때문에 겪는 불편을 나누고, 시에 건의할 내용을 정리했습니다.",
        "읍·면에서 시내로 나오는 버스가 하루 네 번뿐이라 병원 예약 시간을 맞추기 어렵다는 "
        "이야기가 먼저 나왔습니다. 정류장에 도착 안내 전광판이 없어 어르신들이 한여름에도 "
        "한참을 서서 기다린다는 의견, 저녁 8시 이후에는 버스가 끊겨 학생들이 학원을 마치고 "
        "집에 갈 방법이 없다는 의견이 이어졌습니다. 수요응답형 버스(부르면 오는 버스)를 "
        "운영하는 다른 지역 사례도 함께 살펴보았습니다.",
        "배차 간격 조정, 정류장 그늘막과 도착 안내 전광판, 수요응답형 버스 시범 운행을 "
        "우선 과제로 꼽았습니다.",
        "교통행정과에 건의서를 내고, 다음 모임에서 답변을 함께 읽기로 했습니다.",
    ),
    R(
        "대학 내 주차문제",
        date(2019, 7, 28),
        "namwon-hyanggyo",
        "향교동 청년 작당소",
        "경희영",
        5,
        ("youth", "local-agenda"),
        "학교 안 주차 공간 부족과 불법 주차 문제를 학생과 교직원이 함께 이야기했습니다.",
        "등교 시간마다 정문 앞 도로에 차가 길게 늘어서고, 강의동 옆 소방차 통로까지 차가 "
        "서 있다는 사진을 함께 보았습니다. 학생들은 통학버스가 부족해 어쩔 수 없이 차를 "
        "가져온다고 했고, 교직원 주차장은 낮에 절반이 비어 있다는 이야기도 나왔습니다. "
        "주차 요금을 올리자는 의견과 통학버스를 늘리자는 의견이 팽팽했습니다.",
        "교직원 주차장 시간제 개방과 통학버스 증편을 학교에 함께 요청하기로 했습니다.",
        "학생회가 한 달 동안 주차 실태를 조사해 자료로 만듭니다.",
    ),
    R(
        "지역 서점 활성화 방안",
        date(2019, 7, 25),
        "namwon-dotong",
        "요천 북카페",
        "yocheon-bookcafe",
        12,
        ("culture", "community"),
        "동네 서점이 문을 닫지 않으려면 무엇이 필요한지 서점 주인과 주민이 함께 이야기했습니다.",
        "온라인 서점의 할인과 빠른 배송을 동네 서점이 따라갈 수 없다는 데에 모두 공감했습니다. "
        "대신 책을 골라 주는 사람, 작가와의 만남, 독서 모임 공간처럼 온라인에는 없는 것을 "
        "서점의 힘으로 삼자는 이야기가 나왔습니다. 도서관이 책을 살 때 지역 서점을 먼저 "
        "이용하는 '지역 서점 우선 구매'를 시에 제안하자는 의견도 많았습니다.",
        "지역 서점 지도 만들기, 매달 한 번 서점 순회 독서 모임, 공공도서관 지역 서점 우선 "
        "구매 제안을 하기로 했습니다.",
        "서점 다섯 곳과 함께 지도를 만들고, 제안서는 다음 달까지 씁니다.",
    ),
    R(
        "존엄한 죽음을 위한 지역 사회의 역할",
        date(2019, 7, 31),
        "namwon-wangjeong",
        "왕정동 경로당",
        "김경숙",
        6,
        ("care",),
        "홀로 사는 어르신이 늘어나는 동네에서 삶의 마지막을 어떻게 함께 준비할지 이야기했습니다.",
        "사전연명의료의향서를 어디서 어떻게 쓰는지 모르는 분이 많았습니다. 혼자 사시는 "
        "어르신의 장례를 이웃이 챙긴 경험을 나눈 분도 있었고, 죽음 이야기를 꺼내는 것 "
        "자체가 어렵다는 이야기도 솔직하게 나왔습니다. 호스피스 병동이 가까이 없어 먼 "
        "도시까지 가야 한다는 점도 큰 걱정이었습니다.",
        "경로당에서 '웰다잉 이야기 모임'을 정기적으로 열고, 보건소와 함께 의향서 작성 "
        "안내를 하기로 했습니다.",
        "보건소 담당자를 다음 모임에 초대합니다.",
    ),
    R(
        "가족 간 긍정적 관계 형성을 위해",
        date(2019, 7, 31),
        "namwon-dongchung",
        "동충동 행정복지센터 2층",
        "조은경",
        5,
        ("care", "kids"),
        "바쁜 일상 속에서 가족끼리 나누는 대화를 늘릴 방법을 부모들이 함께 찾았습니다.",
        "맞벌이 가정은 저녁을 함께 먹는 날이 일주일에 하루도 안 된다는 이야기가 나왔습니다. "
        "아이가 사춘기에 들어서며 대화가 끊겼다는 부모, 조부모가 아이를 돌보며 생기는 "
        "세대 차이를 이야기한 분도 있었습니다. 주말에 가족이 함께 할 수 있는 동네 "
        "프로그램이 부족하다는 의견이 많았습니다.",
        "한 달에 한 번 '가족 저녁 식탁' 모임을 열고, 부모 대화법 소모임을 만들기로 했습니다.",
        "주민센터에 주말 가족 프로그램 공간 대여를 요청합니다.",
    ),
    R(
        "우리아이 놀이환경 바꿔봐요 (도심형)",
        date(2019, 5, 18),
        "namwon-dotong",
        "도통동 작은도서관",
        "namwon-play",
        23,
        ("play", "kids", "local-agenda"),
        "도심 아이들이 걸어서 갈 수 있는 놀이 공간을 어떻게 만들지 원탁회의로 이야기했습니다.",
        "아파트 단지 놀이터는 모두 비슷하고 미끄럼틀 하나뿐이라 아이들이 금방 싫증을 낸다는 "
        "이야기가 많았습니다. 차가 많은 골목 때문에 아이 혼자 놀이터에 보내기 무섭다는 "
        "부모도 있었습니다. 놀이터 디자이너는 모래, 물, 나무처럼 아이들이 스스로 바꿀 수 "
        "있는 재료가 있어야 오래 논다고 설명했습니다.",
        "어린이가 직접 참여하는 놀이터 설계, 통학로 안전 구역 확대, 학교 운동장 주말 개방을 "
        "제안하기로 했습니다.",
        "아이들과 함께 동네 놀이터 지도를 그리고, 시에 제안서를 냅니다.",
    ),
    R(
        "우리아이 놀이환경 바꿔봐요 (농촌형)",
        date(2019, 6, 1),
        "namwon-sannae",
        "산내초등학교 강당",
        "namwon-play",
        17,
        ("play", "kids", "rural-life"),
        "놀이터가 없는 면 지역 아이들의 놀 곳을 학교와 마을이 함께 찾았습니다.",
        "면 지역에는 놀이터가 아예 없고, 아이들이 학교가 끝나면 바로 스쿨버스를 타고 "
        "흩어진다는 이야기가 나왔습니다. 마을 앞 개울과 뒷산이 가장 좋은 놀이터지만 "
        "어른이 함께할 사람이 없다는 점이 아쉽다고 했습니다. 폐교된 분교를 놀이 공간으로 "
        "쓰자는 의견이 큰 호응을 얻었습니다.",
        "분교 터를 자연 놀이터로 바꾸는 안과 방과 후 마을 놀이 선생님 제도를 제안하기로 했습니다.",
        "교육지원청과 분교 터 활용을 상의합니다.",
    ),
    R(
        "축구와 지역사회의 관계",
        date(2019, 7, 28),
        "namwon-hyanggyo",
        "향교동 청년 작당소",
        "김준태",
        8,
        ("community", "youth"),
        "동네 축구 모임이 지역 공동체에 어떤 역할을 할 수 있는지 이야기했습니다.",
        "조기축구회가 30년 넘게 이어지며 동네 어른들의 사랑방이 되었다는 이야기가 "
        "나왔습니다. 청년들은 평일 저녁에 쓸 수 있는 운동장이 없다고 했고, 여성과 "
        "어린이가 함께할 수 있는 축구 교실이 있으면 좋겠다는 의견도 있었습니다.",
        "공설운동장 야간 개방과 가족 축구 교실을 시에 제안하기로 했습니다.",
        "축구회 세 곳이 함께 가족 축구 교실 시범 운영 계획을 짭니다.",
    ),
    R(
        "청년이 바라는 남원의 일자리",
        date(2020, 10, 17),
        "namwon-hyanggyo",
        "향교동 청년 작당소",
        "namwon-youth-jakdang",
        11,
        ("youth", "local-agenda"),
        "남원에 남고 싶은 청년들이 일자리와 일거리에 대해 솔직하게 이야기했습니다.",
        "졸업 뒤 일자리를 찾아 전주나 서울로 떠난 친구들 이야기가 먼저 나왔습니다. 농업, "
        "관광, 돌봄 분야에 일거리는 있지만 청년이 알 길이 없다는 의견과, 창업 공간은 "
        "있어도 함께 일할 동료가 없다는 의견이 이어졌습니다. 청년 공유 사무실과 지역 "
        "기업 인턴십 연결이 필요하다는 데 뜻이 모였습니다.",
        "청년 일거리 정보판을 소통에 만들고, 지역 기업 인턴십을 제안하기로 했습니다.",
        "사회적경제지원센터와 만나 인턴십 가능한 기업 목록을 받습니다.",
    ),
    R(
        "요천 둑길 밤길 안전",
        date(2021, 9, 9),
        "namwon-dotong",
        "도통동 행정복지센터 회의실",
        "yocheon-walk",
        14,
        ("environment", "local-agenda"),
        "저녁 산책이 늘어난 요천 둑길의 조명과 안전을 주민들이 함께 점검했습니다.",
        "둑길 일부 구간은 가로등 간격이 넓어 밤이면 발밑이 보이지 않는다는 이야기가 "
        "나왔습니다. 자전거와 보행자가 같은 길을 쓰며 부딪칠 뻔한 경험도 많았습니다. "
        "한편 조명을 너무 밝게 하면 하천 생물에게 좋지 않다는 의견도 있어, 발밑을 "
        "비추는 낮은 조명이 대안으로 나왔습니다.",
        "어두운 구간 다섯 곳을 지도에 표시하고, 낮은 보행등 설치와 자전거 길 구분을 "
        "제안하기로 했습니다.",
        "환경과와 함께 현장을 걷고 제안서를 다듬습니다.",
    ),
    R(
        "마을 빈집 어떻게 살릴까",
        date(2022, 4, 23),
        "namwon-inwol",
        "인월면 마을회관",
        "inwol-dulle",
        19,
        ("rural-life", "community"),
        "늘어나는 빈집을 마을 공동 공간이나 귀농·귀촌인의 집으로 살릴 방법을 이야기했습니다.",
        "마을 안에 빈집이 열 채가 넘고, 무너질 듯한 집은 안전도 걱정이라는 이야기가 "
        "나왔습니다. 집주인이 외지에 살아 연락이 닿지 않는 경우가 많다는 점이 가장 큰 "
        "어려움이었습니다. 귀촌을 고민하는 청년들은 살 집을 구하지 못해 포기한다는 "
        "이야기도 있었습니다.",
        "빈집 실태 조사를 마을이 직접 하고, 빈집 은행과 공동 작업장 조성을 제안하기로 했습니다.",
        "이장님과 함께 빈집 집주인에게 보낼 안내문을 만듭니다.",
    ),
    R(
        "어르신 디지털 배움터",
        date(2022, 11, 5),
        "namwon-jukhang",
        "죽항동 경로당",
        "namwon-care-neighbours",
        16,
        ("care", "education"),
        "스마트폰 사용이 어려운 어르신들이 무엇부터 배우고 싶은지 직접 이야기했습니다.",
        "병원 예약, 버스 도착 확인, 손주와 영상통화가 가장 배우고 싶은 것으로 꼽혔습니다. "
        "키오스크 앞에서 뒷사람 눈치가 보여 주문을 포기한 경험을 여러 분이 나누었습니다. "
        "젊은 사람이 빨리 설명하면 따라가기 어렵다며, 같은 또래가 가르치는 방식이 "
        "좋겠다는 의견이 많았습니다.",
        "어르신이 어르신을 가르치는 디지털 짝꿍 교실을 경로당에서 열기로 했습니다.",
        "먼저 배운 어르신 다섯 분이 짝꿍 선생님 교육을 받습니다.",
    ),
    R(
        "로컬푸드 직매장과 학교 급식",
        date(2023, 3, 18),
        "namwon-geum",
        "금동 로컬푸드 직매장 교육장",
        "chunhyang-localfood",
        13,
        ("rural-life", "cooking"),
        "동네 농산물이 학교 급식에 더 많이 쓰이려면 무엇이 필요한지 농민과 학부모가 만났습니다.",
        "소규모 농가는 급식에 필요한 양을 맞추기 어렵고, 납품 절차가 복잡하다는 이야기가 "
        "나왔습니다. 학부모들은 아이들이 먹는 채소가 어디서 왔는지 알고 싶어 했습니다. "
        "여러 농가가 함께 납품하는 작목반을 만들자는 의견이 나왔습니다.",
        "농가 공동 납품 작목반 구성과 급식 식재료 산지 표시를 제안하기로 했습니다.",
        "농업기술센터와 작목반 구성 설명회를 엽니다.",
    ),
    R(
        "기후위기와 우리 동네 텃밭",
        date(2023, 6, 10),
        "namwon-noam",
        "노암동 공동체 텃밭",
        "noam-garden",
        21,
        ("environment", "rural-life"),
        "폭염과 가뭄을 겪은 텃밭 가꾸미들이 기후위기에 맞는 텃밭 가꾸기를 이야기했습니다.",
        "지난여름 물이 부족해 작물 절반을 잃었다는 이야기가 나왔습니다. 빗물 저금통을 "
        "설치하자는 의견, 음식물 퇴비를 함께 만들자는 의견이 이어졌습니다. 텃밭이 동네 "
        "이웃을 만나는 자리가 되었다는 이야기에 모두 고개를 끄덕였습니다.",
        "빗물 저금통 설치, 공동 퇴비장 운영, 토종 씨앗 나눔을 하기로 했습니다.",
        "환경과에 빗물 저금통 지원 사업을 문의합니다.",
    ),
    R(
        "아동 권리와 동네 놀이",
        date(2023, 5, 5),
        "namwon-dotong",
        "도통동 작은도서관",
        "namwon-child-rights",
        27,
        ("kids", "play"),
        "어린이날, 아이들이 직접 말하는 '우리 동네에서 놀 권리'를 들었습니다.",
        "아이들은 놀이터에 그늘이 없어 여름에는 놀 수 없다고 했고, 공을 차면 어른들이 "
        "혼낸다고 했습니다. 학원 때문에 놀 시간이 없다는 아이도 많았습니다. 어른들은 "
        "아이들의 말을 메모하며, 놀 시간과 놀 공간이 함께 필요하다는 것을 확인했습니다.",
        "아이들이 뽑은 놀이터 개선 세 가지(그늘막, 공놀이 구역, 물놀이터)를 시에 전달하기로 "
        "했습니다.",
        "어린이 의회와 함께 제안서를 씁니다.",
    ),
    R(
        "문화반상회: 골목에서 여는 작은 공연",
        date(2023, 9, 16),
        "namwon-jucheon",
        "주천면 마을회관",
        "namwon-culture-city",
        18,
        ("culture", "performance"),
        "문화도시 사무국이 마을을 찾아가 주민이 바라는 문화 활동을 들었습니다.",
        "면 지역에서는 공연을 보려면 시내까지 나가야 한다는 이야기가 먼저 나왔습니다. "
        "마을 어르신들의 판소리와 농악을 젊은 사람들이 배우고 싶다는 의견, 마을회관 "
        "앞마당에서 작은 영화 상영회를 열자는 의견이 나왔습니다.",
        "마을 앞마당 영화 상영회와 어르신 판소리 교실을 실험 예산으로 해 보기로 했습니다.",
        "상영할 영화를 주민 투표로 고릅니다.",
    ),
    R(
        "돌봄 공백, 이웃이 채울 수 있을까",
        date(2024, 2, 24),
        "namwon-dongchung",
        "동충동 행정복지센터 2층",
        "namwon-care-neighbours",
        15,
        ("care", "community"),
        "방과 후와 방학 중 아이 돌봄 공백을 이웃끼리 어떻게 나눌지 이야기했습니다.",
        "지역아동센터는 대기자가 많고, 방학이면 점심을 챙길 곳이 없다는 이야기가 "
        "나왔습니다. 은퇴한 이웃이 아이들 숙제를 봐 주는 품앗이 사례가 소개되었습니다. "
        "안전을 위해 돌봄 이웃 교육과 보험이 필요하다는 의견도 있었습니다.",
        "돌봄 품앗이 모임을 만들고, 방학 중 공유 부엌 점심을 시범 운영하기로 했습니다.",
        "돌봄 이웃 기초 교육을 공동체지원센터에 요청합니다.",
    ),
    R(
        "지리산 둘레길과 마을 관광",
        date(2024, 4, 13),
        "namwon-inwol",
        "인월면 둘레길 안내센터",
        "inwol-dulle",
        12,
        ("rural-life", "culture"),
        "둘레길을 걷는 손님이 마을에도 머물다 가게 할 방법을 주민들이 이야기했습니다.",
        "손님들이 길만 걷고 마을에는 들르지 않는다는 아쉬움이 컸습니다. 마을 밥상, 민박, "
        "농사 체험을 묶은 마을 여행 상품을 만들자는 의견이 나왔습니다. 쓰레기와 소음 "
        "때문에 불편하다는 주민 의견도 함께 기록했습니다.",
        "마을 밥상 시범 운영과 둘레길 쓰레기 되가져가기 안내판 설치를 하기로 했습니다.",
        "마을 밥상 메뉴와 가격을 다음 모임에서 정합니다.",
    ),
    R(
        "학교 앞 통학로 안전",
        date(2024, 5, 25),
        "namwon-dotong",
        "요천초등학교 시청각실",
        "yocheon-elementary",
        31,
        ("kids", "local-agenda"),
        "학부모와 교사, 주민이 아이들의 등하굣길을 함께 걸어 보고 위험한 곳을 이야기했습니다.",
        "인도가 없는 구간에서 아이들이 차도로 걷는 모습을 직접 보았습니다. 불법 주차된 "
        "차 때문에 건널목에서 아이가 보이지 않는다는 이야기가 많았습니다. 녹색어머니회 "
        "활동이 일부 부모에게만 부담이 된다는 의견도 나왔습니다.",
        "인도 설치, 건널목 주변 주차 금지 구역 지정, 등굣길 도우미 순번제를 제안하기로 했습니다.",
        "교통행정과와 경찰서에 함께 현장 점검을 요청합니다.",
    ),
    R(
        "사회적경제로 동네 문제 풀기",
        date(2024, 10, 12),
        "namwon-geum",
        "남원시 사회적경제지원센터",
        "namwon-social-economy",
        20,
        ("community", "youth"),
        "협동조합과 사회적기업이 동네 문제를 사업으로 풀 수 있을지 이야기했습니다.",
        "동네 빨래방, 반찬 가게, 집수리처럼 주민에게 필요한 일을 협동조합으로 하자는 "
        "의견이 나왔습니다. 처음 시작할 때 필요한 돈과 공간을 구하기 어렵다는 이야기, "
        "협동조합 회계와 세금이 어렵다는 이야기가 이어졌습니다.",
        "집수리 협동조합 준비 모임을 만들고, 창업 상담을 받기로 했습니다.",
        "센터의 협동조합 설립 교육에 다섯 명이 함께 신청합니다.",
    ),
    R(
        "마을 공유 부엌 운영 규칙",
        date(2025, 1, 18),
        "namwon-inwol",
        "인월 공유 부엌",
        "inwol-shared-kitchen",
        10,
        ("cooking", "community"),
        "함께 쓰는 부엌을 오래 유지하기 위한 규칙을 이용자들이 직접 정했습니다.",
        "설거지와 쓰레기 정리가 몇몇 사람에게 몰린다는 이야기가 솔직하게 나왔습니다. "
        "예약 없이 쓰다 보니 시간이 겹친다는 불편, 가스비와 양념값을 어떻게 나눌지도 "
        "이야기했습니다.",
        "예약표, 정리 당번, 월 회비 오천 원을 정했습니다.",
        "규칙을 부엌 벽에 붙이고 석 달 뒤 다시 점검합니다.",
    ),
    R(
        "청소년이 만드는 동네 축제",
        date(2025, 4, 26),
        "namwon-hyanggyo",
        "향교동 청소년문화의집",
        "namwon-youth-jakdang",
        24,
        ("youth", "culture", "events"),
        "청소년들이 직접 기획하는 동네 축제를 어른들과 함께 준비했습니다.",
        "청소년들은 버스킹 무대, 보드게임 대회, 먹거리 장터를 하고 싶다고 했습니다. "
        "어른들은 안전과 소음 문제를 걱정했지만, 청소년이 책임지고 운영하는 경험이 "
        "중요하다는 데 뜻을 모았습니다. 예산은 주민참여예산에 신청하기로 했습니다.",
        "청소년 기획단 12명을 꾸리고, 축제 날짜를 10월로 정했습니다.",
        "주민참여예산 신청서를 청소년 기획단이 직접 씁니다.",
    ),
    R(
        "대중교통 불편 그 후: 수요응답형 버스 1년",
        date(2025, 8, 30),
        "namwon-sannae",
        "산내면 행정복지센터",
        "namwon-traffic-dept",
        22,
        ("local-agenda", "rural-life"),
        "2019년 대화모임의 제안으로 시작된 수요응답형 버스를 1년 동안 타 본 주민들이 평가했습니다.",
        "병원 가는 길이 편해졌다는 어르신이 많았지만, 전화 예약이 어렵다는 이야기도 "
        "있었습니다. 주말에는 운행하지 않아 불편하다는 의견, 정류장이 아닌 집 앞까지 "
        "와 주면 좋겠다는 의견이 나왔습니다. 담당 공무원이 이용 통계를 함께 설명했습니다.",
        "주말 운행 시범과 마을 이장님 대리 예약 제도를 검토하기로 했습니다.",
        "교통행정과가 석 달 안에 검토 결과를 소통에 올립니다.",
    ),
    R(
        "동네 책방과 작은도서관 잇기",
        date(2025, 11, 8),
        "namwon-dotong",
        "도통동 작은도서관",
        "dotong-picturebooks",
        15,
        ("culture", "education"),
        "지역 서점 활성화 대화모임 이후, 동네 책방과 작은도서관이 함께할 일을 찾았습니다.",
        "작은도서관이 동네 책방에서 책을 사면 책방도 살고 주민도 가까이에서 새 책을 볼 수 "
        "있다는 이야기가 나왔습니다. 그림책 읽어 주기 봉사자를 책방과 도서관이 함께 "
        "모집하자는 의견도 있었습니다.",
        "작은도서관 세 곳이 올해 책 구입의 절반을 동네 책방에서 하기로 했습니다.",
        "책방과 도서관이 함께하는 그림책 축제를 봄에 엽니다.",
    ),
    R(
        "존엄한 마무리, 두 번째 이야기",
        date(2026, 3, 14),
        "namwon-wangjeong",
        "왕정동 경로당",
        "namwon-care-neighbours",
        13,
        ("care",),
        "2019년 웰다잉 대화모임 이후 달라진 것과 남은 숙제를 이야기했습니다.",
        "경로당에서 사전연명의료의향서를 쓴 어르신이 스무 분이 넘었다는 소식이 "
        "있었습니다. 혼자 사시는 분의 마지막을 지키는 이웃 돌봄 모임이 생겼다는 이야기도 "
        "나왔습니다. 여전히 호스피스 병상이 부족하고, 장례 비용이 걱정이라는 목소리가 "
        "컸습니다.",
        "공영 장례 지원 조례를 시의회에 제안하기로 했습니다.",
        "조례 제안서 초안을 시민정책연구소와 함께 씁니다.",
    ),
    R(
        "놀이터 그늘막 그 후",
        date(2026, 6, 20),
        "namwon-dotong",
        "도통동 어린이공원",
        "namwon-play",
        19,
        ("play", "kids"),
        "아이들이 제안해 생긴 놀이터 그늘막과 물놀이터를 한 해 써 본 뒤 이야기를 나눴습니다.",
        "그늘막 덕분에 한여름에도 아이들이 놀이터에 나온다는 이야기가 많았습니다. 물놀이터는 "
        "운영 시간이 짧아 아쉽다는 의견, 청소년이 쉴 곳도 필요하다는 의견이 나왔습니다.",
        "물놀이터 운영 시간 연장과 청소년 쉼터 의자 설치를 요청하기로 했습니다.",
        "아이들과 함께 감사 편지와 새 제안을 시에 전달합니다.",
    ),
    R(
        "기후 행동, 동네에서 시작하기",
        date(2026, 9, 19),
        "namwon-noam",
        "노암동 공동체 텃밭",
        "noam-garden",
        26,
        ("environment",),
        "텃밭, 재활용, 자전거 타기까지 동네에서 할 수 있는 기후 행동을 모았습니다.",
        "일회용 컵 없는 카페 거리를 만들자는 의견, 공공 자전거 정류장을 늘리자는 의견, "
        "아파트 재활용 분리배출을 함께 점검하자는 의견이 나왔습니다. 텃밭 빗물 저금통이 "
        "지난여름 가뭄에 큰 도움이 되었다는 소식도 나눴습니다.",
        "다회용 컵 카페 지도와 재활용 점검단을 꾸리기로 했습니다.",
        "카페 열 곳에 참여를 요청합니다.",
    ),
    R(
        "돌담 마을의 변화, 이웃과 함께",
        date(2025, 6, 14),
        "jeju-ara",
        "아라동 주민센터 회의실",
        "jeju-sotong-center",
        18,
        ("community", "local-agenda"),
        "빠르게 바뀌는 제주 마을에서 오래 산 주민과 새로 온 이웃이 함께 이야기했습니다.",
        "새로 이사 온 이웃은 마을 행사를 몰라 참여하지 못했다고 했고, 오래 산 주민은 "
        "돌담과 올레길이 사라지는 것이 아쉽다고 했습니다. 제주어로 말씀하신 어르신의 "
        "이야기를 젊은 주민이 받아 적으며 마을 이야기책을 만들자는 의견이 나왔습니다.",
        "마을 환영 꾸러미와 마을 이야기책 만들기를 하기로 했습니다.",
        "이야기책에 담을 어르신 인터뷰 일정을 잡습니다.",
    ),
    R(
        "제주 청년, 머물고 싶은 섬",
        date(2026, 4, 11),
        "jeju-hwabuk",
        "제주 사회적 연결 지원센터 교육실",
        "jeju-youth-network",
        14,
        ("youth",),
        "제주에 머물고 싶은 청년들이 집과 일에 대해 이야기했습니다.",
        "집값과 월세가 너무 올라 친구들이 육지로 돌아간다는 이야기가 먼저 나왔습니다. "
        "관광 일자리는 많지만 계절에 따라 끊긴다는 의견, 청년 공유 주택이 필요하다는 "
        "의견이 이어졌습니다.",
        "청년 공유 주택 실험과 사계절 일자리 연결 모임을 제안하기로 했습니다.",
        "제주시 청년정책 담당자와 간담회를 요청합니다.",
    ),
)

ACTIVITY_SUMMARIES = (
    "참석자들이 테이블마다 동네에서 가장 먼저 바뀌었으면 하는 일을 세 가지씩 꼽았습니다.",
    "지난 회의에서 나온 제안이 어디까지 진행되었는지 담당 부서가 먼저 설명했습니다.",
    "이웃과 차 한 잔 마시며 우리 동네에 있었으면 하는 문화 활동을 이야기했습니다.",
)
ACTIVITY_DISCUSSIONS = (
    "아이들이 걸어서 갈 수 있는 놀이 공간이 부족하다는 이야기가 가장 많았습니다. "
    "어르신들은 쉼터와 그늘을, 청년들은 저녁에 모일 공간을 이야기했습니다.",
    "요천 둑길의 밤 조명, 버스 시간표, 마을 빈집 활용이 함께 논의되었습니다.",
    "마을회관 앞마당 영화 상영회와 어르신 판소리 교실을 작은 실험 예산으로 해 보자는 "
    "의견이 모였습니다.",
)
ACTIVITY_OUTCOMES = (
    "우선 과제 3가지를 정해 시에 전달하기로 했습니다.",
    "다음 달 현장을 함께 둘러보고 구체적인 제안서를 쓰기로 했습니다.",
)
MEETING_TITLE_WORDS = ("원탁회의", "반상회", "소통 테이블", "마을 이야기", "원탁")


@dataclass(frozen=True)
class DocumentSeed:
    title: str
    kind: str
    issued_on: date
    region: str
    host: str
    topics: tuple[str, ...]
    summary: str
    file_name: str = ""
    file_text: str = ""


DOCUMENTS: tuple[DocumentSeed, ...] = (
    DocumentSeed(
        "2019 대화모임 기록집",
        Document.Kind.OUTPUT,
        date(2019, 12, 20),
        "namwon",
        "namwon-community-center",
        ("local-agenda", "community"),
        "2019년 한 해 동안 열린 대화모임 스물네 번의 주제, 주최자, 참여 인원, 나눈 이야기를 "
        "책자로 엮었습니다. 대중교통 불편, 대학 내 주차, 지역 서점 활성화, 존엄한 죽음 준비, "
        "가족 관계, 놀이환경 이야기가 담겨 있습니다. 이 기록을 온라인 아카이브로 옮긴 것이 "
        "소통 아카이브의 시작입니다.",
        "2019-dialogue-meetings.csv",
        "주제,주최자,참여 인원,날짜\n대중교통 불편점 해결,인경찬,4,2019-08-09\n"
        "대학 내 주차문제,경희영,5,2019-07-28\n지역 서점 활성화 방안,김준태,12,2019-07-25\n",
    ),
    DocumentSeed(
        "남원시 아동 놀이환경 실태 조사 보고서",
        Document.Kind.RESEARCH,
        date(2020, 3, 2),
        "namwon",
        "namwon-play",
        ("play", "kids"),
        "남원시 놀이터 54곳을 직접 찾아가 시설, 그늘, 안전, 접근성을 조사하고 어린이 "
        "312명에게 놀이 시간과 놀이 공간을 물었습니다. 도심형과 농촌형 놀이환경의 차이와 "
        "개선 제안을 담았습니다.",
        "playground-survey-summary.txt",
        "조사한 놀이터: 54곳\n그늘이 있는 놀이터: 9곳\n응답한 어린이: 312명\n",
    ),
    DocumentSeed(
        "시민소통 온라인 플랫폼 국민디자인단 운영 성과",
        Document.Kind.REPORT,
        date(2021, 12, 15),
        "namwon",
        "namwon-admin-dept",
        ("local-agenda",),
        "주민, 공무원, 전문가가 함께 시민소통 온라인 플랫폼을 설계한 국민디자인단의 과정과 "
        "성과를 정리했습니다. 온라인 촉진단 운영, 공동체 단위 서비스, 남원만의 플랫폼 "
        "방향을 제안합니다.",
    ),
    DocumentSeed(
        "제주 마을 의제 원탁회의 결과 자료집",
        Document.Kind.REPORT,
        date(2025, 12, 10),
        "jeju",
        "jeju-sotong-center",
        ("community", "local-agenda"),
        "제주시 여섯 마을에서 열린 원탁회의의 주요 의제와 주민 제안을 모았습니다. 마을 "
        "환영 꾸러미, 청년 공유 주택, 올레길 보전이 가장 많이 나온 이야기입니다.",
    ),
)


def _author() -> User | None:
    return (
        User.objects.filter(email=AUTHOR_EMAIL).first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )


def _activity_records(rng: random.Random) -> list[MeetingRecord]:
    """Records of the demo's past roundtables and 반상회, written by their organisers."""
    now = timezone.now()
    past = (
        Activity.objects.filter(
            status=Activity.Status.PUBLISHED,
            ends_at__lt=now,
            starts_at__gte=now - timedelta(days=400),
        )
        .select_related("host_organization")
        .order_by("starts_at", "pk")
    )
    chosen = [a for a in past if any(word in a.title for word in MEETING_TITLE_WORDS)][:12]
    records = []
    for activity in chosen:
        held_on = timezone.localtime(activity.starts_at).date()
        records.append(
            MeetingRecord(
                activity=activity,
                title=activity.title,
                held_on=held_on,
                place=activity.place_name,
                participants_count=activity.confirmed_count or rng.randint(8, 30),
                summary=rng.choice(ACTIVITY_SUMMARIES),
                discussion=rng.choice(ACTIVITY_DISCUSSIONS),
                outcomes=rng.choice(ACTIVITY_OUTCOMES),
                next_steps="결과를 소통에 올리고, 다음 모임에서 진행 상황을 나눕니다.",
                region_id=activity.region_id,
                host_organization=activity.host_organization,
                created_by_id=activity.host_id,
                published_at=activity.ends_at,
            )
        )
    return records


def seed(context) -> None:
    author = _author()
    if author is None:
        return
    rng = random.Random(context.seed)
    regions = {region.slug: region for region in Region.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    organizations = {org.slug: org for org in Organization.objects.all()}
    existing = set(MeetingRecord.objects.values_list("title", "held_on"))
    created = 0
    with context.progress.stage("meeting records", len(RECORDS)) as stage:
        for item in RECORDS:
            if (item.title, item.held_on) in existing or item.region not in regions:
                stage.advance(1)
                continue
            host = organizations.get(item.host)
            record = MeetingRecord.objects.create(
                title=item.title,
                held_on=item.held_on,
                place=item.place,
                region=regions[item.region],
                host_organization=host,
                host_name="" if host else item.host,
                participants_count=item.participants,
                summary=item.summary,
                discussion=item.discussion,
                outcomes=item.outcomes,
                next_steps=item.next_steps,
                created_by=author,
                published_at=timezone.make_aware(
                    datetime.combine(item.held_on + timedelta(days=3), time(18))
                ),
            )
            record.topics.set([topics[slug] for slug in item.topics if slug in topics])
            if host is not None:
                record.organizations.set([host])
            created += 1
            stage.advance(1, created=1)
    already_linked = MeetingRecord.objects.filter(activity__isnull=False).exists()
    linked = [] if already_linked else _activity_records(rng)
    for record in linked:
        record.save()
        record.topics.set(record.activity.topics.all())
    if linked:
        context.progress.write(f"  {'activity notes':<14} {len(linked)}")
    created += len(linked)
    created += _seed_documents(context, author, regions, topics, organizations)
    if created:
        keywords.refresh_all()


def _seed_documents(context, author, regions, topics, organizations) -> int:
    existing = set(Document.objects.values_list("title", flat=True))
    created = 0
    with context.progress.stage("documents", len(DOCUMENTS)) as stage:
        for item in DOCUMENTS:
            if item.title in existing or item.region not in regions:
                stage.advance(1)
                continue
            host = organizations.get(item.host)
            document = Document.objects.create(
                title=item.title,
                kind=item.kind,
                issued_on=item.issued_on,
                region=regions[item.region],
                host_organization=host,
                host_name="" if host else item.host,
                summary=item.summary,
                created_by=author,
            )
            document.topics.set([topics[slug] for slug in item.topics if slug in topics])
            if item.file_name:
                upload = ContentFile(item.file_text.encode("utf-8-sig"), name=item.file_name)
                DocumentFile.objects.create(document=document, file=upload, title=item.file_name)
            created += 1
            stage.advance(1, created=1)
    return created
