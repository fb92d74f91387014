"""The demo's residents and the known accounts for each role.

Everything here is planned from the data and a seeded random generator alone, never from the
database, so the same residents with the same nicknames come out on every machine.
"""

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sotong.demo.organizations import ORGANIZATIONS, OrganizationSeed
from sotong.demo.regions import JEJU, NAMWON, CitySeed
from sotong.demo.topics import TOPICS

DEMO_PASSWORD = "sotong-demo-1234"
RESIDENT_EMAIL = "resident{:03d}@demo.sotong.local"
NAMWON_RESIDENTS = 220
JEJU_RESIDENTS = 24
JOINED_FROM = datetime(2023, 3, 1, 9, 0, tzinfo=ZoneInfo("Asia/Seoul"))
JOINED_DAYS = 900


@dataclass(frozen=True)
class AccountSeed:
    """A known account for one role, listed in the README."""

    email: str
    nickname: str
    role: str  # what the README calls it
    region: str
    interests: tuple[str, ...] = ()
    bio: str = ""
    superuser: bool = False
    staff: bool = False
    region_role: str = ""  # a RegionRole.Role value, held in 남원시
    memberships: tuple[tuple[str, str], ...] = ()  # (organisation slug, Membership.Role)


ACCOUNTS: tuple[AccountSeed, ...] = (
    AccountSeed(
        "admin@sotong.local",
        "소통운영자",
        "운영자 (모든 권한, 관리 화면)",
        "namwon",
        superuser=True,
        staff=True,
    ),
    AccountSeed(
        "regionadmin@sotong.local",
        "남원지역관리자",
        "지역 관리자 (남원시)",
        "namwon",
        ("local-agenda", "community"),
        "남원시의 지역 정보와 주제를 관리합니다.",
        staff=True,
        region_role="admin",
    ),
    AccountSeed(
        "facilitator@sotong.local",
        "온라인촉진자",
        "촉진자 (남원시 온라인 촉진단)",
        "namwon-dongchung",
        ("community", "local-agenda", "gathering"),
        "남원 온라인 촉진단에서 모임과 이야기를 잇고 있어요.",
        region_role="facilitator",
        memberships=(("namwon-community-center", "member"),),
    ),
    AccountSeed(
        "official@sotong.local",
        "자치행정과주무관",
        "공무원 (남원시 자치행정과 구성원)",
        "namwon-dotong",
        ("local-agenda", "community"),
        "남원시 자치행정과에서 시민 참여와 원탁회의를 맡고 있습니다.",
        memberships=(("namwon-admin-dept", "member"),),
    ),
    AccountSeed(
        "orgadmin@sotong.local",
        "놀이터모임지기",
        "단체 관리자 (놀이와 놀이터 남원시민 모임)",
        "namwon-dotong",
        ("play", "kids", "local-agenda"),
        "아이들이 마음껏 노는 남원을 꿈꾸는 두 아이 엄마예요.",
        memberships=(("namwon-play", "admin"),),
    ),
    AccountSeed(
        "resident@sotong.local",
        "춘향골주민",
        "주민",
        "namwon-hyanggyo",
        ("music", "crafts", "activity"),
        "향교동에 사는 평범한 주민입니다. 산책과 노래를 좋아해요.",
        memberships=(("yocheon-walk", "member"), ("chunhyang-knitting", "member")),
    ),
)


@dataclass(frozen=True)
class ResidentSeed:
    email: str
    nickname: str
    region: str
    interests: tuple[str, ...]
    bio: str
    visibility: str
    show_interests: bool
    show_organizations: bool
    date_joined: datetime


@dataclass(frozen=True)
class MembershipSeed:
    organization: str
    email: str
    role: str
    is_public: bool


@dataclass(frozen=True)
class JoinRequestSeed:
    organization: str
    email: str
    message: str


