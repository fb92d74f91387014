"""The demo city's activities: a living 남원시 (and some of 제주시) around the day of the run.

Called by `sotong_demo` (sotong.demo.seed.seed_other_apps) after regions, topics, organisations
and people exist. Everything is planned from the data and a generator seeded with the demo's
seed; only the dates are placed around the day the demo is first filled, so the map shows
upcoming activities on the first visit. Once any demo person hosts an activity, a run adds
nothing: what people did with the demo activities stays as they left it.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from sotong.accounts.models import User
from sotong.activities.models import (
    Activity,
    ActivitySeries,
    Review,
    Rsvp,
    encode_audience,
)
from sotong.core.models import Region, Topic
from sotong.demo.people import ACCOUNTS, RESIDENT_EMAIL
from sotong.organizations.models import Membership, Organization

DEMO_RESIDENT_DOMAIN = RESIDENT_EMAIL.split("@", 1)[1]
KNOWN_RESIDENT = "resident@sotong.local"
NAMWON_ONE_OFFS = 215
JEJU_ONE_OFFS = 36
DAYS_BACK = 90
DAYS_AHEAD = 90
BATCH = 200
CONTACTS = (
    "063-000-0000 (데모 연락처)",
    "카카오톡 오픈채팅 ‘소통 데모’ (데모 연락처)",
    "010-0000-0000 (데모 연락처)",
)
JEJU_CONTACT = "064-000-0000 (데모 연락처)"

G, E, P, C = (
    Activity.Kind.GATHERING,
    Activity.Kind.EVENT,
    Activity.Kind.PERFORMANCE,
    Activity.Kind.CLASS,
)


@dataclass(frozen=True)
class Theme:
    """A kind of activity the city holds, with the words to describe one."""

    kind: str
    topics: tuple[str, ...]
    titles: tuple[str, ...]
    descriptions: tuple[str, ...]
    places: tuple[str, ...]  # "{region}" is replaced by the neighbourhood's name
    hosts: tuple[str, ...]  # organisation slugs, "resident" for a resident on their own
    audience: tuple[str, ...] = ("everyone",)
    capacity: tuple[int, int] | None = (10, 30)  # None: no limit
    fees: tuple[int, ...] = (0,)
    hours: tuple[int, ...] = (10, 14, 19)
    duration: tuple[int, int] = (90, 150)  # minutes
    regions: tuple[str, ...] = ()  # neighbourhood slugs; empty: any of the city's
    city: str = "namwon"
    weight: int = 3
    meeting: bool = False  # a dialogue meeting: the archive's demo writes up past ones


@dataclass(frozen=True)
class SeriesTheme:
    """A regular gathering (정규 모임): one occurrence a week or every other week."""

    theme: Theme
    title: str
    weekday: int  # Monday 0
    hour: int
    every_weeks: int = 1


THEMES: tuple[Theme, ...] = (
    Theme(
        G,
        ("play", "kids", "local-agenda"),
        (
            "우리 동네 놀이터 함께 둘러보기",
            "놀이터 지도 만들기 모임",
            "아이들에게 놀이란? 부모 이야기 모임",
            "도심형·농촌형 놀이터 제안 다듬기",
        ),
        (
            "아이들이 실제로 어디서, 어떻게 노는지 함께 걸으며 살펴봅니다. 놀이터마다 좋은 점과 "
            "아쉬운 점을 사진과 메모로 남기고, 모임이 끝나면 놀이터 지도에 모아 둡니다.\n\n"
            "아이와 함께 오셔도 좋고, 놀이를 아끼는 어른이라면 누구나 환영합니다.",
            "2019년 부모 몇 명의 수다에서 시작한 ‘놀이와 놀이터 남원시민 모임’이 원탁회의에 "
            "낸 제안을 이어 갑니다. 이번에는 동네마다 필요한 놀이 공간을 이야기합니다.",
        ),
        ("{region} 어린이공원", "{region} 작은도서관", "{region} 행정복지센터 다목적실"),
        ("namwon-play", "namwon-play", "namwon-child-rights", "resident"),
        audience=("families", "kids"),
        capacity=(12, 25),
        hours=(10, 15),
        weight=5,
    ),
    Theme(
        E,
        ("play", "kids", "events"),
        ("골목 놀이판", "토요 골목 놀이터", "전래놀이 한마당", "비석치기·딱지치기 대회"),
        (
            "차가 다니지 않게 골목을 막고 아이들이 마음껏 뛰노는 날입니다. 고무줄, 딱지, "
            "사방치기 같은 옛 놀이 도구를 준비해 두었어요. 보호자 한 분이 함께 와 주세요.",
            "놀이 활동가와 함께하는 바깥 놀이 시간. 비가 오면 행정복지센터 강당으로 옮깁니다.",
        ),
        ("{region} 골목 (행정복지센터 뒤)", "{region} 어린이공원", "광한루원 옆 잔디마당"),
        ("namwon-play", "namwon-children-dept", "yocheon-elementary"),
        audience=("kids", "families"),
        capacity=None,
        hours=(10, 14),
        duration=(120, 180),
        weight=4,
    ),
    Theme(
        G,
        ("local-agenda", "community"),
        (
            "남원시 원탁회의",
            "우리 동네 원탁회의",
            "시민 제안 원탁회의: 우리 아이 놀이환경 바꿔봐요",
            "원탁회의: 걷고 싶은 요천 만들기",
            "원탁회의: 귀농·귀촌인과 원주민이 함께 사는 마을",
            "공무원과 시민이 함께하는 100인 원탁회의",
        ),
        (
            "한 테이블에 예닐곱 명이 둘러앉아 우리 동네의 일을 이야기합니다. 퍼실리테이터가 "
            "이야기를 돕고, 나온 의견은 투표로 우선순위를 정해 시에 전달합니다.\n\n"
            "말을 잘하지 않아도 괜찮습니다. 듣는 것만으로도 참여입니다.",
            "시민이 제안한 의제가 실제 정책으로 이어지도록, 제안한 분과 담당 부서 공무원이 "
            "함께 앉습니다. 지난 원탁회의 결과가 어떻게 되었는지도 먼저 알려 드립니다.",
        ),
        (
            "남원시청 4층 대회의실",
            "{region} 행정복지센터 2층 회의실",
            "남원시 공동체지원센터 교육실",
        ),
        ("namwon-admin-dept", "namwon-community-center", "namwon-civic-lab"),
        audience=("adults", "everyone"),
        capacity=(30, 80),
        hours=(14, 19),
        duration=(120, 180),
        weight=5,
        meeting=True,
    ),
    Theme(
        G,
        ("culture", "community", "local-agenda"),
        ("문화반상회", "{region} 문화반상회", "골목 문화반상회: 우리 동네 문화 이야기"),
        (
            "문화도시 사무국이 동네를 찾아가는 반상회입니다. 이웃과 차 한 잔 마시며 우리 "
            "동네에 있었으면 하는 문화 활동을 이야기하고, 작은 실험 예산으로 해 볼 일을 "
            "함께 고릅니다.",
        ),
        ("{region} 마을회관", "{region} 경로당", "{region} 작은도서관"),
        ("namwon-culture-city", "namwon-culture-city", "namwon-culture-dept"),
        capacity=(15, 30),
        hours=(14, 19),
        weight=4,
        meeting=True,
    ),
    Theme(
        C,
        ("rural-life", "education"),
        (
            "귀농·귀촌 첫걸음 교실",
            "시골집 고치기 기초 강좌",
            "텃밭 농사 입문",
            "귀농 선배와의 대화: 남원에서 일 년 살기",
        ),
        (
            "남원에 뿌리내리려는 분들을 위한 강좌입니다. 집 구하기, 농지 빌리기, 마을 "
            "어르신과 지내는 법까지 먼저 온 이웃이 경험을 나눕니다.",
            "농업기술센터와 함께하는 실습 강좌. 작업복과 장갑을 준비해 오세요.",
        ),
        ("남원시 농업기술센터 교육관", "{region} 마을회관", "산내면 귀농인의 집"),
        ("namwon-agri-center", "namwon-agri-center", "sannae-table", "resident"),
        audience=("adults",),
        capacity=(12, 25),
        fees=(0, 0, 10000),
        hours=(10, 14),
        regions=("namwon-sannae", "namwon-inwol", "namwon-dotong", "namwon-unbong"),
        weight=4,
    ),
    Theme(
        P,
        ("music", "culture", "performance"),
        (
            "광한루원 판소리 한마당",
            "토요 국악 상설공연",
            "동편제 판소리 감상회",
            "춘향가 완창 발표회",
            "국악 버스킹",
        ),
        (
            "동편제 판소리의 고장 남원에서 소리꾼과 고수가 들려주는 판소리 한 대목. "
            "공연 뒤에는 ‘얼쑤’ 추임새를 함께 배워 보는 시간도 있습니다.",
            "처음 듣는 분도 즐길 수 있도록 줄거리와 사설을 해설과 함께 들려 드립니다.",
        ),
        ("광한루원 완월정", "춘향문화예술회관 소공연장", "국악의 성지 공연장"),
        ("namwon-culture-dept", "namwon-culture-city", "hyanggyo-choir"),
        capacity=None,
        fees=(0, 0, 5000),
        hours=(15, 19),
        duration=(60, 120),
        regions=("namwon-hyanggyo", "namwon-unbong", "namwon-jukhang"),
        weight=4,
    ),
    Theme(
        C,
        ("music", "education"),
        ("판소리 배우기 첫걸음", "어린이 판소리 교실", "장구 기초 교실"),
        (
            "소리 한 대목을 천천히 따라 부르며 배웁니다. 악보 없이 입으로 전하는 전통 "
            "그대로, 몇 주 뒤에는 짧은 대목 하나를 부를 수 있게 됩니다.",
        ),
        ("국악의 성지 교육관", "춘향문화예술회관 연습실", "{region} 행정복지센터 다목적실"),
        ("namwon-culture-dept", "hyanggyo-choir", "namwon-village-edu-coop"),
        audience=("everyone", "kids"),
        capacity=(8, 16),
        fees=(0, 10000, 20000),
        regions=("namwon-unbong", "namwon-hyanggyo", "namwon-dongchung"),
        weight=3,
    ),
    Theme(
        G,
        ("activity", "environment"),
        (
            "지리산 둘레길 함께 걷기",
            "지리산 둘레길 1구간 걷기",
            "뱀사골 계곡길 걷기",
            "바래봉 철쭉길 산행",
            "구룡계곡 가을 산책",
        ),
        (
            "둘레길을 천천히 걸으며 마을과 숲을 만납니다. 점심 도시락과 물, 걷기 편한 "
            "신발을 챙겨 오세요. 중간에 돌아갈 수 있는 길도 알려 드립니다.",
            "걷는 길에 보이는 쓰레기를 함께 줍는 ‘줍깅’도 합니다. 집게와 봉투는 준비해 둡니다.",
        ),
        ("인월 지리산 둘레길 안내센터", "실상사 주차장", "구룡계곡 입구", "바래봉 들머리 주차장"),
        ("resident", "inwol-dulle", "seomjin-guardians", "barebong-photo"),
        audience=("adults", "everyone"),
        capacity=(10, 25),
        hours=(8, 9),
        duration=(180, 300),
        regions=("namwon-inwol", "namwon-sannae", "namwon-jucheon", "namwon-unbong"),
        weight=4,
    ),
    Theme(
        G,
        ("activity", "gathering", "environment"),
        ("요천 둑길 산책", "요천 저녁 산책", "요천 따라 걷고 줍기"),
        (
            "광한루원 앞에서 만나 요천 둑길을 한 시간쯤 걷습니다. 빠르게 걷지 않으니 처음 "
            "오시는 분도 부담 없이 오세요. 끝나면 근처에서 차 한 잔 합니다.",
        ),
        ("광한루원 정문 앞", "요천 생태공원 입구", "승사교 아래 쉼터"),
        ("yocheon-walk", "resident"),
        capacity=None,
        hours=(7, 19),
        duration=(60, 90),
        regions=("namwon-geum", "namwon-noam", "namwon-hyanggyo"),
        weight=3,
    ),
    Theme(
        C,
        ("crafts",),
        ("처음 배우는 뜨개", "대바늘로 목도리 뜨기", "코바늘 수세미 뜨기", "뜨개 인형 만들기"),
        (
            "실과 바늘은 준비해 두었습니다. 코 잡는 법부터 천천히 알려 드려요. 완성한 "
            "수세미 몇 개는 동네 경로당에 선물합니다.",
        ),
        ("{region} 작은도서관", "요천 책방 카페", "{region} 행정복지센터 다목적실"),
        ("chunhyang-knitting", "yocheon-bookcafe", "resident"),
        audience=("adults", "seniors"),
        capacity=(6, 14),
        fees=(0, 5000, 10000),
        weight=3,
    ),
    Theme(
        C,
        ("flowers", "lifestyle"),
        ("계절 꽃다발 만들기", "플라워 원데이 클래스", "테라리움 만들기", "반려식물 분갈이 교실"),
        (
            "제철 꽃으로 작은 꽃다발을 만들어 집에 가져갑니다. 재료비가 포함되어 있고, "
            "처음인 분도 어렵지 않아요.",
        ),
        ("춘화니 카페 2층", "{region} 꽃집 작업실", "노암동 공동체 정원"),
        ("chunani-cafe", "noam-garden", "resident"),
        audience=("adults",),
        capacity=(6, 12),
        fees=(15000, 20000, 25000),
        weight=3,
    ),
    Theme(
        C,
        ("youth", "education"),
        (
            "청년 창업 이야기 모임",
            "작은 가게 창업 실전 교실",
            "청년 작당모의: 남원에서 일하기",
            "청년 로컬 브랜딩 워크숍",
        ),
        (
            "남원에서 일을 만들고 싶은 청년들이 모입니다. 먼저 가게를 연 선배의 이야기를 "
            "듣고, 각자의 아이디어를 짧게 나눕니다. 사회적경제지원센터가 지원 제도를 안내합니다.",
        ),
        ("남원 청년작당소", "사회적경제지원센터 교육장", "동충동 청년 공유 공간"),
        ("namwon-youth-jakdang", "namwon-social-economy", "resident"),
        audience=("youth", "adults"),
        capacity=(12, 30),
        hours=(14, 19),
        regions=("namwon-dongchung", "namwon-jukhang", "namwon-dotong"),
        weight=4,
    ),
    Theme(
        G,
        ("care", "community"),
        (
            "이웃 돌봄 반찬 나눔",
            "어르신 안부 살피기 모임",
            "공동육아 품앗이 모임",
            "돌봄 이웃 만남의 날",
        ),
        (
            "혼자 사시는 어르신 댁에 반찬을 나누고 안부를 여쭙습니다. 처음 오시면 두 분이 "
            "한 조가 되어 함께 다닙니다.",
            "아이를 함께 돌보는 이웃이 모여 서로의 사정을 나누고, 다음 달 돌봄 순서를 정합니다.",
        ),
        ("{region} 경로당", "{region} 마을회관", "주천 공유부엌"),
        ("namwon-care-neighbours", "jucheon-kitchen", "resident"),
        audience=("adults", "seniors", "families"),
        capacity=(8, 20),
        hours=(10, 14),
        weight=3,
    ),
    Theme(
        C,
        ("cooking", "community"),
        (
            "제철 나물 반찬 교실",
            "마을 부엌 김장 나눔",
            "추어탕 끓이기 교실",
            "아이와 함께 떡 만들기",
        ),
        ("남원 제철 재료로 함께 요리하고 나눠 먹습니다. 앞치마와 가져갈 통을 챙겨 오세요.",),
        ("주천 공유부엌", "인월 공유부엌", "{region} 마을회관"),
        ("jucheon-kitchen", "inwol-shared-kitchen", "chunhyang-localfood"),
        audience=("adults", "families"),
        capacity=(8, 16),
        fees=(0, 5000, 10000),
        regions=("namwon-jucheon", "namwon-inwol", "namwon-wangjeong"),
        weight=3,
    ),
    Theme(
        G,
        ("kids", "education", "gathering"),
        ("그림책 함께 읽기", "아빠와 그림책 밤", "그림책 낭독회"),
        ("아이에게 읽어 줄 그림책을 어른이 먼저 소리 내어 읽고 이야기를 나눕니다.",),
        ("도통동 작은도서관", "{region} 작은도서관"),
        ("dotong-picturebooks", "resident"),
        audience=("adults", "families"),
        capacity=(8, 15),
        hours=(19, 20),
        regions=("namwon-dotong", "namwon-hyanggyo", "namwon-wangjeong"),
        weight=2,
    ),
    Theme(
        E,
        ("events", "community"),
        (
            "인월장 마을 장터",
            "요천 벼룩시장",
            "춘향골 로컬푸드 장터",
            "마을 축제 ‘우리 동네 잔치’",
        ),
        (
            "이웃이 만든 먹거리와 손수 만든 물건, 안 쓰는 물건을 나누는 장터입니다. "
            "판매 자리는 미리 신청해 주세요. 구경은 누구나 오셔도 됩니다.",
        ),
        ("인월장터", "요천 둔치 광장", "{region} 마을회관 앞마당"),
        ("chunhyang-localfood", "namwon-community-center", "resident"),
        capacity=None,
        hours=(10,),
        duration=(180, 300),
        weight=3,
    ),
    Theme(
        E,
        ("environment", "local-agenda"),
        ("섬진강 물길 정화 활동", "우리 동네 기후 행동 워크숍", "플라스틱 줄이기 캠페인"),
        (
            "강과 하천을 함께 돌보는 날입니다. 장갑과 집게는 준비해 두었고, 모은 쓰레기는 "
            "시 환경과가 수거합니다.",
        ),
        ("대강면 섬진강 둔치", "요천 생태공원", "{region} 행정복지센터"),
        ("seomjin-guardians", "namwon-environment-dept"),
        capacity=(20, 50),
        hours=(9, 14),
        regions=("namwon-daegang", "namwon-geum", "namwon-songdong"),
        weight=2,
    ),
    Theme(
        G,
        ("art", "activity"),
        ("바래봉 철쭉 출사", "운봉 들녘 사진 산책", "휴대전화 사진 잘 찍는 법"),
        ("휴대전화 카메라로도 충분합니다. 함께 걷고 찍은 사진은 연말 작은 사진전에 걸립니다.",),
        ("운봉읍 행정복지센터 앞", "바래봉 들머리 주차장"),
        ("barebong-photo", "resident"),
        capacity=(8, 20),
        hours=(7, 14),
        regions=("namwon-unbong", "namwon-ayeong"),
        weight=2,
    ),
    Theme(
        G,
        ("gathering",),
        ("보드게임 하는 저녁", "동네 보드게임 모임"),
        ("처음 보는 게임도 규칙부터 천천히 알려 드립니다. 간식은 나눠 가져와요.",),
        ("죽항동 보드게임 카페", "{region} 청소년문화의집"),
        ("namwon-boardgames", "resident"),
        audience=("youth", "adults"),
        capacity=(8, 16),
        hours=(19,),
        weight=2,
    ),
    Theme(
        C,
        ("crafts", "education"),
        ("지리산 목공 교실: 도마 만들기", "나무 숟가락 깎기", "작은 의자 만들기"),
        ("지리산 나무로 생활 도구를 만듭니다. 공구 쓰는 법부터 안전하게 배워요.",),
        ("지리산 목공 협동조합 공방",),
        ("jirisan-woodwork",),
        audience=("adults", "families"),
        capacity=(6, 10),
        fees=(20000, 30000),
        regions=("namwon-sannae",),
        weight=2,
    ),
    Theme(
        C,
        ("education", "community"),
        ("마을교육공동체 학부모 강좌", "마을학교 선생님 모임", "아이와 마을 탐험"),
        (
            "학교와 마을이 함께 아이를 키우는 방법을 이야기합니다. 교육지원청과 마을교육 "
            "협동조합이 함께 준비했습니다.",
        ),
        ("남원교육지원청 회의실", "{region} 작은도서관", "산내초등학교 강당"),
        ("namwon-education-office", "chunhyang-edu-community", "namwon-village-edu-coop"),
        audience=("adults", "families"),
        capacity=(15, 40),
        weight=2,
    ),
    Theme(
        P,
        ("music", "performance", "community"),
        ("향교동 주민 합창단 정기 공연", "작은 음악회: 우리 동네 노래", "청소년 밴드 공연"),
        ("이웃이 준비한 작은 공연입니다. 자리는 넉넉하니 편하게 오세요.",),
        ("춘향문화예술회관 소공연장", "{region} 행정복지센터 강당", "광한루원 완월정"),
        ("hyanggyo-choir", "namwon-youth-jakdang", "namwon-culture-city"),
        capacity=None,
        hours=(15, 19),
        duration=(60, 120),
        weight=2,
    ),
    # 제주시
    Theme(
        G,
        ("community", "local-agenda"),
        ("우리 동네 소통 테이블", "제주 마을 의제 원탁회의", "오름 아래 마을 이야기"),
        ("제주의 변화 속에서 이웃과 함께 풀 문제를 이야기합니다. 제주어로 말씀하셔도 괜찮습니다.",),
        ("{region} 주민센터 회의실", "제주 사회적 연결 지원센터 교육실"),
        ("jeju-sotong-center", "jeju-admin-dept", "jeju-youth-network"),
        capacity=(15, 40),
        hours=(14, 19),
        city="jeju",
        weight=4,
        meeting=True,
    ),
    Theme(
        C,
        ("crafts", "environment"),
        ("바다 쓰레기로 만드는 업사이클링", "감물 염색 교실", "제주 돌담 쌓기 체험"),
        ("제주의 재료로 손수 만듭니다. 재료는 준비되어 있어요.",),
        ("화북 메이킹 공방", "{region} 마을회관"),
        ("jeju-making-coop", "nohyeong-sunuleum", "resident"),
        capacity=(8, 16),
        fees=(0, 10000),
        city="jeju",
        weight=3,
    ),
    Theme(
        E,
        ("events", "community"),
        ("원도심 골목 장터", "노형동 순우리 마을 잔치", "탐라 문화 골목 걷기"),
        ("원도심 가게와 주민이 함께 여는 장터와 골목 걷기입니다.",),
        ("칠성로 상점가", "{region} 어린이공원"),
        ("jeju-old-town-shops", "nohyeong-sunuleum"),
        capacity=None,
        hours=(10, 14),
        duration=(180, 240),
        city="jeju",
        weight=3,
    ),
)

# Regular gatherings: (theme index by first title, occurrence title, weekday, hour, weeks apart)
SERIES: tuple[tuple[str, str, int, int, int], ...] = (
    ("요천 둑길 산책", "토요일 아침 요천 산책", 5, 7, 1),
    ("처음 배우는 뜨개", "수요 뜨개 모임", 2, 14, 1),
    ("그림책 함께 읽기", "격주 수요일 그림책 읽기", 2, 20, 2),
    ("향교동 주민 합창단 정기 공연", "목요일 저녁 합창 연습", 3, 19, 1),
    ("보드게임 하는 저녁", "금요 보드게임 모임", 4, 19, 1),
    ("판소리 배우기 첫걸음", "화요 판소리 교실", 1, 19, 1),
    ("이웃 돌봄 반찬 나눔", "월요일 반찬 나눔", 0, 10, 1),
    ("지리산 둘레길 함께 걷기", "격주 일요일 둘레길 걷기", 6, 9, 2),
)
SERIES_WEEKS_BACK = 10
SERIES_WEEKS_AHEAD = 10

REVIEWS = {
    5: (
        "정말 즐거운 시간이었어요. 다음에도 꼭 참여하고 싶습니다.",
        "준비해 주신 분들 덕분에 편하게 어울렸어요. 고맙습니다!",
        "아이가 집에 와서도 계속 이야기해요. 또 열어 주세요.",
        "처음 왔는데 다들 반겨 주셔서 금방 친해졌어요.",
        "동네에 이런 자리가 있다는 게 참 좋네요.",
    ),
    4: (
        "좋았어요. 시간이 조금 짧게 느껴졌습니다.",
        "내용이 알찼어요. 자리가 조금 좁았던 것만 빼면요.",
        "이웃을 새로 알게 되어 좋았습니다. 다음엔 친구와 올게요.",
        "설명이 친절했어요. 주차할 곳 안내가 있으면 더 좋겠어요.",
    ),
    3: (
        "무난했어요. 시작이 조금 늦어졌던 게 아쉬웠습니다.",
        "생각했던 것과는 조금 달랐지만 배울 점이 있었어요.",
    ),
    2: ("사람이 너무 많아 이야기를 나누기 어려웠어요.",),
}
HOST_REPLIES = (
    "와 주셔서 고맙습니다. 다음 모임에서 또 뵈어요!",
    "좋은 말씀 고맙습니다. 말씀하신 점은 다음에 꼭 반영할게요.",
    "함께해 주셔서 힘이 났어요. 또 오세요.",
)
CANCEL_REASONS = (
    "태풍 예보로 안전을 위해 취소합니다. 다음 달에 다시 열게요.",
    "장소 사정으로 부득이하게 취소합니다. 죄송합니다.",
)


@dataclass
class Planned:
    activity: Activity
    topics: list[int]
    theme: Theme
    rsvps: list[Rsvp] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


@dataclass
class Cast:
    """Who and where, read from the database once."""

    neighbourhoods: dict[str, list[Region]]  # city slug → its neighbourhoods
    regions: dict[str, Region]
    topics: dict[str, int]
    organizations: dict[str, Organization]
    hosts_of: dict[int, list[int]]  # organisation id → admin ids (members if no admin)
    residents: dict[str, list[int]]  # city slug → demo resident ids living there
    known_resident: int | None

    @property
    def regions_by_id(self) -> dict[int, Region]:
        return {region.pk: region for region in self.regions.values()}


def _demo_hosts() -> Q:
    return Q(host__email__endswith=f"@{DEMO_RESIDENT_DOMAIN}") | Q(
        host__email__in=[account.email for account in ACCOUNTS]
    )


def _cast() -> Cast | None:
    cities = {r.slug: r for r in Region.objects.filter(slug__in=["namwon", "jeju"])}
    if "namwon" not in cities:
        return None
    regions = {r.slug: r for r in Region.objects.filter(parent__in=cities.values())}
    neighbourhoods: dict[str, list[Region]] = {slug: [] for slug in cities}
    for region in sorted(regions.values(), key=lambda r: (r.order, r.slug)):
        neighbourhoods[next(s for s, c in cities.items() if c.pk == region.parent_id)].append(
            region
        )
    regions.update(cities)
    organizations = {o.slug: o for o in Organization.objects.filter(is_active=True)}
    hosts_of: dict[int, list[int]] = {}
    for organization_id, user_id, role in Membership.objects.order_by(
        "organization_id", "role", "joined_at", "pk"
    ).values_list("organization_id", "user_id", "role"):
        admins = hosts_of.setdefault(organization_id, [])
        if role == Membership.Role.ADMIN or not admins:
            admins.append(user_id)
    city_of = {r.pk: s for s, c in cities.items() for r in [c, *neighbourhoods[s]]}
    residents: dict[str, list[int]] = {slug: [] for slug in cities}
    for user_id, region_id in (
        User.objects.filter(email__endswith=f"@{DEMO_RESIDENT_DOMAIN}", is_active=True)
        .order_by("pk")
        .values_list("pk", "home_region_id")
    ):
        if region_id in city_of:
            residents[city_of[region_id]].append(user_id)
    known = User.objects.filter(email=KNOWN_RESIDENT).values_list("pk", flat=True).first()
    return Cast(
        neighbourhoods=neighbourhoods,
        regions=regions,
        topics=dict(Topic.objects.values_list("slug", "pk")),
        organizations=organizations,
        hosts_of=hosts_of,
        residents=residents,
        known_resident=known,
    )


def _point_in(region: Region, rng: random.Random) -> tuple[float, float]:
    """A point well inside the region's box (never on its edge)."""
    latitude = region.bound_south + (region.bound_north - region.bound_south) * rng.uniform(
        0.1, 0.9
    )
    longitude = region.bound_west + (region.bound_east - region.bound_west) * rng.uniform(0.1, 0.9)
    return round(latitude, 6), round(longitude, 6)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class Planner:
    def __init__(self, cast: Cast, seed: int, today: date) -> None:
        self.cast = cast
        self.rng = random.Random(seed * 31 + 7)
        self.today = today
        self.now = timezone.now()
        self.plans: list[Planned] = []
        self.series: list[tuple[ActivitySeries, list[Planned]]] = []

    # --- who hosts, where --------------------------------------------------------------

    def _host(self, theme: Theme) -> tuple[int, Organization | None] | None:
        rng, cast = self.rng, self.cast
        for _attempt in range(4):
            choice = rng.choice(theme.hosts)
            if choice == "resident":
                people = cast.residents.get(theme.city) or []
                if people:
                    return rng.choice(people), None
                continue
            organization = cast.organizations.get(choice)
            if organization and cast.hosts_of.get(organization.pk):
                return rng.choice(cast.hosts_of[organization.pk]), organization
        people = cast.residents.get(theme.city) or []
        return (rng.choice(people), None) if people else None

    def _region(self, theme: Theme, organization: Organization | None) -> Region:
        cast, rng = self.cast, self.rng
        choices = [cast.regions[s] for s in theme.regions if s in cast.regions]
        home = cast.regions_by_id.get(organization.region_id) if organization else None
        neighbourhood_group = not choices and home is not None and home.parent_id is not None
        if neighbourhood_group and rng.random() < 0.6:
            return home  # a neighbourhood group mostly meets at home
        return rng.choice(choices or cast.neighbourhoods[theme.city])

    # --- one activity ------------------------------------------------------------------

    def activity(
        self,
        theme: Theme,
        *,
        title: str | None = None,
        day: date,
        hour: int | None = None,
        host: tuple[int, Organization | None] | None = None,
        region: Region | None = None,
    ) -> Planned | None:
        rng = self.rng
        host = host or self._host(theme)
        if host is None:
            return None
        host_id, organization = host
        region = region or self._region(theme, organization)
        if hour is None:
            starts_at = _at(day, rng.choice(theme.hours), rng.choice((0, 0, 0, 30)))
        else:
            starts_at = _at(day, hour)
        ends_at = starts_at + timedelta(minutes=rng.randrange(*theme.duration, 30))
        latitude, longitude = _point_in(region, rng)
        place = rng.choice(theme.places).format(region=region.name)
        capacity = None if theme.capacity is None else rng.randint(*theme.capacity)
        fee = rng.choice(theme.fees)
        province = "제주특별자치도 제주시" if theme.city == "jeju" else "전북특별자치도 남원시"
        created = min(starts_at - timedelta(days=rng.randint(7, 40)), self.now)
        activity = Activity(
            kind=theme.kind,
            title=(title or rng.choice(theme.titles)).format(region=region.name)[:120],
            description="\n\n".join(
                [
                    rng.choice(theme.descriptions),
                    f"장소: {place}" + (f" · 참가비 {fee:,}원" if fee else " · 참가비 없음"),
                ]
            ),
            audience=encode_audience(theme.audience),
            region=region,
            place_name=place[:100],
            address=f"{province} {region.name} (데모 주소)",
            latitude=latitude,
            longitude=longitude,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            fee=fee,
            requires_signup=capacity is not None or rng.random() < 0.5,
            host_id=host_id,
            host_organization=organization,
            host_contact=JEJU_CONTACT if theme.city == "jeju" else rng.choice(CONTACTS),
            status=Activity.Status.PUBLISHED,
            published_at=created,
        )
        planned = Planned(
            activity=activity,
            topics=[self.cast.topics[s] for s in theme.topics if s in self.cast.topics],
            theme=theme,
        )
        self.plans.append(planned)
        return planned

    def one_offs(self, city: str, count: int) -> None:
        themes = [t for t in THEMES if t.city == city]
        weights = [t.weight for t in themes]
        for number in range(count):
            theme = self.rng.choices(themes, weights)[0]
            # a little more ahead than behind, and more in the coming fortnight
            if number % 5 == 0:
                offset = self.rng.randint(0, 14)
            else:
                offset = self.rng.randint(-DAYS_BACK, DAYS_AHEAD)
            self.activity(theme, day=self.today + timedelta(days=offset))

    def regular_gatherings(self) -> None:
        by_title = {t.titles[0]: t for t in THEMES}
        for first_title, title, weekday, hour, weeks in SERIES:
            theme = by_title[first_title]
            host = self._host(theme)
            if host is None:
                continue
            region = self._region(theme, host[1])
            start = self.today - timedelta(weeks=SERIES_WEEKS_BACK)
            start += timedelta(days=(weekday - start.weekday()) % 7)
            until = start + timedelta(weeks=SERIES_WEEKS_BACK + SERIES_WEEKS_AHEAD)
            series = ActivitySeries(
                frequency=ActivitySeries.Frequency.WEEKLY
                if weeks == 1
                else ActivitySeries.Frequency.BIWEEKLY,
                until=until,
                host_id=host[0],
            )
            skipped = start + timedelta(weeks=weeks * 3)  # one holiday without a meeting
            series.exception_dates = [skipped.isoformat()]
            occurrences = []
            day = start
            while day <= until:
                if day != skipped:
                    planned = self.activity(
                        theme, title=title, day=day, hour=hour, host=host, region=region
                    )
                    if planned is not None:
                        occurrences.append(planned)
                day += timedelta(weeks=weeks)
            # the same place every week
            for planned in occurrences[1:]:
                first = occurrences[0].activity
                planned.activity.place_name = first.place_name
                planned.activity.latitude = first.latitude
                planned.activity.longitude = first.longitude
                planned.activity.capacity = first.capacity
                planned.activity.fee = first.fee
            self.series.append((series, occurrences))

    # --- what happened ------------------------------------------------------------------

    def cancel_a_few(self) -> None:
        upcoming = [p for p in self.plans if p.activity.starts_at > self.now]
        for planned in self.rng.sample(upcoming, min(4, len(upcoming))):
            planned.activity.status = Activity.Status.CANCELLED
            planned.activity.cancel_reason = self.rng.choice(CANCEL_REASONS)
            planned.activity.cancelled_at = self.now

    def sign_ups(self) -> None:
        rng = self.rng
        for planned in self.plans:
            activity = planned.activity
            people = [
                p for p in self.cast.residents.get(planned.theme.city, []) if p != activity.host_id
            ]
            if not people or not activity.requires_signup:
                continue
            is_past = activity.ends_at < self.now
            capacity = activity.capacity
            roll = rng.random()
            if capacity is None:
                confirmed = rng.randint(4, 40)
                waiting = 0
            elif roll < 0.14:  # full, with a waiting list
                confirmed = capacity
                waiting = rng.randint(1, 6)
            elif is_past:
                confirmed = max(1, round(capacity * rng.uniform(0.4, 1.0)))
                waiting = 0
            else:
                # the further ahead, the fewer have signed up yet
                days_ahead = (activity.starts_at - self.now).days
                share = rng.uniform(0.1, 0.9) * (1.0 if days_ahead < 21 else 0.5)
                confirmed = min(capacity, round(capacity * share))
                waiting = 0
            chosen = rng.sample(people, min(len(people), confirmed + waiting))
            confirmed = min(confirmed, len(chosen))
            for user_id in chosen[:confirmed]:
                planned.rsvps.append(
                    Rsvp(
                        user_id=user_id,
                        status=Rsvp.Status.CONFIRMED,
                        checked_in_at=activity.starts_at
                        if is_past and rng.random() < 0.85
                        else None,
                    )
                )
            for position, user_id in enumerate(chosen[confirmed:], start=1):
                planned.rsvps.append(
                    Rsvp(user_id=user_id, status=Rsvp.Status.WAITING, position=position)
                )
            activity.confirmed_count = confirmed
            activity.waiting_count = len(chosen) - confirmed

    def known_resident_joins(self) -> None:
        """The README's resident has been to two past activities (and may review them) and
        waits for a seat on a full one."""
        person = self.cast.known_resident
        if person is None:
            return
        published = [
            p
            for p in self.plans
            if p.activity.status == Activity.Status.PUBLISHED
            and p.activity.host_id != person
            and p.activity.requires_signup
            and p.theme.city == "namwon"
            and all(r.user_id != person for r in p.rsvps)
        ]
        past = [p for p in published if p.activity.ends_at < self.now]
        for planned in past[-2:]:
            planned.rsvps.append(
                Rsvp(user_id=person, status=Rsvp.Status.CONFIRMED, checked_in_at=None)
            )
            planned.activity.confirmed_count += 1
            if planned.activity.capacity is not None:
                planned.activity.capacity = max(
                    planned.activity.capacity, planned.activity.confirmed_count
                )
        full = [
            p for p in published if p.activity.starts_at > self.now and p.activity.waiting_count > 0
        ]
        if full:
            planned = full[0]
            planned.activity.waiting_count += 1
            planned.rsvps.append(
                Rsvp(
                    user_id=person,
                    status=Rsvp.Status.WAITING,
                    position=planned.activity.waiting_count,
                )
            )

    def reviews(self) -> None:
        rng = self.rng
        person = self.cast.known_resident
        for planned in self.plans:
            activity = planned.activity
            if activity.ends_at >= self.now or activity.status != Activity.Status.PUBLISHED:
                continue
            for rsvp in planned.rsvps:
                if rsvp.status != Rsvp.Status.CONFIRMED or rsvp.user_id == person:
                    continue
                if rng.random() > 0.35:
                    continue
                rating = rng.choices((5, 4, 3, 2), (55, 30, 12, 3))[0]
                replied = rng.random() < 0.3
                planned.reviews.append(
                    Review(
                        author_id=rsvp.user_id,
                        rating=rating,
                        text=rng.choice(REVIEWS[rating]),
                        host_reply=rng.choice(HOST_REPLIES) if replied else "",
                        replied_at=activity.ends_at + timedelta(days=1) if replied else None,
                    )
                )

    def drafts(self) -> None:
        """Two drafts of the README's resident, which only they see."""
        person = self.cast.known_resident
        if person is None:
            return
        theme = next(t for t in THEMES if t.titles[0] == "요천 둑길 산책")
        for offset, title in (
            (20, "요천 달빛 산책 (준비 중)"),
            (34, "동네 뜨개 나눔 장터 (준비 중)"),
        ):
            planned = self.activity(
                theme, title=title, day=self.today + timedelta(days=offset), host=(person, None)
            )
            if planned is not None:
                planned.activity.status = Activity.Status.DRAFT
                planned.activity.published_at = None


