"""The topics residents follow, from the 남원 국민디자인단 report and the 제주 centre's work.

Every colour carries white text at a contrast of at least 4.5:1 (WCAG AA), so a topic badge
may be drawn white-on-colour as well as used as an accent.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TopicSeed:
    slug: str
    name: str
    icon: str
    color: str
    description: str


TOPICS: tuple[TopicSeed, ...] = (
    TopicSeed("cooking", "요리", "🍳", "#c2410c", "함께 만들고 나눠 먹는 요리 모임과 강좌"),
    TopicSeed("crafts", "수공예", "🧶", "#a16207", "뜨개, 목공, 도자기처럼 손으로 만드는 일"),
    TopicSeed("flowers", "플라워", "💐", "#be185d", "꽃꽂이, 정원, 반려식물"),
    TopicSeed("art", "미술", "🎨", "#7e22ce", "그림, 사진, 전시와 미술 수업"),
    TopicSeed("activity", "액티비티", "🚴", "#0f766e", "걷기, 등산, 자전거, 운동"),
    TopicSeed("lifestyle", "라이프스타일", "🏡", "#9a3412", "살림, 집 가꾸기, 작은 가게 이야기"),
    TopicSeed("music", "음악", "🎵", "#4338ca", "합창, 밴드, 국악과 판소리"),
    TopicSeed("kids", "키즈", "🧸", "#b45309", "아이와 함께하는 활동과 육아 정보"),
    TopicSeed("beauty", "뷰티", "💄", "#c026d3", "화장, 미용, 자기 돌봄"),
    TopicSeed("gathering", "모임", "☕", "#0369a1", "취미와 관심사로 만나는 정기 모임"),
    TopicSeed("local-agenda", "지역의제", "📣", "#b91c1c", "공청회, 원탁회의, 시민 제안"),
    TopicSeed("culture", "문화", "🏛️", "#6d28d9", "지역의 역사, 문화유산, 문화 활동"),
    TopicSeed("community", "공동체", "🤝", "#15803d", "마을공동체와 이웃 활동"),
    TopicSeed("performance", "공연", "🎭", "#9d174d", "연극, 음악회, 거리 공연"),
    TopicSeed("events", "행사", "🎉", "#854d0e", "축제, 장터, 한 번 열리는 행사"),
    TopicSeed("education", "교육", "📚", "#1d4ed8", "강좌, 마을학교, 평생학습"),
    TopicSeed("environment", "환경", "🌱", "#166534", "기후, 생태, 쓰레기 줄이기"),
    TopicSeed("youth", "청년", "🙌", "#0e7490", "청년의 일, 놀이, 창업과 정착"),
    TopicSeed("care", "돌봄", "💛", "#be123c", "아이, 어르신, 이웃을 돌보는 일"),
    TopicSeed("rural-life", "귀농·귀촌", "🌾", "#4d7c0f", "시골살이, 농사, 귀농·귀촌 준비"),
    TopicSeed("play", "놀이", "🪁", "#a21caf", "아이들의 놀이와 놀이터"),
)
