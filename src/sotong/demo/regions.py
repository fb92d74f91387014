"""The demo's regions: 남원시 with its 23 읍·면·동, and part of 제주시.

Centres are the administrative offices as listed in the Korea Meteorological Administration's
forecast-grid table (읍·면·동 codes 45190… and 50110…). Bounds are boxes around the centre,
wider for rural 읍·면 than for town 동; each city's bounds cover all of its neighbourhoods.
"""

from dataclasses import dataclass

# Half the height and width of a neighbourhood's box, in degrees: about 3.3 km × 3.4 km around
# a rural 읍·면 office, 0.9 km around a town 동 office (1° of longitude ≈ 91 km at 35° N).
RURAL_HALF = (0.030, 0.037)
TOWN_HALF = (0.008, 0.010)
SUBURB_HALF = (0.018, 0.022)


@dataclass(frozen=True)
class RegionSeed:
    slug: str
    name: str
    latitude: float
    longitude: float
    half: tuple[float, float] = TOWN_HALF
    description: str = ""

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        half_lat, half_lng = self.half
        return (
            round(self.latitude - half_lat, 4),
            round(self.longitude - half_lng, 4),
            round(self.latitude + half_lat, 4),
            round(self.longitude + half_lng, 4),
        )


@dataclass(frozen=True)
class CitySeed:
    slug: str
    name: str
    latitude: float
    longitude: float
    bounds: tuple[float, float, float, float]  # south, west, north, east
    description: str
    neighbourhoods: tuple[RegionSeed, ...]


NAMWON = CitySeed(
    slug="namwon",
    name="남원시",
    latitude=35.4164,
    longitude=127.3904,
    bounds=(35.29, 127.18, 35.56, 127.68),
    description=(
        "지리산 자락과 요천, 섬진강을 품은 전북의 작은 도시입니다. 춘향전과 판소리의 고장으로 "
        "광한루원과 국악의 성지가 있고, 시민과 행정이 원탁회의로 지역의 일을 함께 의논합니다."
    ),
    neighbourhoods=(
        RegionSeed(
            "namwon-unbong",
            "운봉읍",
            35.4367,
            127.5311,
            RURAL_HALF,
            "해발 500m 운봉고원의 읍입니다. 봄이면 바래봉 철쭉을 보러 사람들이 모이고, "
            "동편제 판소리의 뿌리인 국악의 성지가 있습니다.",
        ),
        RegionSeed(
            "namwon-jucheon",
            "주천면",
            35.3878,
            127.4441,
            RURAL_HALF,
            "구룡계곡과 육모정이 있는 지리산 들머리 마을입니다. 지리산 둘레길이 지나갑니다.",
        ),
        RegionSeed("namwon-suji", "수지면", 35.3362, 127.3736, RURAL_HALF),
        RegionSeed("namwon-songdong", "송동면", 35.3516, 127.3393, RURAL_HALF),
        RegionSeed("namwon-jusaeng", "주생면", 35.3758, 127.3237, RURAL_HALF),
        RegionSeed("namwon-geumji", "금지면", 35.3545, 127.3060, RURAL_HALF),
        RegionSeed(
            "namwon-daegang",
            "대강면",
            35.3443,
            127.2299,
            RURAL_HALF,
            "섬진강을 따라 들녘이 펼쳐진 남원의 서쪽 끝 마을입니다.",
        ),
        RegionSeed("namwon-daesan", "대산면", 35.4291, 127.3273, RURAL_HALF),
        RegionSeed(
            "namwon-samae",
            "사매면",
            35.4955,
            127.3626,
            RURAL_HALF,
            "소설 『혼불』의 무대로, 혼불문학관과 옛 서도역이 있습니다.",
        ),
        RegionSeed("namwon-deokgwa", "덕과면", 35.5141, 127.3542, RURAL_HALF),
        RegionSeed("namwon-bojeol", "보절면", 35.5101, 127.4045, RURAL_HALF),
        RegionSeed("namwon-sandong", "산동면", 35.4897, 127.4783, RURAL_HALF),
        RegionSeed("namwon-ibaek", "이백면", 35.4238, 127.4601, RURAL_HALF),
        RegionSeed(
            "namwon-ayeong",
            "아영면",
            35.5056,
            127.6150,
            RURAL_HALF,
            "흥부전의 고향으로 알려진 마을이 있는 남원의 북동쪽 고원 지대입니다.",
        ),
        RegionSeed(
            "namwon-sannae",
            "산내면",
            35.4162,
            127.6254,
            RURAL_HALF,
            "실상사와 뱀사골이 있는 지리산 아래 마을입니다. 귀농·귀촌한 이웃이 많습니다.",
        ),
        RegionSeed(
            "namwon-inwol",
            "인월면",
            35.4613,
            127.6023,
            RURAL_HALF,
            "지리산 둘레길이 시작되는 곳이자, 오래된 인월장이 서는 마을입니다.",
        ),
        RegionSeed(
            "namwon-dongchung",
            "동충동",
            35.4080,
            127.3851,
            description="시내 한가운데의 원도심으로 상점가와 공공기관이 모여 있습니다.",
        ),
        RegionSeed("namwon-jukhang", "죽항동", 35.4045, 127.3867),
        RegionSeed("namwon-noam", "노암동", 35.3965, 127.3823),
        RegionSeed(
            "namwon-geum",
            "금동",
            35.3994,
            127.3775,
            description="요천 강변과 광한루원에 가까운 원도심입니다.",
        ),
        RegionSeed("namwon-wangjeong", "왕정동", 35.4052, 127.3719),
        RegionSeed(
            "namwon-hyanggyo",
            "향교동",
            35.4140,
            127.3829,
            description="남원향교가 있는 동네로, 주택가와 학교가 모여 있습니다.",
        ),
        RegionSeed(
            "namwon-dotong",
            "도통동",
            35.4168,
            127.4022,
            description="남원시청이 있는 신시가지로 아파트 단지와 공원, 숲길이 이어집니다.",
        ),
    ),
)