@dataclass
class PeoplePlan:
    residents: list[ResidentSeed] = field(default_factory=list)
    memberships: list[MembershipSeed] = field(default_factory=list)
    join_requests: list[JoinRequestSeed] = field(default_factory=list)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ADJECTIVES = _words(
    "느긋한 부지런한 수줍은 씩씩한 다정한 궁금한 행복한 졸린 용감한 상냥한 명랑한 "
    "포근한 반짝이는 노래하는 산책하는 춤추는 책읽는 그림그리는 요리하는 뜨개하는 "
    "텃밭가꾸는 자전거타는 웃는 조용한"
)
PLACES = {
    "namwon": _words(
        "광한루 요천 지리산 바래봉 춘향골 섬진강 운봉 인월 산내 교룡산 뱀사골 도통동 향교동 "
        "흥부골 혼불"
    ),
    "jeju": _words("한라산 오름 바당 귤밭 올레 용두암 사라봉 탑동 노형"),
}
NOUNS = _words(
    "고양이 다람쥐 부엉이 수달 두루미 반딧불이 민들레 해바라기 도토리 감나무 살구 "
    "호박 농부 엄마 아빠 할매 청년 선생님 목수 산책러 집사 여행자 이웃 텃밭러 "
    "작가 요리사 뜨개인 음악가 사진가 책벌레"
)
GIVEN_NAMES = _words(
    "지우 서연 하준 도윤 민서 예준 지호 수아 하은 시우 유나 건우 채원 은우 소율 "
    "주원 다인 윤서 태민 나은"
)
NAMWON_BIOS = (
    "{region}에서 두 아이를 키우고 있어요. 주말마다 놀이터 순례 중입니다.",
    "귀촌 3년 차, {region}에서 작은 텃밭을 가꿉니다.",
    "남원에서 나고 자랐고, 다시 돌아와 가게를 꾸리고 있어요.",
    "지리산 둘레길을 좋아하는 직장인입니다.",
    "은퇴하고 목공을 배우는 중입니다. 의자 하나 만드는 게 올해 목표예요.",
    "판소리를 배운 지 2년 됐어요. 아직 춘향가 한 대목도 어렵네요.",
    "요천 둑길을 매일 아침 걷습니다.",
    "동네 책방에서 독서 모임을 하고 있어요.",
    "청년 창업을 준비하고 있습니다. 같은 고민 하는 분들 만나고 싶어요.",
    "어린이집 교사예요. 아이들과 놀 곳을 늘 찾고 있습니다.",
    "{region} 마을 이장님을 돕고 있어요. 마을 소식 전하는 게 제 일입니다.",
    "사진 찍는 걸 좋아해요. 바래봉 철쭉 필 때가 제일 바쁩니다.",
    "손주 돌보며 뜨개질하는 할머니예요.",
    "서울에서 이사 온 지 1년 됐어요. 이웃을 사귀고 싶어요.",
    "합창단에서 테너를 맡고 있어요.",
    "마을부엌에서 반찬 나눔 봉사를 합니다.",
    "환경 문제에 관심이 많아요. 요천 쓰레기 줍기에 함께해요.",
    "초등학교 학부모회 활동을 하고 있어요.",
    "",
)
JEJU_BIOS = (
    "{region}에서 아이 둘 키우는 엄마예요. 수눌음 돌봄 함께해요.",
    "육지에서 내려온 지 5년, 귤밭 일을 배우고 있습니다.",
    "원도심에서 작은 가게를 합니다. 놀러 오세요.",
    "오름 오르는 걸 좋아해요.",
    "제주 토박이입니다. 동네 이야기를 기록하고 있어요.",
    "",
)
JOIN_MESSAGES = (
    "안녕하세요, 함께하고 싶어서 신청합니다!",
    "동네에 이런 모임이 있는 줄 몰랐어요. 가입하고 싶습니다.",
    "지난번 행사에 참여했는데 좋았어요. 꾸준히 함께하고 싶습니다.",
    "이사 온 지 얼마 안 됐어요. 잘 부탁드립니다.",
    "",
)