def _batches(items: Sequence, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def seed(context) -> None:
    """Adds the demo activities once; a later run finds them and adds nothing."""
    progress = context.progress
    existing = Activity.objects.filter(_demo_hosts()).count()
    if existing:
        with progress.stage("activities", existing) as stage:
            stage.advance(existing)
        return
    cast = _cast()
    if cast is None:
        return
    planner = Planner(cast, context.seed, timezone.localdate())
    planner.regular_gatherings()
    planner.one_offs("namwon", NAMWON_ONE_OFFS)
    if cast.neighbourhoods.get("jeju"):
        planner.one_offs("jeju", JEJU_ONE_OFFS)
    planner.cancel_a_few()
    planner.sign_ups()
    planner.known_resident_joins()
    planner.reviews()
    planner.drafts()

    series_of: dict[int, ActivitySeries] = {}
    ActivitySeries.objects.bulk_create([series for series, _ in planner.series])
    for series, occurrences in planner.series:
        for planned in occurrences:
            series_of[id(planned)] = series
    plans = planner.plans
    with progress.stage("activities", len(plans)) as stage:
        for batch in _batches(plans):
            for planned in batch:
                series = series_of.get(id(planned))
                planned.activity.series_id = series.pk if series else None
            Activity.objects.bulk_create([p.activity for p in batch])
            Activity.topics.through.objects.bulk_create(
                Activity.topics.through(activity_id=p.activity.pk, topic_id=topic_id)
                for p in batch
                for topic_id in p.topics
            )
            stage.advance(len(batch), created=len(batch))

    for planned in plans:
        for row in (*planned.rsvps, *planned.reviews):
            row.activity_id = planned.activity.pk
    rsvps = [rsvp for planned in plans for rsvp in planned.rsvps]
    with progress.stage("sign-ups", len(rsvps)) as stage:
        for batch in _batches(rsvps, 1000):
            Rsvp.objects.bulk_create(batch)
            stage.advance(len(batch), created=len(batch))

    reviews = [review for planned in plans for review in planned.reviews]
    with progress.stage("reviews", len(reviews)) as stage:
        for batch in _batches(reviews, 1000):
            Review.objects.bulk_create(batch)
            stage.advance(len(batch), created=len(batch))
