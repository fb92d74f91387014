"""The demo's organisations: who does what in 남원시, and a few in 제주시.

Names of public bodies are real kinds of offices; groups, shops and people are made up.
Contact details are obviously fake (063-000-…, …@example.org).
"""

from dataclasses import dataclass

from sotong.organizations.models import Organization

Kind = Organization.Kind
OPEN = Organization.JoinPolicy.OPEN
APPROVAL = Organization.JoinPolicy.APPROVAL


@dataclass(frozen=True)
class OrganizationSeed:
    slug: str
    name: str
    kind: str
    region: str  # region slug
    topics: tuple[str, ...]  # topic slugs
    summary: str
    description: str
    join_policy: str = APPROVAL
    members: tuple[int, int] = (6, 20)  # how many residents join, at least and at most


ORGANIZATIONS: tuple[OrganizationSeed, ...] = (
    # 주민모임 — resident groups
    OrganizationSeed(
        "namwon-play",
        "놀이와 놀이터 남원시민 모임",
        Kind.RESIDENT_GROUP,
        "namwon-dotong",
        ("play", "kids", "local-agenda"),
        "아이들의 놀이 문화와 놀이 환경을 함께 바꾸는 시민 자조모임",
        "2019년 4월, 아이들이 마음껏 놀 곳이 없다는 이야기를 나누던 부모들이 모여 만든 "
        "모임입니다. 놀이터 디자이너를 모셔 '아이들에게 놀이란?' 특강을 함께 열었고, "
        "원탁회의 '우리아이 놀이환경 바꿔봐요'에 참여해 도심형·농촌형 놀이터 제안을 "
        "정책으로 이어 냈습니다.\n\n한 달에 한 번 동네 놀이터를 함께 둘러보고, 주말에는 "
        "골목 놀이판을 엽니다. 아이가 없어도 놀이를 아끼는 분이라면 누구나 환영합니다.",
        APPROVAL,
        (14, 28),
    ),
    OrganizationSeed(
        "yocheon-walk",
        "요천 아침 산책 모임",
        Kind.RESIDENT_GROUP,
        "namwon-geum",
        ("activity", "gathering", "environment"),
        "매주 토요일 아침 요천 둑길을 함께 걷는 동네 산책 모임",
        "토요일 아침 7시, 광한루원 앞에서 만나 요천 둑길을 한 시간쯤 걷습니다. 걷는 길에 "
        "눈에 띄는 쓰레기를 줍고, 끝나면 근처 국숫집에서 아침을 함께 먹습니다. "
        "빠르게 걷지 않으니 처음 오시는 분도 부담 없이 오세요.",
        OPEN,
        (10, 24),
    ),
    OrganizationSeed(
        "dotong-picturebooks",
        "도통동 그림책 읽는 엄마아빠",
        Kind.RESIDENT_GROUP,
        "namwon-dotong",
        ("kids", "education", "gathering"),
        "아이에게 읽어 줄 그림책을 부모가 먼저 함께 읽는 모임",
        "격주 수요일 저녁, 아이들을 재우고 모여 그림책을 소리 내어 읽고 이야기를 나눕니다. "
        "계절마다 동네 도서관에서 아이들과 함께하는 그림책 낭독회를 엽니다.",
        OPEN,
        (8, 18),
    ),
    OrganizationSeed(
        "barebong-photo",
        "바래봉 사진 동호회",
        Kind.RESIDENT_GROUP,
        "namwon-unbong",
        ("art", "activity"),
        "운봉고원의 사계절을 카메라에 담는 사진 동호회",
        "철쭉 피는 봄의 바래봉부터 눈 덮인 운봉 들녘까지, 한 달에 두 번 출사를 나갑니다. "
        "연말에는 운봉읍 행정복지센터 로비에서 작은 사진전을 엽니다. 휴대전화 카메라로도 "
        "충분합니다.",
        OPEN,
        (6, 16),
    ),
    OrganizationSeed(
        "inwol-dulle",
        "인월 둘레길 걷기 모임",
        Kind.RESIDENT_GROUP,
        "namwon-inwol",
        ("activity", "environment", "gathering"),
        "지리산 둘레길 인월~금계 구간을 함께 걷고 가꾸는 모임",
        "둘째·넷째 일요일에 인월에서 출발해 둘레길을 걷습니다. 길이 무너진 곳이나 "
        "표지판이 없어진 곳을 기록해 두었다가 관계 기관에 알립니다.",
        OPEN,
        (6, 18),
    ),
    OrganizationSeed(
        "chunhyang-knitting",
        "춘향골 뜨개 모임",
        Kind.RESIDENT_GROUP,
        "namwon-hyanggyo",
        ("crafts", "gathering"),
        "목요일 오후마다 카페에 모여 뜨개질하며 수다 떠는 모임",
        "초보부터 30년 경력까지 함께 뜹니다. 겨울이면 목도리와 모자를 떠서 마을 어르신들께 "
        "나눠 드립니다. 바늘과 실은 모임에 넉넉히 있어요.",
        OPEN,
        (6, 15),
    ),
    OrganizationSeed(
        "jucheon-kitchen",
        "주천 마을부엌",
        Kind.RESIDENT_GROUP,
        "namwon-jucheon",
        ("cooking", "care", "community"),
        "마을회관 부엌에서 함께 밥을 지어 혼자 사는 어르신과 나누는 모임",
        "매주 화요일, 마을 주민 열댓 명이 모여 반찬을 만들고 혼자 사시는 어르신 댁에 "
        "나눠 드립니다. 제철 나물 손질부터 장 담그기까지, 어르신들께 배우는 날도 많습니다.",
        APPROVAL,
        (6, 14),
    ),
    OrganizationSeed(
        "namwon-youth-jakdang",
        "남원 청년 작당",
        Kind.RESIDENT_GROUP,
        "namwon-dongchung",
        ("youth", "gathering", "local-agenda"),
        "남원에 사는 청년들이 모여 일과 놀이를 작당하는 모임",
        "남원에서 일하고 놀고 싶은 청년들이 한 달에 한 번 원도심 빈 가게에 모입니다. "
        "각자 하는 일을 소개하고, 함께 해 볼 작은 프로젝트를 정합니다. 지난해에는 "
        "원도심 골목 야시장을 열었습니다.",
        OPEN,
        (10, 26),
    ),
    OrganizationSeed(
        "sannae-table",
        "산내 귀촌인 밥상",
        Kind.RESIDENT_GROUP,
        "namwon-sannae",
        ("rural-life", "cooking", "community"),
        "지리산 아래로 이사 온 사람들이 밥 한 끼 나누며 시골살이를 이야기하는 모임",
        "매달 마지막 토요일, 돌아가며 한 집에 모여 각자 한 가지씩 음식을 가져옵니다. "
        "집 구하기, 텃밭 농사, 아이 학교 이야기까지 먼저 온 사람이 나중 온 사람을 돕습니다.",
        APPROVAL,
        (8, 18),
    ),
    OrganizationSeed(
        "hyanggyo-choir",
        "향교동 동네 합창단",
        Kind.RESIDENT_GROUP,
        "namwon-hyanggyo",
        ("music", "performance"),
        "악보를 못 읽어도 괜찮은 동네 합창단",
        "화요일 저녁 주민센터 2층에서 연습합니다. 봄에는 광한루원, 가을에는 요천 강변에서 "
        "작은 음악회를 엽니다. 노래를 좋아하는 마음만 있으면 됩니다.",
        OPEN,
        (10, 22),
    ),
    OrganizationSeed(
        "noam-garden",
        "노암동 상자텃밭",
        Kind.RESIDENT_GROUP,
        "namwon-noam",
        ("environment", "rural-life", "community"),
        "아파트 공터에 상자텃밭을 가꾸는 이웃 모임",
        "상자 서른 개로 시작한 텃밭이 올해 예순 개가 되었습니다. 퇴비는 음식물 쓰레기로 "
        "함께 만들고, 수확한 채소는 경로당과 나눕니다.",
        OPEN,
        (6, 16),
    ),
    OrganizationSeed(
        "namwon-boardgames",
        "춘향골 보드게임 모임",
        Kind.RESIDENT_GROUP,
        "namwon-jukhang",
        ("play", "gathering", "youth"),
        "금요일 밤 보드게임으로 친해지는 모임",
        "게임은 모임에 서른 가지쯤 있습니다. 규칙은 처음부터 알려 드려요. 한 달에 한 번은 "
        "아이들과 함께하는 가족 게임의 날입니다.",
        OPEN,
        (6, 18),
    ),
    OrganizationSeed(
        "ayeong-heungbu",
        "아영 흥부골 마을학교",
        Kind.RESIDENT_GROUP,
        "namwon-ayeong",
        ("education", "kids", "culture"),
        "마을 어른들이 선생님이 되어 아이들과 옛이야기를 배우는 방과후 마을학교",
        "전교생이 스무 명 남짓한 학교의 아이들이 방과 후 마을회관에 모입니다. 할머니께 "
        "짚풀 공예를, 이장님께 마을 옛이야기를 배웁니다.",
        APPROVAL,
        (5, 12),
    ),
    # 시민단체 — civic groups
    OrganizationSeed(
        "seomjin-guardians",
        "섬진강·요천 지킴이",
        Kind.CIVIC_GROUP,
        "namwon",
        ("environment", "local-agenda"),
        "요천과 섬진강의 물과 생태를 지키는 시민단체",
        "매달 요천 수질을 재고 물고기와 새를 조사해 기록을 공개합니다. 하천 정비 계획이 "
        "나오면 시민 의견을 모아 공청회에 전달합니다. 강변 쓰레기 줍기는 누구나 함께할 수 "
        "있습니다.",
        OPEN,
        (10, 28),
    ),
    OrganizationSeed(
        "namwon-child-rights",
        "남원 아동·청소년 권리 네트워크",
        Kind.CIVIC_GROUP,
        "namwon",
        ("kids", "care", "local-agenda"),
        "아이와 청소년의 목소리가 지역 정책에 닿도록 돕는 연대 모임",
        "학부모, 교사, 청소년 활동가가 함께합니다. 청소년 원탁회의를 열어 아이들이 직접 "
        "정책을 제안하도록 돕고, 놀이터와 통학로의 안전을 살핍니다.",
        APPROVAL,
        (8, 20),
    ),
    OrganizationSeed(
        "namwon-civic-lab",
        "남원 시민참여연구소",
        Kind.CIVIC_GROUP,
        "namwon-dongchung",
        ("local-agenda", "community", "education"),
        "시민 제안이 실제 정책이 되는 과정을 연구하고 돕는 시민단체",
        "원탁회의와 시민 제안의 기록을 모아 어떤 제안이 정책이 되었고 어떤 제안이 멈췄는지 "
        "살핍니다. 제안서 쓰기와 공론장 진행 교육을 엽니다.",
        APPROVAL,
        (6, 16),
    ),
    OrganizationSeed(
        "namwon-care-neighbours",
        "남원 돌봄이웃 네트워크",
        Kind.CIVIC_GROUP,
        "namwon-wangjeong",
        ("care", "community"),
        "혼자 사는 어르신과 돌봄이 필요한 이웃을 잇는 자원활동 네트워크",
        "안부 전화, 병원 동행, 반찬 나눔을 이웃끼리 나눠 맡습니다. 자원활동가 교육은 "
        "분기마다 한 번 열립니다.",
        OPEN,
        (10, 24),
    ),
    OrganizationSeed(
        "chunhyang-edu-community",
        "춘향골 교육공동체",
        Kind.CIVIC_GROUP,
        "namwon",
        ("education", "kids", "community"),
        "학교 교육을 마을로 넓히려는 학부모·교사·마을학교 모임",
        "아이들의 현장학습 장소를 함께 찾고, 마을의 방과후 선생님을 연결합니다. "
        "학부모와 교사, 마을학교 활동가가 한 달에 한 번 모여 의논합니다.",
        APPROVAL,
        (8, 20),
    ),
    # 중간지원조직 — intermediaries
    OrganizationSeed(
        "namwon-community-center",
        "남원시 공동체지원센터",
        Kind.INTERMEDIARY,
        "namwon",
        ("community", "local-agenda", "education"),
        "마을공동체 활동을 돕고 잇는 남원시의 중간지원조직",
        "마을활동가 스무 명과 함께 마을공동체를 찾아가 돕습니다. 주민이 직접 마을의 일을 "
        "배우는 '꿈꾸는 마을학교'와 공동체 창안대회를 운영하고, 소모임 씨앗사업을 "
        "공모합니다.\n\n더 많은 시민이 참여할 수 있도록 활동 소식을 모아 알립니다.",
        APPROVAL,
        (6, 14),
    ),
    OrganizationSeed(
        "namwon-culture-city",
        "남원 문화도시 사무국",
        Kind.INTERMEDIARY,
        "namwon",
        ("culture", "performance", "events"),
        "남원의 문화 활동과 공연을 잇고 알리는 문화도시 중간지원조직",
        "지역의 다양한 문화 활동과 공연을 한데 모아 알립니다. 문화 전문인력 양성 프로그램 "
        "'꾼', 시민 문화포럼 '문화반상회', 도시의 기억을 모으는 '남원 메모리즈'를 "
        "운영합니다.",
        APPROVAL,
        (6, 14),
    ),
    OrganizationSeed(
        "namwon-social-economy",
        "남원시 사회적경제지원센터",
        Kind.INTERMEDIARY,
        "namwon-dongchung",
        ("community", "youth", "lifestyle"),
        "협동조합과 사회적기업의 창업과 성장을 돕는 센터",
        "협동조합 설립 상담, 사회적경제 기업의 판로 찾기, 청년 창업 교육을 지원합니다.",
        APPROVAL,
        (4, 10),
    ),
    # 협동조합·사회적경제 — cooperatives
    OrganizationSeed(
        "jirisan-woodwork",
        "지리산 목공 협동조합",
        Kind.COOPERATIVE,
        "namwon-sannae",
        ("crafts", "rural-life", "education"),
        "지리산 나무로 가구를 만들고 목공을 가르치는 협동조합",
        "조합원 열두 명이 함께 공방을 꾸립니다. 간벌한 지리산 나무로 아이들 책상과 "
        "마을 쉼터 의자를 만들고, 주말에는 목공 입문 강좌를 엽니다.",
        APPROVAL,
        (5, 14),
    ),
    OrganizationSeed(
        "chunhyang-localfood",
        "춘향골 로컬푸드 협동조합",
        Kind.COOPERATIVE,
        "namwon-wangjeong",
        ("cooking", "environment", "rural-life"),
        "남원 농가의 제철 먹거리를 이웃에게 잇는 소비자·생산자 협동조합",
        "남원 농가 예순 곳이 키운 채소와 과일을 매장과 꾸러미로 나눕니다. 제철 요리 "
        "강좌와 농가 방문의 날을 엽니다.",
        OPEN,
        (10, 26),
    ),
    OrganizationSeed(
        "namwon-village-edu-coop",
        "남원 마을교육 사회적협동조합",
        Kind.COOPERATIVE,
        "namwon-hyanggyo",
        ("education", "kids", "youth"),
        "마을 선생님과 학교를 잇는 교육 사회적협동조합",
        "방과후 수업과 마을 체험학습을 학교에 연결하고, 마을 선생님이 되고 싶은 주민을 교육합니다.",
        APPROVAL,
        (5, 12),
    ),
    # 행정기관 — city departments (their members are officials)
    OrganizationSeed(
        "namwon-admin-dept",
        "남원시 자치행정과",
        Kind.GOVERNMENT,
        "namwon",
        ("local-agenda", "community"),
        "주민자치와 시민 참여, 원탁회의를 맡은 부서",
        "주민자치회와 원탁회의, 시민 제안 창구를 맡고 있습니다. 국민디자인단과 함께 시민이 "
        "진짜 원하는 온라인 소통 공간을 만들고 있습니다.",
        APPROVAL,
        (2, 4),
    ),
    OrganizationSeed(
        "namwon-culture-dept",
        "남원시 문화예술과",
        Kind.GOVERNMENT,
        "namwon",
        ("culture", "performance", "events"),
        "문화예술 행사와 공연, 문화시설을 맡은 부서",
        "춘향제를 비롯한 문화 행사와 공연장, 문화예술 지원 사업을 맡고 있습니다.",
        APPROVAL,
        (2, 4),
    ),
    OrganizationSeed(
        "namwon-traffic-dept",
        "남원시 교통과",
        Kind.GOVERNMENT,
        "namwon",
        ("local-agenda",),
        "버스 노선, 주차, 통학로 안전을 맡은 부서",
        "농어촌 버스 노선과 시간표, 공영주차장, 어린이 보호구역을 맡고 있습니다.",
        APPROVAL,
        (2, 3),
    ),
    OrganizationSeed(
        "namwon-children-dept",
        "남원시 아동청소년과",
        Kind.GOVERNMENT,
        "namwon",
        ("kids", "care", "play"),
        "아동·청소년 정책과 놀이터, 돌봄 시설을 맡은 부서",
        "공공 놀이터와 지역아동센터, 청소년 시설을 맡고 있습니다. 시민 원탁회의의 "
        "'우리아이 놀이환경 바꿔봐요' 제안을 이어받았습니다.",
        APPROVAL,
        (2, 4),
    ),
    OrganizationSeed(
        "namwon-environment-dept",
        "남원시 환경과",
        Kind.GOVERNMENT,
        "namwon",
        ("environment",),
        "하천, 쓰레기, 기후 대응을 맡은 부서",
        "요천과 섬진강 수질 관리, 재활용과 쓰레기 줄이기 사업을 맡고 있습니다.",
        APPROVAL,
        (2, 3),
    ),
    OrganizationSeed(
        "namwon-agri-center",
        "남원시 농업기술센터",
        Kind.GOVERNMENT,
        "namwon-dotong",
        ("rural-life", "education"),
        "농업 기술 교육과 귀농·귀촌 상담을 맡은 기관",
        "새내기 농부를 위한 영농 교육과 귀농·귀촌 상담, 농기계 임대를 맡고 있습니다.",
        APPROVAL,
        (2, 4),
    ),
    OrganizationSeed(
        "unbong-office",
        "운봉읍 행정복지센터",
        Kind.GOVERNMENT,
        "namwon-unbong",
        ("community", "care"),
        "운봉읍 주민의 민원과 복지를 맡은 행정복지센터",
        "민원 처리와 복지 상담, 주민자치회 운영을 돕습니다.",
        APPROVAL,
        (2, 3),
    ),
    # 학교·교육청 — schools and the education office
    OrganizationSeed(
        "namwon-education-office",
        "남원교육지원청",
        Kind.SCHOOL,
        "namwon-dotong",
        ("education", "kids", "youth"),
        "남원 지역 유치원과 초·중학교를 지원하는 교육지원청",
        "학교와 마을을 잇는 마을교육공동체 사업과 방과후 프로그램을 지원합니다.",
        APPROVAL,
        (2, 5),
    ),
    OrganizationSeed(
        "yocheon-elementary",
        "남원 요천초등학교",
        Kind.SCHOOL,
        "namwon-noam",
        ("education", "kids", "play"),
        "요천 가까이에 있는 초등학교",
        "아이들이 직접 설계에 참여한 학교 놀이터가 있습니다. 학부모회는 매달 마을 "
        "선생님과 함께하는 체험학습을 엽니다.",
        APPROVAL,
        (4, 12),
    ),
    OrganizationSeed(
        "sannae-elementary",
        "산내 마을초등학교",
        Kind.SCHOOL,
        "namwon-sannae",
        ("education", "kids", "environment"),
        "지리산 아래 전교생 마흔 명의 작은 학교",
        "귀촌한 가정의 아이들이 많습니다. 숲 수업과 텃밭 수업을 마을 주민과 함께합니다.",
        APPROVAL,
        (3, 10),
    ),
    # 기업·가게 — companies and shops
    OrganizationSeed(
        "chunani-cafe",
        "추난이네",
        Kind.COMPANY,
        "namwon-dotong",
        ("art", "lifestyle", "gathering"),
        "그림 그리는 사장님의 카페 겸 소품샵, 동네 모임 공간",
        "서양화를 전공한 사장님이 고향에 돌아와 꾸린 작은 공간입니다. 직접 그린 캐릭터 "
        "소품을 팔고, 저녁에는 그림 모임과 동네 청년들의 수다 모임에 자리를 내줍니다. "
        "모임 공간을 쓰고 싶으면 미리 말씀해 주세요.",
        OPEN,
        (5, 15),
    ),
    OrganizationSeed(
        "yocheon-bookcafe",
        "요천 책방",
        Kind.COMPANY,
        "namwon-geum",
        ("gathering", "education", "culture"),
        "강가의 작은 동네 책방, 독서 모임과 북토크가 열리는 곳",
        "지역 작가의 책과 독립출판물을 팝니다. 매달 북토크를 열고, 독서 모임에는 "
        "저녁 시간 책방을 무료로 빌려 드립니다.",
        OPEN,
        (4, 12),
    ),
    OrganizationSeed(
        "inwol-shared-kitchen",
        "인월 장터 공유부엌",
        Kind.COMPANY,
        "namwon-inwol",
        ("cooking", "rural-life", "youth"),
        "인월장 옆 청년 창업 공유부엌",
        "장날이면 지역 농산물로 만든 도시락을 팝니다. 장이 서지 않는 날에는 요리 "
        "강좌와 마을 잔치에 부엌을 빌려 줍니다.",
        OPEN,
        (3, 10),
    ),
    # 제주시
    OrganizationSeed(
        "jeju-sotong-center",
        "제주시소통협력센터",
        Kind.INTERMEDIARY,
        "jeju-samdo1",
        ("community", "local-agenda", "youth"),
        "주민의 참여와 분야 간 협력으로 지역 문제를 푸는 소통협력 플랫폼",
        "관찰, 실험, 협력, 공유의 과정으로 지역 문제의 새로운 해법을 찾습니다. 질문도서관, "
        "놀러가게 프로젝트, '제주로 만난 사이'처럼 주민이 만나고 연결되는 일을 돕고, "
        "함께 쓰는 거실을 시민에게 엽니다.",
        APPROVAL,
        (5, 12),
    ),
    OrganizationSeed(
        "jeju-admin-dept",
        "제주시 자치행정과",
        Kind.GOVERNMENT,
        "jeju",
        ("local-agenda", "community"),
        "주민자치와 시민 참여를 맡은 부서",
        "주민자치회와 시민 제안 창구를 맡고 있습니다.",
        APPROVAL,
        (2, 3),
    ),
    OrganizationSeed(
        "nohyeong-sunuleum",
        "노형동 수눌음 돌봄",
        Kind.RESIDENT_GROUP,
        "jeju-nohyeong",
        ("care", "kids", "community"),
        "아이 돌봄을 이웃끼리 품앗이하는 부모 모임",
        "급한 일이 생긴 날 이웃이 아이를 잠깐 맡아 줍니다. 돌아가며 아이들과 오름에 "
        "오르고, 방학에는 공동 돌봄 교실을 엽니다.",
        APPROVAL,
        (5, 12),
    ),
    OrganizationSeed(
        "jeju-old-town-shops",
        "원도심 놀러가게",
        Kind.COMPANY,
        "jeju-ildo1",
        ("gathering", "lifestyle", "community"),
        "원도심 가게 주인들이 손님과 이웃을 잇는 모임 공간",
        "가게 주인이 호스트가 되어 저녁마다 작은 모임을 엽니다. 이번 달에는 귤청 만들기와 "
        "동네 산책 모임이 있습니다.",
        OPEN,
        (4, 10),
    ),
    OrganizationSeed(
        "jeju-youth-network",
        "제주 청소년협력네트워크",
        Kind.CIVIC_GROUP,
        "jeju-ara",
        ("youth", "education", "care"),
        "청소년의 자립을 함께 고민하는 기관과 단체의 네트워크",
        "청소년·청년 관련 기관과 단체가 모여 자립 준비 청소년을 돕는 방법을 찾습니다.",
        APPROVAL,
        (4, 10),
    ),
    OrganizationSeed(
        "jeju-making-coop",
        "제주 지속가능 제조 협동조합",
        Kind.COOPERATIVE,
        "jeju-hwabuk",
        ("crafts", "environment"),
        "버려지는 제주 자원으로 물건을 만드는 제조 협동조합",
        "감귤 껍질, 폐어망, 현무암 부산물로 생활용품을 만듭니다. 작업장은 누구에게나 "
        "열려 있습니다.",
        APPROVAL,
        (3, 8),
    ),
)