def has_final_consonant(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def _nickname(rng: random.Random, city: str) -> str:
    pattern = rng.random()
    if pattern < 0.6:
        return rng.choice(ADJECTIVES + PLACES[city]) + rng.choice(NOUNS)
    if pattern < 0.85:
        name = rng.choice(GIVEN_NAMES)
        suffix = rng.choice(("맘", "아빠", "이네" if has_final_consonant(name[-1]) else "네"))
        return name + suffix
    return rng.choice(PLACES[city]) + rng.choice(NOUNS) + str(rng.randint(10, 99))


def _weighted_sample(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    """k distinct items, heavier ones more likely (Efraimidis–Spirakis keys)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(weights)), reverse=True)
    return [items[i] for _, i in keyed[:k]]


# How many residents live in each neighbourhood, relative to the others: town 동 are busier.
NAMWON_WEIGHTS = {
    "namwon-dotong": 30,
    "namwon-hyanggyo": 22,
    "namwon-dongchung": 18,
    "namwon-wangjeong": 16,
    "namwon-noam": 16,
    "namwon-geum": 14,
    "namwon-jukhang": 12,
    "namwon-unbong": 12,
    "namwon-sannae": 12,
    "namwon-inwol": 10,
    "namwon-jucheon": 6,
    "namwon-ayeong": 5,
}


def _region_weights(city: CitySeed) -> tuple[list[str], list[int]]:
    slugs = [city.slug, *(n.slug for n in city.neighbourhoods)]
    weights = [3 if s == city.slug else NAMWON_WEIGHTS.get(s, 4) for s in slugs]
    return slugs, weights


def plan_people(seed: int) -> PeoplePlan:
    rng = random.Random(seed)
    plan = PeoplePlan()
    topic_slugs = [t.slug for t in TOPICS]
    taken = {a.nickname.casefold() for a in ACCOUNTS}
    region_names = {n.slug: n.name for c in (NAMWON, JEJU) for n in c.neighbourhoods}
    region_names.update({NAMWON.slug: "남원", JEJU.slug: "제주"})

    number = 0
    for city, count, bios in (
        (NAMWON, NAMWON_RESIDENTS, NAMWON_BIOS),
        (JEJU, JEJU_RESIDENTS, JEJU_BIOS),
    ):
        slugs, weights = _region_weights(city)
        for _ in range(count):
            number += 1
            nickname = _nickname(rng, city.slug)
            while nickname.casefold() in taken:
                nickname = _nickname(rng, city.slug)
            taken.add(nickname.casefold())
            region = rng.choices(slugs, weights)[0]
            bio = (
                rng.choice(bios).format(region=region_names[region]) if rng.random() < 0.45 else ""
            )
            visibility = rng.choices(["public", "members", "private"], [80, 15, 5])[0]
            plan.residents.append(
                ResidentSeed(
                    email=RESIDENT_EMAIL.format(number),
                    nickname=nickname,
                    region=region,
                    interests=tuple(rng.sample(topic_slugs, rng.randint(1, 4))),
                    bio=bio,
                    visibility=visibility,
                    show_interests=rng.random() < 0.9,
                    show_organizations=rng.random() < 0.85,
                    date_joined=JOINED_FROM
                    + timedelta(days=rng.randrange(JOINED_DAYS), minutes=rng.randrange(1440)),
                )
            )

    _plan_memberships(rng, plan)
    return plan


def _city_of(region_slug: str) -> str:
    return region_slug.split("-", 1)[0]


def _plan_memberships(rng: random.Random, plan: PeoplePlan) -> None:
    for account in ACCOUNTS:
        for organization, role in account.memberships:
            plan.memberships.append(MembershipSeed(organization, account.email, role, True))
    account_pairs = {(m.organization, m.email) for m in plan.memberships}

    for organization in ORGANIZATIONS:
        candidates = [
            r for r in plan.residents if _city_of(r.region) == _city_of(organization.region)
        ]
        weights = [_affinity(organization, r) for r in candidates]
        low, high = organization.members
        size = min(rng.randint(low, high), len(candidates))
        chosen = _weighted_sample(rng, candidates, weights, size)
        has_admin = any(
            m.organization == organization.slug and m.role == "admin" for m in plan.memberships
        )
        admins = 0 if has_admin else (1 if size < 10 else 2)
        for position, resident in enumerate(chosen):
            if (organization.slug, resident.email) in account_pairs:
                continue
            plan.memberships.append(
                MembershipSeed(
                    organization.slug,
                    resident.email,
                    "admin" if position < admins else "member",
                    is_public=rng.random() < 0.85,
                )
            )
        if organization.join_policy == "approval" and organization.kind != "government":
            members = {r.email for r in chosen}
            outsiders = [r for r in candidates if r.email not in members]
            wanted = 3 if organization.slug == "namwon-play" else rng.choice((0, 0, 1, 2))
            for resident in rng.sample(outsiders, min(wanted, len(outsiders))):
                plan.join_requests.append(
                    JoinRequestSeed(organization.slug, resident.email, rng.choice(JOIN_MESSAGES))
                )


def _affinity(organization: OrganizationSeed, resident: ResidentSeed) -> float:
    weight = 1.0
    if resident.region == organization.region:
        weight += 3.0
    weight += 2.0 * len(set(organization.topics) & set(resident.interests))
    return weight
