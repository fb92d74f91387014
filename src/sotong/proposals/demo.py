# ruff: noqa: E501  (the demo's Korean sentences read better unbroken)
"""The demo city's proposals: 남원시 residents' proposals in every status, with supports,
threaded comments, public timelines, two roundtables with minutes and departments' answers.

Rows are written directly (not through the services) so that the timelines can lie in the
past, as they would in a city that has used Sotong for half a year; the counters are set from
the rows written. Once any demo proposal exists, a run adds nothing.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from sotong.accounts.models import User
from sotong.activities.models import Activity, Rsvp
from sotong.core.models import Region, Topic
from sotong.demo.people import RESIDENT_EMAIL
from sotong.organizations.models import Membership, Organization
from sotong.proposals.models import (
    Answer,
    Comment,
    ProgressUpdate,
    Proposal,
    RegionPolicy,
    Roundtable,
    RoundtableItem,
    Status,
    Step,
    Support,
    ThresholdLevel,
)

DEMO_RESIDENT_DOMAIN = RESIDENT_EMAIL.split("@", 1)[1]
LEVELS = ((30, "부서 답변"), (100, "원탁회의 공개 토론"), (200, "시장 답변"))
ANSWER_DAYS = 30


@dataclass(frozen=True)
class Idea:
    title: str
    problem: str
    idea: str
    effect: str
    topics: tuple[str, ...]
    department: str
    answer: str  # the department's reasons (or why not)


IDEAS: tuple[Idea, ...] = (
    Idea(
        "동네 놀이터에 그늘막과 음수대를 설치해 주세요",
        "여름 한낮이면 미끄럼틀과 바닥이 뜨거워 아이들이 놀이터에서 10분도 놀지 못합니다. 물 마실 곳도 없어 집으로 돌아가야 합니다.",
        "향교동과 도통동 놀이터부터 그늘막과 음수대를 설치하고, 나무를 함께 심어 주세요.",
        "한여름에도 아이들이 밖에서 놀 수 있고, 보호자들이 쉴 곳이 생깁니다.",
        ("play", "kids"),
        "namwon-children-dept",
        "올해 추경 예산으로 두 곳에 그늘막을 먼저 설치하고, 음수대는 상수도 공사와 함께 내년에 설치하겠습니다.",
    ),
    Idea(
        "농촌형 놀이터를 만들어 주세요: 흙과 물로 노는 공간",
        "면 지역 놀이터는 도시와 똑같은 조합 놀이대뿐이라 아이들이 금방 싫증을 냅니다. 농촌 아이들에게 맞는 놀이 환경이 필요합니다.",
        "폐교 운동장이나 마을 공터에 흙놀이, 물놀이, 나무 오르기가 가능한 자연 놀이터를 주민과 함께 설계해 주세요.",
        "아이들이 마을에 머물고, 도시 아이들도 찾아오는 놀이 명소가 됩니다.",
        ("play", "kids", "rural-life"),
        "namwon-children-dept",
        "원탁회의에서 나온 설계 원칙을 받아들여 운봉읍 한 곳에서 시범 사업을 하겠습니다.",
    ),
    Idea(
        "놀이터를 누가 관리하는지 알려 주는 안내판",
        "그네가 고장 나도 어디에 알려야 할지 몰라 몇 달씩 방치됩니다. 관리 부서가 놀이터마다 다릅니다.",
        "놀이터마다 관리 부서, 연락처, 고장 신고 QR 코드를 적은 안내판을 달아 주세요.",
        "고장이 빨리 고쳐지고 아이들이 안전해집니다.",
        ("play", "kids"),
        "namwon-admin-dept",
        "시내 놀이터 38곳 전체에 안내판을 설치했고 신고는 한 창구로 모았습니다.",
    ),
    Idea(
        "아이들이 직접 참여하는 놀이터 설계 워크숍",
        "놀이터를 새로 지을 때 정작 아이들의 의견은 묻지 않습니다.",
        "놀이터 신설·개선 사업마다 아이들과 보호자가 참여하는 설계 워크숍을 한 번 이상 열도록 해 주세요.",
        "실제로 쓰이는 놀이터가 만들어지고 예산 낭비가 줄어듭니다.",
        ("play", "kids", "community"),
        "namwon-children-dept",
        "내년부터 놀이터 사업 지침에 주민·아동 참여 워크숍을 넣겠습니다.",
    ),
    Idea(
        "시내버스 막차 시간을 한 시간 늦춰 주세요",
        "시내 막차가 저녁 8시 전후라 야간 근무나 학원을 마친 학생들이 집에 갈 방법이 없습니다.",
        "주요 노선 세 개만이라도 막차를 밤 9시 30분까지 늦춰 주세요.",
        "택시비 부담이 줄고 청소년과 야간 근무자의 안전이 좋아집니다.",
        ("community", "youth"),
        "namwon-traffic-dept",
        "수요 조사 결과 두 노선의 막차를 밤 9시 20분으로 늦추기로 했습니다. 나머지 노선은 이용자가 적어 어렵습니다.",
    ),
    Idea(
        "면 지역 수요응답형 버스(부르면 오는 버스) 도입",
        "하루 세 번 다니는 버스로는 병원에 가기도 어렵습니다. 어르신들이 읍내에 나가는 날을 맞추느라 애를 씁니다.",
        "전화나 앱으로 부르면 오는 수요응답형 버스를 산동면, 이백면부터 시범 운행해 주세요.",
        "어르신들의 병원·장보기 이동이 쉬워지고 빈 버스 운행이 줄어듭니다.",
        ("care", "rural-life"),
        "namwon-traffic-dept",
        "국비 공모에 선정되어 내년 3월부터 두 개 면에서 시범 운행합니다.",
    ),
    Idea(
        "버스 정류장에 도착 알림 전광판과 의자를",
        "시골 정류장에는 의자도 지붕도 없어 어르신들이 길가에 서서 기다립니다.",
        "이용자가 많은 정류장 20곳에 의자와 지붕, 도착 알림 전광판을 설치해 주세요.",
        "기다리는 시간이 덜 힘들고 버스 이용이 늘어납니다.",
        ("care",),
        "namwon-traffic-dept",
        "정류장 12곳에 쉼터형 승강장을 설치하고 있습니다.",
    ),
    Idea(
        "학교 앞 통학버스 승하차 구역 지정",
        "아침마다 학교 앞 도로에 학부모 차와 통학버스가 뒤엉켜 아이들이 위험합니다.",
        "학교 앞에 승하차 전용 구역을 만들고 시간대별로 주정차를 관리해 주세요.",
        "등굣길 사고 위험이 줄어듭니다.",
        ("kids",),
        "namwon-traffic-dept",
        "세 개 학교 앞에 승하차 구역을 지정했습니다.",
    ),
    Idea(
        "전통시장 주변 공영주차장 안내 개선",
        "시장 근처에 빈 공영주차장이 있는데도 몰라서 골목에 차를 세워 주민들이 불편을 겪습니다.",
        "시장 입구와 주요 교차로에 실시간 빈자리 안내판을 달고 지도 앱에 주차장 정보를 올려 주세요.",
        "골목 불법 주차가 줄고 시장을 찾는 사람이 늘어납니다.",
        ("community", "events"),
        "namwon-traffic-dept",
        "빈자리 안내판 두 곳을 설치했고 지도 서비스에도 정보를 등록했습니다.",
    ),
    Idea(
        "주택가 야간 주차를 학교·관공서 주차장과 나눠 쓰기",
        "저녁이면 주택가 골목이 주차 차량으로 막혀 소방차가 들어갈 수 없습니다.",
        "밤 시간에 비어 있는 학교와 관공서 주차장을 주민에게 개방해 주세요.",
        "골목이 넓어지고 화재 때 소방차가 들어갈 수 있습니다.",
        ("community",),
        "namwon-admin-dept",
        "관공서 주차장 세 곳은 개방하겠지만, 학교 주차장은 학교의 반대로 어렵습니다.",
    ),
    Idea(
        "광한루원 주변 관광버스 주차 문제 해결",
        "주말마다 관광버스가 도로에 서 있어 주민 차량이 지나가기 어렵습니다.",
        "외곽 주차장에 관광버스를 세우고 셔틀을 운행해 주세요.",
        "주말 교통 체증이 줄어듭니다.",
        ("culture", "events"),
        "namwon-culture-dept",
        "관광버스 전용 주차장을 지정하고 주말 셔틀을 시범 운행하겠습니다.",
    ),
    Idea(
        "동네 책방을 살리는 지역 서점 인증제",
        "남원에 남은 동네 책방이 세 곳뿐입니다. 공공기관 도서 구입도 대형 온라인 서점으로 갑니다.",
        "지역 서점 인증제를 만들고 도서관과 학교의 책 구입을 지역 서점에서 하도록 해 주세요.",
        "지역 서점이 살아남고 책 문화 공간이 유지됩니다.",
        ("culture", "education"),
        "namwon-culture-dept",
        "내년부터 공공도서관 도서 구입의 절반 이상을 인증 지역 서점에서 하겠습니다.",
    ),
    Idea(
        "지역 서점에서 여는 작가와의 만남 지원",
        "작은 책방들이 작가 초청 행사를 열고 싶어도 비용 때문에 엄두를 내지 못합니다.",
        "지역 서점의 작가 초청·독서 모임에 강사비를 지원해 주세요.",
        "주민들이 책을 매개로 만나고 책방이 마을 사랑방이 됩니다.",
        ("culture", "education", "gathering"),
        "namwon-culture-dept",
        "도서관 프로그램 예산으로 지역 서점 행사 10회를 지원합니다.",
    ),
    Idea(
        "폐교를 청년 창업 공간과 공유 작업실로",
        "청년들이 창업을 하려 해도 임대료가 부담되어 결국 전주나 광주로 떠납니다.",
        "비어 있는 폐교를 고쳐 청년 창업 공간과 공유 작업실로 써 주세요.",
        "청년들이 남원에 머물며 일할 수 있습니다.",
        ("youth",),
        "namwon-admin-dept",
        "교육청과 협의한 결과 대상 폐교가 매각 예정이라 지금은 어렵습니다. 다른 공간을 찾겠습니다.",
    ),
    Idea(
        "청년 일자리 정보를 한곳에 모아 주세요",
        "청년 일자리 정보가 시청, 고용센터, 여러 단체 누리집에 흩어져 있어 찾기 어렵습니다.",
        "남원 청년 일자리와 지원 사업을 한 페이지와 한 카카오톡 채널로 모아 알려 주세요.",
        "청년들이 지원 사업을 놓치지 않습니다.",
        ("youth",),
        "namwon-admin-dept",
        "청년 정책 안내 페이지를 만들고 매주 새 소식을 모아 올리고 있습니다.",
    ),
    Idea(
        "청년 농부 첫 3년 주거 지원",
        "농사를 지으러 온 청년들이 살 집을 구하지 못해 돌아갑니다. 빈집은 많은데 빌릴 수가 없습니다.",
        "빈집을 고쳐 청년 농부에게 3년간 싸게 빌려주는 사업을 해 주세요.",
        "귀농 청년이 정착하고 빈집이 줄어듭니다.",
        ("youth", "rural-life"),
        "namwon-agri-center",
        "빈집 리모델링 다섯 채를 올해 시작했습니다.",
    ),
    Idea(
        "귀농·귀촌 선배와 연결해 주는 멘토 제도",
        "처음 내려온 사람들은 마을 관습이나 농사 정보를 물어볼 사람이 없어 외롭습니다.",
        "먼저 정착한 주민을 멘토로 위촉해 새로 온 가구와 연결해 주세요.",
        "정착 실패가 줄고 마을 공동체에 빨리 녹아듭니다.",
        ("rural-life", "community"),
        "namwon-agri-center",
        "귀농귀촌 멘토 20명을 위촉해 연결하고 있습니다.",
    ),
    Idea(
        "귀농인 농기계 공동 임대 확대",
        "작은 규모로 시작하는 귀농인은 농기계를 살 수 없고, 임대 사업소는 멀고 예약이 어렵습니다.",
        "면 단위로 작은 농기계 임대소를 두고 온라인 예약을 받아 주세요.",
        "초기 농사 비용이 줄어듭니다.",
        ("rural-life",),
        "namwon-agri-center",
        "임대 사업소 분소를 한 곳 더 열고 온라인 예약을 시작했습니다.",
    ),
    Idea(
        "귀촌 가구를 위한 마을 환영 모임 지원",
        "귀촌한 지 2년이 지났는데 이웃 이름도 모릅니다.",
        "마을마다 새로 온 가구를 환영하는 식사 모임을 열 수 있게 작은 예산을 지원해 주세요.",
        "이웃 관계가 생기고 갈등이 줄어듭니다.",
        ("rural-life", "community"),
        "namwon-admin-dept",
        "마을공동체 지원 사업에 환영 모임 항목을 넣었습니다.",
    ),
    Idea(
        "맞벌이 가정을 위한 초등 방과후 돌봄 시간 연장",
        "초등 돌봄교실이 오후 5시에 끝나 맞벌이 부모는 퇴근 전까지 아이를 맡길 곳이 없습니다.",
        "마을 돌봄센터를 저녁 7시까지 운영해 주세요.",
        "부모가 일을 그만두지 않아도 됩니다.",
        ("care", "kids"),
        "namwon-children-dept",
        "다함께돌봄센터 두 곳을 저녁 7시까지 연장 운영합니다.",
    ),
    Idea(
        "홀로 사시는 어르신 안부 확인 이웃 모임",
        "혼자 사시는 어르신이 며칠씩 아무와도 말하지 않고 지내는 경우가 많습니다.",
        "이웃 주민이 짝을 지어 일주일에 두 번 안부를 묻는 모임을 만들고 활동비를 지원해 주세요.",
        "고독사를 예방하고 이웃 관계가 살아납니다.",
        ("care", "community"),
        "namwon-admin-dept",
        "읍·면·동 행정복지센터와 함께 안부 모임 8곳을 꾸렸습니다.",
    ),
    Idea(
        "공동육아 나눔터를 면 지역에도",
        "나눔터가 시내에만 있어 면 지역 부모는 이용할 수 없습니다.",
        "면사무소 빈 공간에 작은 공동육아 나눔터를 열어 주세요.",
        "농촌 부모들의 육아 부담과 고립감이 줄어듭니다.",
        ("care", "kids", "rural-life"),
        "namwon-children-dept",
        "면 지역 이용자가 적어 상설 운영은 어렵고, 한 달에 두 번 찾아가는 나눔터를 운영하겠습니다.",
    ),
    Idea(
        "돌봄 노동자 쉼터 마련",
        "요양보호사들이 어르신 댁 사이를 오가며 쉴 곳이 없어 차 안에서 밥을 먹습니다.",
        "읍내에 돌봄 노동자 쉼터를 마련해 주세요.",
        "돌봄 일자리의 질이 좋아지고 이직이 줄어듭니다.",
        ("care",),
        "namwon-admin-dept",
        "복지관 1층에 쉼터를 마련했습니다.",
    ),
    Idea(
        "요천 둑길에 가로등과 비상벨 설치",
        "저녁 운동을 하는 주민이 많은데 둑길이 어두워 무섭습니다.",
        "요천 둑길 2km 구간에 가로등과 비상벨을 설치해 주세요.",
        "밤에도 안심하고 걸을 수 있습니다.",
        ("activity", "community"),
        "namwon-environment-dept",
        "하천 구역 안 시설물 설치 허가가 필요해 협의 중입니다.",
    ),
    Idea(
        "일회용 컵 없는 축제 만들기",
        "춘향제가 끝나면 일회용 컵이 산더미처럼 쌓입니다.",
        "축제에서 다회용 컵을 빌려주고 반납하면 보증금을 돌려주는 제도를 도입해 주세요.",
        "쓰레기가 줄고 축제의 이미지가 좋아집니다.",
        ("environment", "events"),
        "namwon-environment-dept",
        "올해 춘향제부터 다회용 컵 보증금제를 도입합니다.",
    ),
    Idea(
        "마을 공유 텃밭 조성",
        "아파트에 사는 주민들은 흙을 만질 곳이 없습니다.",
        "유휴 시유지에 주민 공유 텃밭을 만들어 주세요.",
        "이웃이 만나고 아이들이 먹거리를 배웁니다.",
        ("environment", "community"),
        "namwon-agri-center",
        "도시농업 텃밭 60구획을 조성했습니다.",
    ),
    Idea(
        "온라인 제안을 하면 담당 부서가 꼭 답해 주세요",
        "시에 제안을 해도 누가 읽었는지, 반영되었는지 알 수 없습니다.",
        "제안마다 전담부서를 정하고 30일 안에 공개적으로 답하게 해 주세요.",
        "시민이 제안에 믿음을 갖고 더 많이 참여합니다.",
        ("local-agenda",),
        "namwon-admin-dept",
        "소통 플랫폼에 제안 공개 답변 제도를 도입했습니다.",
    ),
    Idea(
        "공청회 일정을 문자로 알려 주세요",
        "공원 이름을 바꾸는 공청회가 열렸다는 것을 이름이 바뀐 뒤에야 알았습니다.",
        "공청회와 주민설명회 일정을 관심 주민에게 문자와 알림으로 보내 주세요.",
        "결정되기 전에 의견을 낼 수 있습니다.",
        ("local-agenda",),
        "namwon-admin-dept",
        "공지·공청회를 플랫폼에 올리고 관심 주민에게 알림을 보내도록 했습니다.",
    ),
    Idea(
        "주민자치회 회의록 공개",
        "주민자치회에서 무엇을 정했는지 주민들이 알 수 없습니다.",
        "주민자치회 회의록을 누구나 볼 수 있게 올려 주세요.",
        "주민 참여가 늘고 신뢰가 쌓입니다.",
        ("local-agenda", "community"),
        "namwon-admin-dept",
        "읍·면·동 주민자치회 회의록을 아카이브에 올리고 있습니다.",
    ),
    Idea(
        "청소년이 운영하는 주말 문화 공간",
        "주말에 청소년이 갈 곳이 PC방밖에 없습니다.",
        "청소년이 직접 운영하는 주말 문화 공간을 문화원에 마련해 주세요.",
        "청소년이 지역에 애착을 갖고 스스로 프로그램을 만듭니다.",
        ("youth", "culture"),
        "namwon-culture-dept",
        "문화원 2층을 주말 청소년 공간으로 열었습니다.",
    ),
    Idea(
        "작은 도서관 저녁 개방",
        "시험 기간에 공부할 곳이 없어 학생들이 카페를 전전합니다.",
        "작은 도서관을 평일 밤 10시까지 열어 주세요.",
        "학생과 직장인이 저녁에 공부할 공간이 생깁니다.",
        ("education", "youth"),
        "namwon-culture-dept",
        "인력 문제로 두 곳만 밤 9시까지 연장합니다.",
    ),
    Idea(
        "마을 어르신 디지털 배움터",
        "키오스크와 모바일 예약 때문에 어르신들이 병원 예약도 못 하십니다.",
        "경로당으로 찾아가는 스마트폰 배움터를 열어 주세요.",
        "어르신들이 혼자서도 예약과 민원을 처리합니다.",
        ("care", "education"),
        "namwon-admin-dept",
        "경로당 15곳에 찾아가는 디지털 배움터를 운영합니다.",
    ),
    Idea(
        "자전거 도로 끊긴 구간 연결",
        "시내 자전거 도로가 곳곳에서 끊겨 차도로 내려가야 합니다.",
        "요천 자전거길과 시내 자전거 도로의 끊긴 세 구간을 이어 주세요.",
        "자전거 출퇴근이 안전해집니다.",
        ("activity", "environment"),
        "namwon-traffic-dept",
        "두 구간은 내년 도로 정비와 함께 잇겠습니다.",
    ),
    Idea(
        "반려견 놀이터 조성",
        "반려견과 산책할 곳이 없어 공원에서 갈등이 생깁니다.",
        "외곽 공원 한쪽에 울타리를 친 반려견 놀이터를 만들어 주세요.",
        "공원 이용 갈등이 줄어듭니다.",
        ("community",),
        "namwon-environment-dept",
        "주변 주민 반대가 커서 지금 부지에는 만들 수 없습니다. 다른 부지를 찾겠습니다.",
    ),
    Idea(
        "마을 축제에 장애인 이동 지원",
        "휠체어를 타는 주민은 축제장 잔디밭과 임시 무대에 갈 수 없습니다.",
        "축제마다 이동 경로 매트와 휠체어 좌석을 마련해 주세요.",
        "누구나 축제를 즐깁니다.",
        ("events", "care"),
        "namwon-culture-dept",
        "올해 축제부터 이동 약자 동선 계획을 세웁니다.",
    ),
    Idea(
        "주민이 함께 쓰는 공구 도서관",
        "한 번 쓸 공구를 사려니 아깝고 빌릴 곳이 없습니다.",
        "행정복지센터에 공구 도서관을 만들어 주세요.",
        "자원을 나누고 이웃이 만납니다.",
        ("community", "environment"),
        "namwon-admin-dept",
        "도통동 행정복지센터에 공구 도서관을 열었습니다.",
    ),
    Idea(
        "골목 담장 벽화 대신 마을 화단",
        "벽화가 낡아 오히려 지저분해 보입니다.",
        "낡은 벽화 골목을 주민이 가꾸는 화단 골목으로 바꿔 주세요.",
        "골목이 밝아지고 주민이 함께 가꿉니다.",
        ("flowers", "community"),
        "namwon-environment-dept",
        "시범 골목 한 곳을 주민과 함께 바꾸겠습니다.",
    ),
    Idea(
        "어린이 보호구역 과속 단속 카메라",
        "초등학교 앞 도로에서 차들이 여전히 빨리 달립니다.",
        "어린이 보호구역에 과속 단속 카메라를 설치해 주세요.",
        "아이들이 안전하게 등하교합니다.",
        ("kids",),
        "namwon-traffic-dept",
        "경찰과 협의해 두 곳에 설치합니다.",
    ),
    Idea(
        "청년 모임 공간 무료 대관",
        "청년 모임을 하려 해도 모일 곳이 카페뿐입니다.",
        "공공 회의실을 저녁과 주말에 청년 모임에 무료로 빌려주세요.",
        "청년 모임이 늘고 지역 활동으로 이어집니다.",
        ("youth", "gathering"),
        "namwon-admin-dept",
        "청년센터 회의실을 무료로 빌려드립니다.",
    ),
    Idea(
        "농산물 직거래 장터 정례화",
        "작은 농가는 판로가 없어 애써 키운 농산물을 헐값에 넘깁니다.",
        "매달 둘째 토요일에 농산물 직거래 장터를 열어 주세요.",
        "농가 소득이 늘고 시민은 신선한 먹거리를 삽니다.",
        ("rural-life", "events"),
        "namwon-agri-center",
        "매달 직거래 장터를 열고 있습니다.",
    ),
    Idea(
        "지리산 둘레길 안내 표지 정비",
        "둘레길 표지가 낡고 끊겨 길을 잃는 사람이 많습니다.",
        "운봉~산내 구간 표지를 새로 달아 주세요.",
        "안전하게 걷고 방문객이 늘어납니다.",
        ("activity", "culture"),
        "namwon-culture-dept",
        "표지 40개를 교체했습니다.",
    ),
    Idea(
        "아파트 단지 사이 보행로 연결",
        "단지 사이가 담으로 막혀 학교까지 한참 돌아가야 합니다.",
        "단지 사이 담장에 보행 통로를 내 주세요.",
        "아이들의 통학 거리가 짧아집니다.",
        ("kids", "community"),
        "namwon-admin-dept",
        "사유지라 시가 직접 할 수 없습니다. 관리사무소와의 협의를 돕겠습니다.",
    ),
    Idea(
        "경로당을 세대가 함께 쓰는 마을 거실로",
        "경로당은 낮에 어르신들만 쓰고 저녁에는 비어 있습니다.",
        "저녁에는 경로당을 주민 모임 공간으로 함께 쓰게 해 주세요.",
        "세대가 만나고 공간이 잘 쓰입니다.",
        ("community", "care"),
        "namwon-admin-dept",
        "경로당 협의회와 의논해 세 곳에서 시범 운영합니다.",
    ),
)

# How many proposals of each status (44 in all); withdrawn ones keep a reason.
PLAN = (
    (Status.SUBMITTED, 8),
    (Status.UNDER_REVIEW, 7),
    (Status.ROUNDTABLE, 5),
    (Status.ANSWERED, 6),
    (Status.IN_PROGRESS, 6),
    (Status.DONE, 5),
    (Status.NOT_ACCEPTED, 5),
    (Status.WITHDRAWN, 2),
)
COMMENTS = (
    "저희 동네도 꼭 필요합니다.",
    "좋은 제안이에요. 공감 눌렀습니다!",
    "작년에도 같은 이야기가 나왔는데 이번에는 꼭 반영되면 좋겠어요.",
    "예산이 문제라면 주민들이 힘을 보탤 수 있을 것 같아요.",
    "다른 지역 사례를 찾아보니 순천시에서 비슷한 사업을 했더라고요.",
    "아이 키우는 입장에서 정말 절실합니다.",
    "원탁회의 때 이 이야기도 같이 나눠 보면 좋겠습니다.",
    "관리 주체가 누구인지부터 분명히 해야 할 것 같아요.",
)
REPLIES = (
    "맞아요, 저도 같은 생각이에요.",
    "사례 링크 공유해 주시면 제안에 근거로 넣을게요.",
    "원탁회의에 같이 가요!",
)
PROGRESS = (
    "예산을 확보하고 설계를 시작했습니다.",
    "현장 조사를 마치고 업체를 선정했습니다.",
    "공사를 시작했습니다. 다음 달 마칠 예정입니다.",
)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def seed(context) -> None:
    namwon = Region.objects.filter(slug="namwon").first()
    if namwon is None or Proposal.objects.filter(region__in=namwon.family_ids()).exists():
        return
    rng = random.Random(context.seed + 5)
    now = timezone.now()
    residents = list(
        User.objects.filter(email__endswith="@" + DEMO_RESIDENT_DOMAIN).order_by("pk")[:220]
    )
    known = _user("resident@sotong.local")
    official = _user("official@sotong.local")
    facilitator = _user("facilitator@sotong.local")
    region_admin = _user("regionadmin@sotong.local")
    if not residents or official is None:
        return
    neighbourhoods = list(Region.objects.filter(parent=namwon).order_by("order", "name"))
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    departments = {o.slug: o for o in Organization.objects.filter(kind="government")}
    members: dict[int, list[User]] = {}
    for membership in Membership.objects.filter(organization__in=departments.values()):
        members.setdefault(membership.organization_id, []).append(membership.user)

    policy, _created = RegionPolicy.objects.get_or_create(
        region=namwon, defaults={"answer_days": ANSWER_DAYS}
    )
    if not policy.levels.exists():
        ThresholdLevel.objects.bulk_create(
            [ThresholdLevel(policy=policy, supports=n, label=label) for n, label in LEVELS]
        )
    statuses = [status for status, count in PLAN for _ in range(count)]
    roundtable_items: list[tuple[Proposal, int]] = []
    for index, (idea, status) in enumerate(zip(IDEAS, statuses, strict=False)):
        author = known if index in (0, 14) and known else residents[index * 5 % len(residents)]
        region = neighbourhoods[index % len(neighbourhoods)] if neighbourhoods else namwon
        created = now - timedelta(days=rng.randint(40, 200), hours=rng.randint(0, 12))
        department = departments.get(idea.department)
        handler = (members.get(department.pk) or [official])[0] if department else official
        reaches = status not in (Status.SUBMITTED, Status.WITHDRAWN) or index % 4 == 0
        supports = rng.randint(31, 150) if reaches else rng.randint(2, 27)
        if index in (0, 1):
            supports = rng.randint(201, 215)  # past every level
        proposal = Proposal.objects.create(
            region=region,
            title=idea.title,
            problem=idea.problem,
            idea=idea.idea,
            expected_effect=idea.effect,
            author=author,
            status=status,
            created_at=created,
        )
        proposal.topics.set([topics[s] for s in idea.topics if s in topics])
        if index % 3 == 0:
            proposal.place_name = f"{region.name} 일대"
            proposal.latitude = region.latitude + rng.uniform(-0.004, 0.004)
            proposal.longitude = region.longitude + rng.uniform(-0.004, 0.004)

        supporters = [r for r in rng.sample(residents, min(supports, len(residents)))]
        supporters = [s for s in supporters if s.pk != author.pk]
        if index == 3 and known and known.pk != author.pk and known not in supporters:
            supporters.append(known)
        Support.objects.bulk_create(
            [
                Support(
                    proposal=proposal,
                    user=person,
                    created_at=created + timedelta(hours=2 + i * 3),
                )
                for i, person in enumerate(supporters)
            ]
        )
        steps = [
            Step(proposal=proposal, to_status=Status.SUBMITTED, actor=author, created_at=created)
        ]
        moment = created
        reached_at = due = answered_at = None
        top_level = 0
        for level, label in LEVELS:
            if len(supporters) >= level:
                moment = created + timedelta(days=rng.randint(3, 9) if not reached_at else 4)
                reached_at = reached_at or moment
                top_level = level
                steps.append(
                    Step(
                        proposal=proposal,
                        kind=Step.Kind.THRESHOLD,
                        from_status=Status.SUBMITTED,
                        to_status=Status.SUBMITTED,
                        level=level,
                        reason=label,
                        created_at=moment,
                    )
                )
        if reached_at:
            due = reached_at + timedelta(days=ANSWER_DAYS)
        path = _path(status)
        previous = Status.SUBMITTED
        for target in path:
            moment = moment + timedelta(days=rng.randint(2, 12))
            if target in (Status.ANSWERED, Status.NOT_ACCEPTED):
                # Most answers come in time; one in four late.
                late = index % 4 == 1
                days = rng.randint(33, 50) if late else rng.randint(8, 27)
                moment = max(moment, (reached_at or created) + timedelta(days=days))
                answered_at = moment
            reason = {
                Status.UNDER_REVIEW: "전담부서를 지정해 검토를 시작합니다.",
                Status.ROUNDTABLE: "원탁회의에서 함께 논의합니다.",
                Status.ANSWERED: idea.answer,
                Status.NOT_ACCEPTED: idea.answer,
                Status.IN_PROGRESS: PROGRESS[0],
                Status.DONE: "추진을 마쳤습니다. 함께해 주셔서 고맙습니다.",
                Status.WITHDRAWN: "비슷한 제안이 있어 그쪽에 힘을 모으겠습니다.",
            }[target]
            actor = author if target == Status.WITHDRAWN else handler
            if target == Status.ROUNDTABLE and facilitator:
                actor = facilitator
            steps.append(
                Step(
                    proposal=proposal,
                    from_status=previous,
                    to_status=target,
                    actor=actor,
                    actor_organization=department if target != Status.WITHDRAWN else None,
                    reason=reason,
                    created_at=moment,
                )
            )
            previous = target
        Step.objects.bulk_create(steps)
        if any(t == Status.ROUNDTABLE for t in path):
            roundtable_items.append((proposal, len(roundtable_items) % 2))
        assigned = status not in (Status.SUBMITTED, Status.WITHDRAWN) and department is not None
        if status == Status.UNDER_REVIEW and index % 3 == 0:
            due = now - timedelta(days=rng.randint(2, 20))  # overdue in public
            reached_at = due - timedelta(days=ANSWER_DAYS)
        if answered_at and department:
            decision = (
                Answer.Decision.NOT_ACCEPTED
                if status == Status.NOT_ACCEPTED
                else (Answer.Decision.PARTLY if index % 3 == 0 else Answer.Decision.ACCEPTED)
            )
            Answer.objects.create(
                proposal=proposal,
                decision=decision,
                reasons=idea.answer,
                department=department,
                author=handler,
                created_at=answered_at,
            )
        if status in (Status.IN_PROGRESS, Status.DONE):
            ProgressUpdate.objects.bulk_create(
                [
                    ProgressUpdate(
                        proposal=proposal,
                        body=text,
                        author=handler,
                        created_at=(answered_at or moment) + timedelta(days=10 * (i + 1)),
                    )
                    for i, text in enumerate(PROGRESS[: 2 if status == Status.IN_PROGRESS else 3])
                ]
            )
        comment_count = 0
        for c in range(rng.randint(1, 4)):
            speaker = rng.choice(residents)
            top = Comment.objects.create(
                proposal=proposal,
                author=speaker,
                body=COMMENTS[(index + c) % len(COMMENTS)],
                created_at=created + timedelta(days=c + 1),
            )
            comment_count += 1
            if c == 0:
                Comment.objects.create(
                    proposal=proposal,
                    author=author,
                    parent=top,
                    body=REPLIES[index % len(REPLIES)],
                    created_at=created + timedelta(days=c + 1, hours=5),
                )
                comment_count += 1
        Proposal.objects.filter(pk=proposal.pk).update(
            place_name=proposal.place_name,
            latitude=proposal.latitude,
            longitude=proposal.longitude,
            support_count=len(supporters),
            comment_count=comment_count,
            threshold_reached=top_level,
            threshold_reached_at=reached_at,
            due_at=due,
            department=department if assigned else None,
            contact_person=handler if assigned else None,
            assigned_at=(created + timedelta(days=12)) if assigned else None,
            answered_at=answered_at,
        )
    _roundtables(namwon, roundtable_items, facilitator or region_admin or official, residents, now)


def _path(status: str) -> list[str]:
    paths = {
        Status.SUBMITTED: [],
        Status.WITHDRAWN: [Status.WITHDRAWN],
        Status.UNDER_REVIEW: [Status.UNDER_REVIEW],
        Status.ROUNDTABLE: [Status.UNDER_REVIEW, Status.ROUNDTABLE],
        Status.ANSWERED: [Status.UNDER_REVIEW, Status.ROUNDTABLE, Status.ANSWERED],
        Status.IN_PROGRESS: [Status.UNDER_REVIEW, Status.ANSWERED, Status.IN_PROGRESS],
        Status.DONE: [
            Status.UNDER_REVIEW,
            Status.ROUNDTABLE,
            Status.ANSWERED,
            Status.IN_PROGRESS,
            Status.DONE,
        ],
        Status.NOT_ACCEPTED: [Status.UNDER_REVIEW, Status.NOT_ACCEPTED],
    }
    return paths[status]


ROUNDTABLES = (
    (
        "우리 아이 놀이환경 바꿔봐요: 도심형·농촌형 원탁회의",
        "남원시청 대회의실",
        "놀이와 놀이터 남원시민 모임과 공무원, 주민 42명이 모였습니다. 여섯 모둠으로 나눠 "
        "도심형 놀이터(그늘, 물, 관리 체계)와 농촌형 놀이터(자연 놀이, 이동)의 문제를 나누고 "
        "대안을 골랐습니다. 전담부서가 없다는 점이 가장 큰 문제로 꼽혔습니다.",
    ),
    (
        "대중교통과 돌봄 원탁회의",
        "남원시 공동체지원센터 2층",
        "버스 이용 어르신, 돌봄 노동자, 청년 등 28명이 참여했습니다. 면 지역 이동권과 "
        "돌봄 공백을 함께 이야기하고 우선순위를 손들기로 정했습니다.",
    ),
)


def _roundtables(namwon, items, facilitator, residents, now) -> None:
    if facilitator is None:
        return
    # Activities happen in a neighbourhood: the city centre's, where the support centre is.
    venue = (
        Region.objects.filter(parent=namwon, name="동충동").first()
        or Region.objects.filter(parent=namwon).order_by("pk").first()
        or namwon
    )
    for number, (title, place, minutes) in enumerate(ROUNDTABLES):
        chosen = [proposal for proposal, group in items if group == number]
        if not chosen:
            continue
        starts = now - timedelta(days=60 - number * 20, hours=-14)
        activity = Activity.objects.create(
            kind=Activity.Kind.GATHERING,
            title=title,
            description=(
                "시민이 낸 제안을 주민, 단체, 공무원이 한 테이블에 앉아 함께 논의하는 "
                "원탁회의입니다. 누구나 참가할 수 있습니다."
            ),
            region=venue,
            place_name=place,
            latitude=venue.latitude,
            longitude=venue.longitude,
            starts_at=starts,
            ends_at=starts + timedelta(hours=2, minutes=30),
            capacity=60,
            host=facilitator,
            status=Activity.Status.PUBLISHED,
            published_at=starts - timedelta(days=14),
        )
        activity.topics.set(Topic.objects.filter(slug="local-agenda"))
        people = residents[number * 30 : number * 30 + 25]
        Rsvp.objects.bulk_create(
            [
                Rsvp(activity=activity, user=person, status=Rsvp.Status.CONFIRMED)
                for person in people
            ]
        )
        Activity.objects.filter(pk=activity.pk).update(confirmed_count=len(people))
        roundtable = Roundtable.objects.create(
            activity=activity,
            facilitator=facilitator,
            minutes=minutes,
            minutes_recorded_at=starts + timedelta(days=1),
            created_at=starts - timedelta(days=14),
        )
        for i, proposal in enumerate(chosen):
            RoundtableItem.objects.create(
                roundtable=roundtable,
                proposal=proposal,
                options="1안: 시가 직접 추진\n2안: 주민 모임과 함께 시범 사업\n3안: 내년 예산에 반영",
                outcome="2안(주민과 함께하는 시범 사업)으로 의견이 모였습니다.",
                votes_for=18 + i,
                votes_against=3,
                votes_abstain=4 - i % 2,
            )