JEJU = CitySeed(
    slug="jeju",
    name="제주시",
    latitude=33.4996,
    longitude=126.5312,
    bounds=(33.34, 126.14, 33.57, 126.98),
    description=(
        "한라산 북쪽의 제주특별자치도 행정시입니다. 원도심과 새로 생긴 동네가 함께 있고, "
        "이웃끼리 돕는 수눌음 문화가 살아 있습니다."
    ),
    neighbourhoods=(
        RegionSeed(
            "jeju-ildo1",
            "일도1동",
            33.5117,
            126.5282,
            description="동문시장과 산지천이 있는 원도심입니다.",
        ),
        RegionSeed("jeju-ido2", "이도2동", 33.4939, 126.5374),
        RegionSeed(
            "jeju-samdo1",
            "삼도1동",
            33.5004,
            126.5203,
            description="관덕정과 옛 제주목 관아가 있는 원도심입니다.",
        ),
        RegionSeed("jeju-yongdam1", "용담1동", 33.5063, 126.5157),
        RegionSeed("jeju-geonip", "건입동", 33.5117, 126.5337),
        RegionSeed("jeju-hwabuk", "화북동", 33.5170, 126.5674, SUBURB_HALF),
        RegionSeed("jeju-ara", "아라동", 33.4731, 126.5470, SUBURB_HALF),
        RegionSeed("jeju-yeon", "연동", 33.4849, 126.4989),
        RegionSeed(
            "jeju-nohyeong",
            "노형동",
            33.4798,
            126.4792,
            SUBURB_HALF,
            description="아파트 단지가 많은 신제주로, 아이 키우는 젊은 가족이 많습니다.",
        ),
        RegionSeed("jeju-oedo", "외도동", 33.4896, 126.4342, SUBURB_HALF),
    ),
)

CITIES: tuple[CitySeed, ...] = (NAMWON, JEJU)
