"""/activities/map/ and its data: only what lies in the box, clustered when there is a lot."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from sotong.activities.map import CLUSTER_THRESHOLD
from sotong.activities.models import Activity
from tests.activities.factories import ActivityFactory
from tests.factories import RegionFactory, UserFactory

pytestmark = pytest.mark.django_db

NAMWON_BOX = "35.28,127.20,35.58,127.65"
SMALL_BOX = "35.40,127.38,35.41,127.39"  # a few streets around 요천 생태공원


def map_data(client, bbox=NAMWON_BOX, **params):
    response = client.get("/activities/map/data.json", {"bbox": bbox, **params})
    return response, json.loads(response.content)


def titles(payload) -> set[str]:
    return {point["title"] for point in payload["points"]}


def many_activities(region, host, count, *, latitude=35.40, longitude=127.38, step=0.0005):
    """Bulk-created published activities spread over a grid (fast enough for hundreds)."""
    start = timezone.now() + timedelta(days=3)
    Activity.objects.bulk_create(
        Activity(
            kind=Activity.Kind.GATHERING,
            title=f"대량 모임 {n}",
            description="설명",
            region=region,
            place_name=f"장소 {n}",
            latitude=latitude + (n % 20) * step,
            longitude=longitude + (n // 20) * step,
            starts_at=start + timedelta(minutes=n),
            ends_at=start + timedelta(minutes=n, hours=2),
            host=host,
            status=Activity.Status.PUBLISHED,
        )
        for n in range(count)
    )


def test_map_data_answers_for_the_box_grown_to_whole_tiles_of_its_zoom(client, city):
    ActivityFactory(region=city, title="요천 안", latitude=35.405, longitude=127.385)
    ActivityFactory(
        region=city, title="광한루 (상자 밖, 같은 타일)", latitude=35.403, longitude=127.3795
    )
    ActivityFactory(region=city, title="인월 (먼 곳)", latitude=35.45, longitude=127.61)

    response, payload = map_data(client, SMALL_BOX, zoom=13)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    # A zoom-13 tile spans 360 / 2^13 = 0.0439453125 degrees; the box grows to whole tiles.
    assert payload["bbox"] == [35.3759765625, 127.353515625, 35.419921875, 127.3974609375]
    assert payload["mode"] == "points"
    assert titles(payload) == {"요천 안", "광한루 (상자 밖, 같은 타일)"}
    point = next(point for point in payload["points"] if point["title"] == "요천 안")
    assert point["lat"] == 35.405 and point["lng"] == 127.385
    assert point["place_name"] == "요천 생태공원 입구"
    assert point["url"] == f"/activities/{point['id']}/"
    assert point["kind"] == "gathering" and point["kind_label"] == "모임"

    # Zoomed right in, a tile is about 70 m wide: the one just outside is left out.
    _, close = map_data(client, SMALL_BOX, zoom=19)
    assert titles(close) == {"요천 안"}
    south, west, north, east = close["bbox"]
    assert south <= 35.40 and west <= 127.38 and north >= 35.41 and east >= 127.39
    assert west > 127.3795


def test_each_point_says_when_in_the_visitors_language(client, city, settings):
    seoul = ZoneInfo("Asia/Seoul")
    starts = datetime(2030, 5, 19, 19, 37, tzinfo=seoul)
    ActivityFactory(region=city, title="저녁 산책", starts_at=starts, kind="performance")
    ActivityFactory(region=city, title="아침 산책", starts_at=starts.replace(hour=9, minute=5))

    points = map_data(client, SMALL_BOX)[1]["points"]
    assert [(p["when"], p["kind_label"]) for p in points] == [
        ("2030년 5월 19일 9:05 오전", "모임"),
        ("2030년 5월 19일 7:37 오후", "공연"),
    ]
    assert points[1]["starts_at"] == "2030-05-19T19:37:00+09:00"

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    points = map_data(client, SMALL_BOX)[1]["points"]
    assert [(p["when"], p["kind_label"]) for p in points] == [
        ("May 19, 2030, 9:05 a.m.", "Gathering"),
        ("May 19, 2030, 7:37 p.m.", "Performance"),
    ]


def test_map_data_never_shows_drafts_cancelled_online_only_or_past_activities(
    client, city, resident
):
    ActivityFactory(region=city, title="게시됨")
    ActivityFactory(region=city, title="임시 저장", status=Activity.Status.DRAFT, host=resident)
    ActivityFactory(region=city, title="취소됨", status=Activity.Status.CANCELLED)
    ActivityFactory(region=city, title="온라인", is_online=True, latitude=None, longitude=None)
    ActivityFactory(region=city, title="온라인과 회관에서", is_online=True)
    ActivityFactory(region=city, title="지난 모임", starts_at=timezone.now() - timedelta(days=10))
    client.force_login(resident)  # not even the draft's own host sees it on the map

    _, payload = map_data(client)

    assert titles(payload) == {"게시됨", "온라인과 회관에서"}


def test_map_data_shows_past_activities_when_the_filter_asks(client, city):
    ActivityFactory(region=city, title="다가오는 모임")
    ActivityFactory(region=city, title="지난 모임", starts_at=timezone.now() - timedelta(days=10))

    _, payload = map_data(client, when="past")

    assert titles(payload) == {"지난 모임"}


def test_map_data_applies_the_list_filters(client, city, topics):
    ActivityFactory(region=city, title="음악 공연", kind="performance", topics=[topics[1]])
    ActivityFactory(region=city, title="유료 강좌", kind="class", fee=10000)
    ActivityFactory(region=city, title="무료 모임")

    assert titles(map_data(client, kind="performance")[1]) == {"음악 공연"}
    assert titles(map_data(client, topic="music")[1]) == {"음악 공연"}
    assert titles(map_data(client, free="on")[1]) == {"음악 공연", "무료 모임"}


def test_map_data_follows_the_region_filter(client, city):
    other_city = RegionFactory(
        name="순창군",
        slug="sunchang",
        latitude=35.37,
        longitude=127.14,
        bound_south=35.30,
        bound_west=127.00,
        bound_north=35.50,
        bound_east=127.25,
    )
    ActivityFactory(region=city, title="남원 모임", latitude=35.40, longitude=127.22)
    ActivityFactory(region=other_city, title="순창 모임", latitude=35.40, longitude=127.21)
    box = "35.3,127.1,35.5,127.3"

    assert titles(map_data(client, box)[1]) == {"남원 모임"}  # the city being looked at
    assert titles(map_data(client, box, region="sunchang")[1]) == {"순창 모임"}
    assert titles(map_data(client, box, region="")[1]) == {"남원 모임", "순창 모임"}


def test_map_data_clusters_on_the_server_above_the_threshold(client, city):
    host = UserFactory()
    many_activities(city, host, CLUSTER_THRESHOLD + 40)
    ActivityFactory(region=city, title="상자 밖", latitude=35.55, longitude=127.60)

    response, payload = map_data(client, "35.39,127.37,35.42,127.40", zoom=12)

    assert response.status_code == 200
    assert payload["mode"] == "clusters"
    assert payload["total"] == CLUSTER_THRESHOLD + 40
    assert sum(cluster["count"] for cluster in payload["clusters"]) == CLUSTER_THRESHOLD + 40
    assert "points" not in payload
    for cluster in payload["clusters"]:
        south, west, north, east = cluster["bounds"]
        assert south <= cluster["lat"] <= north and west <= cluster["lng"] <= east


def test_clusters_are_finer_when_zoomed_in(client, city):
    many_activities(city, UserFactory(), CLUSTER_THRESHOLD + 40, step=0.002)
    box = "35.39,127.37,35.45,127.43"

    coarse = map_data(client, box, zoom=8)[1]["clusters"]
    fine = map_data(client, box, zoom=16)[1]["clusters"]

    assert len(coarse) < len(fine)
    assert sum(c["count"] for c in coarse) == sum(c["count"] for c in fine)


def test_a_box_just_at_the_threshold_still_gets_points(client, city):
    many_activities(city, UserFactory(), CLUSTER_THRESHOLD)

    _, payload = map_data(client)

    assert payload["mode"] == "points"
    assert len(payload["points"]) == CLUSTER_THRESHOLD


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bbox": ""}, "남,서,북,동"),
        ({"bbox": "35.3,127.2,35.5"}, "숫자 네 개"),
        ({"bbox": "35.3,127.2,35.5,127.6,1"}, "숫자 네 개"),
        ({"bbox": "남,서,북,동"}, "숫자가 아닌"),
        ({"bbox": "nan,127.2,35.5,127.6"}, "숫자가 아닌"),
        ({"bbox": "35.3,127.2,inf,127.6"}, "숫자가 아닌"),
        ({"bbox": "35.5,127.2,35.3,127.6"}, "남쪽이 북쪽보다"),
        ({"bbox": "35.3,127.6,35.5,127.2"}, "남쪽이 북쪽보다"),
        ({"bbox": "-95,127.2,35.5,127.6"}, "지구 밖"),
        ({"bbox": "35.3,127.2,35.5,190"}, "지구 밖"),
        ({"bbox": "<script>alert(1)</script>"}, "숫자"),
        ({"bbox": NAMWON_BOX, "zoom": "크게"}, "확대 수준"),
        ({"bbox": NAMWON_BOX, "zoom": "25"}, "확대 수준"),
    ],
)
def test_a_bad_box_or_zoom_is_answered_with_400_and_a_korean_message(client, city, params, message):
    response = client.get("/activities/map/data.json", params)

    assert response.status_code == 400
    assert message in json.loads(response.content)["error"]


def test_map_data_without_a_box_is_400(client, city):
    response = client.get("/activities/map/data.json")

    assert response.status_code == 400
    assert "bbox" in json.loads(response.content)["error"]


def test_map_data_only_answers_get(client, city):
    assert client.post("/activities/map/data.json?bbox=" + NAMWON_BOX).status_code == 405


def test_map_data_runs_a_fixed_number_of_queries(client, city, django_assert_max_num_queries):
    ActivityFactory.create_batch(3, region=city)
    with django_assert_max_num_queries(5):
        assert map_data(client)[1]["mode"] == "points"

    many_activities(city, UserFactory(), CLUSTER_THRESHOLD + 200)
    with django_assert_max_num_queries(6):  # the capped point query, then one grouped query
        assert map_data(client)[1]["mode"] == "clusters"


# --- the cache -----------------------------------------------------------------------------


@pytest.fixture
def map_cache(settings):
    """The map data cache as in production (the tests otherwise run with it off)."""
    settings.SOTONG_MAP_CACHE_SECONDS = 30
    cache.clear()
    yield
    cache.clear()


CACHED = "X-Sotong-Map-Cache"


def test_with_the_cache_on_the_second_identical_request_runs_no_query(
    client, city, map_cache, django_assert_num_queries
):
    ActivityFactory(region=city, title="요천 안", latitude=35.405, longitude=127.385)
    first = client.get("/activities/map/data.json", {"bbox": SMALL_BOX, "zoom": 13})
    assert first[CACHED] == "miss"

    with django_assert_num_queries(0):
        second = client.get("/activities/map/data.json", {"bbox": SMALL_BOX, "zoom": 13})

    assert second[CACHED] == "hit"
    assert second["Content-Type"] == "application/json"
    assert second.content == first.content
    assert titles(json.loads(second.content)) == {"요천 안"}


def test_viewports_inside_the_same_tiles_share_one_answer(
    client, city, map_cache, django_assert_num_queries
):
    ActivityFactory(region=city, title="요천 안", latitude=35.405, longitude=127.385)
    # Both inside the zoom-13 tile 35.3760–35.4199 × 127.3535–127.3975.
    _, first = map_data(client, "35.40,127.36,35.41,127.37", zoom=13)

    with django_assert_num_queries(0):
        response, second = map_data(client, "35.3801,127.3601,35.4150,127.3950", zoom=13)

    assert response[CACHED] == "hit"
    assert second == first
    assert titles(second) == {"요천 안"}
    # Another zoom is another grid, and another answer.
    assert map_data(client, "35.40,127.36,35.41,127.37", zoom=14)[0][CACHED] == "miss"


def test_a_box_across_a_tile_line_gets_the_points_on_both_sides(client, city, map_cache):
    # 35.419921875 is a zoom-13 tile line (806 × 0.0439453125).
    ActivityFactory(region=city, title="선 남쪽", latitude=35.4150, longitude=127.385)
    ActivityFactory(region=city, title="선 북쪽", latitude=35.4250, longitude=127.385)
    ActivityFactory(region=city, title="먼 북쪽", latitude=35.4700, longitude=127.385)

    response, payload = map_data(client, "35.41,127.38,35.43,127.39", zoom=13)

    assert response[CACHED] == "miss"
    assert payload["bbox"][0] < 35.419921875 < payload["bbox"][2]
    assert titles(payload) == {"선 남쪽", "선 북쪽"}
    # Each side alone is another entry, which still holds its own point.
    assert titles(map_data(client, "35.41,127.38,35.418,127.39", zoom=13)[1]) == {"선 남쪽"}
    assert titles(map_data(client, "35.421,127.38,35.43,127.39", zoom=13)[1]) == {"선 북쪽"}


def test_a_change_shows_on_the_cached_map_within_the_cache_lifetime(client, city, map_cache):
    with freeze_time(timezone.now()) as clock:
        ActivityFactory(region=city, title="요천 안", latitude=35.405, longitude=127.385)
        assert titles(map_data(client, SMALL_BOX, zoom=13)[1]) == {"요천 안"}
        ActivityFactory(region=city, title="새 모임", latitude=35.406, longitude=127.386)
        Activity.objects.filter(title="요천 안").update(status=Activity.Status.CANCELLED)

        clock.tick(29)
        assert titles(map_data(client, SMALL_BOX, zoom=13)[1]) == {"요천 안"}  # still the copy

        clock.tick(2)
        response, payload = map_data(client, SMALL_BOX, zoom=13)
        assert response[CACHED] == "miss"
        assert titles(payload) == {"새 모임"}


def test_the_page_cache_keeps_no_aged_copy_on_top_of_the_map_cache(
    client, city, map_cache, settings
):
    settings.SOTONG_PAGE_CACHE_SECONDS = 30  # as the run command serves
    page_cache = "X-Sotong-Page-Cache"
    box_a, box_b = "35.40,127.38,35.41,127.39", "35.401,127.381,35.409,127.389"  # same tiles
    with freeze_time(timezone.now()) as clock:
        ActivityFactory(region=city, title="요천 안", latitude=35.405, longitude=127.385)
        first = client.get("/activities/map/data.json", {"bbox": box_a, "zoom": 13})
        assert first[CACHED] == "miss" and first[page_cache] == "miss"  # fresh: both keep it
        ActivityFactory(region=city, title="새 모임", latitude=35.406, longitude=127.386)

        clock.tick(20)
        for _ in range(2):  # 20 s old: the page cache is told not to keep it for 30 s more
            aged = client.get("/activities/map/data.json", {"bbox": box_b, "zoom": 13})
            assert aged[CACHED] == "hit" and aged["Cache-Control"] == "no-cache"
            assert page_cache not in aged
            assert titles(json.loads(aged.content)) == {"요천 안"}

        clock.tick(11)  # 31 s after the answer was drawn, the change shows at either address
        assert titles(map_data(client, box_b, zoom=13)[1]) == {"요천 안", "새 모임"}
        assert titles(map_data(client, box_a, zoom=13)[1]) == {"요천 안", "새 모임"}


def test_with_the_cache_off_as_in_the_tests_a_change_shows_at_once(client, city, settings):
    assert settings.SOTONG_MAP_CACHE_SECONDS == 0
    ActivityFactory(region=city, title="요천 안", latitude=35.405, longitude=127.385)
    response, payload = map_data(client, SMALL_BOX, zoom=13)
    assert CACHED not in response and titles(payload) == {"요천 안"}

    ActivityFactory(region=city, title="새 모임", latitude=35.406, longitude=127.386)

    assert titles(map_data(client, SMALL_BOX, zoom=13)[1]) == {"요천 안", "새 모임"}


def test_a_hosts_draft_never_reaches_the_shared_answer(client, city, resident, map_cache):
    ActivityFactory(region=city, title="게시됨", latitude=35.405, longitude=127.385)
    ActivityFactory(
        region=city, title="임시 저장", status=Activity.Status.DRAFT, host=resident, latitude=35.405
    )
    host = Client()
    host.force_login(resident)
    # The map page names its region in the data address, so both ask for the same entry.
    assert titles(map_data(host, SMALL_BOX, zoom=13, region="namwon")[1]) == {"게시됨"}

    response, payload = map_data(client, SMALL_BOX, zoom=13, region="namwon")

    assert response[CACHED] == "hit"
    assert titles(payload) == {"게시됨"}
    assert "host_contact" not in response.content.decode()


def test_the_cache_keeps_each_language_and_region_apart(client, city, map_cache):
    other_city = RegionFactory(
        name="순창군",
        slug="sunchang",
        latitude=35.37,
        longitude=127.14,
        bound_south=35.30,
        bound_west=127.00,
        bound_north=35.50,
        bound_east=127.25,
    )
    ActivityFactory(region=city, title="남원 모임", latitude=35.40, longitude=127.22)
    ActivityFactory(region=other_city, title="순창 모임", latitude=35.40, longitude=127.21)
    box = "35.3,127.1,35.5,127.3"
    assert titles(map_data(client, box)[1]) == {"남원 모임"}  # the first city, by default

    chose_sunchang = Client()
    assert chose_sunchang.get("/regions/sunchang/").status_code == 200  # kept in the session
    assert titles(map_data(chose_sunchang, box)[1]) == {"순창 모임"}
    assert titles(map_data(chose_sunchang, box, region="namwon")[1]) == {"남원 모임"}
    assert titles(map_data(client, box, region="")[1]) == {"남원 모임", "순창 모임"}

    english = Client()
    assert english.post("/language/", {"language": "en", "next": "/"}).status_code == 302
    response, payload = map_data(english, box)
    assert response[CACHED] == "miss"
    assert payload["points"][0]["kind_label"] == "Gathering"
    assert map_data(client, box)[1]["points"][0]["kind_label"] == "모임"


# --- the page ------------------------------------------------------------------------------


def test_map_page_shows_the_same_activities_as_a_list_without_javascript(client, city):
    ActivityFactory(
        region=city,
        title="광한루 달빛 공연",
        kind="performance",
        place_name="광한루원 완월정",
        address="전북특별자치도 남원시 요천로 1447",
    )
    ActivityFactory(region=city, title="온라인 강좌", is_online=True, latitude=None, longitude=None)
    ActivityFactory(region=city, title="임시 저장", status=Activity.Status.DRAFT)

    response = client.get("/activities/map/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1>활동 지도</h1>" in html
    assert "광한루 달빛 공연" in html
    assert "광한루원 완월정" in html and "전북특별자치도 남원시 요천로 1447" in html
    assert "온라인 강좌" not in html  # nothing to put on a map; the list view has it
    assert "임시 저장" not in html
    assert "지도에 표시되는 활동 1개" in html
    assert 'aria-label="활동 지도: 화살표 키로' in html
    assert 'href="#map-list-heading"' in html  # the map can be skipped
    assert "<noscript>" in html
    assert 'id="map-near-me" hidden' in html  # the button only appears with JavaScript
    config = json.loads(
        html.split('id="activity-map-config" type="application/json">')[1].split("</script>")[0]
    )
    assert config["dataUrl"].startswith("/activities/map/data.json?")
    assert config["bounds"] == [35.28, 127.20, 35.58, 127.65]
    assert config["tileUrl"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "남원시 중심" in config["messages"]["fallback"]


def test_map_page_carries_the_filters_to_the_data_and_the_other_views(client, city):
    ActivityFactory(region=city, title="공연", kind="performance")
    ActivityFactory(region=city, title="모임", kind="gathering")

    response = client.get("/activities/map/?kind=performance&page=1")
    html = response.content.decode()

    assert [a.title for a in response.context["activities"]] == ["공연"]
    assert (
        response.context["map_config"]["dataUrl"]
        == "/activities/map/data.json?kind=performance&region=namwon&"
    )
    assert 'href="/activities/?kind=performance"' in html
    assert 'href="/activities/calendar/?kind=performance"' in html
    assert 'aria-current="page">지도</a>' in html


def test_map_page_uses_the_tile_server_from_the_settings(client, city, settings):
    settings.MAP_TILE_URL = "https://tiles.example.kr/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "&copy; 예시 지도"

    config = client.get("/activities/map/").context["map_config"]

    assert config["tileUrl"] == "https://tiles.example.kr/{z}/{x}/{y}.png"
    assert config["tileAttribution"] == "&copy; 예시 지도"


def test_map_page_escapes_titles(client, city):
    ActivityFactory(region=city, title="<script>alert('x')</script> 모임", place_name="<b>회관</b>")

    html = client.get("/activities/map/").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert "<b>회관</b>" not in html


def test_map_page_loads_vendored_leaflet(client, city):
    html = client.get("/activities/map/").content.decode()

    assert "/static/vendor/leaflet/leaflet.js" in html
    assert "/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in html
    assert "/static/activities/map.js" in html


def test_list_page_links_to_the_map_and_the_calendar_keeping_the_filters(client, city):
    html = client.get("/activities/?kind=class&free=on&page=2").content.decode()

    assert 'href="/activities/map/?kind=class&amp;free=on"' in html
    assert 'href="/activities/calendar/?kind=class&amp;free=on"' in html
    assert 'aria-current="page">목록</a>' in html


def test_map_page_runs_a_fixed_number_of_queries(client, city, django_assert_max_num_queries):
    ActivityFactory.create_batch(2, region=city)
    with django_assert_max_num_queries(8) as small:
        client.get("/activities/map/")
    many_activities(city, UserFactory(), 60)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/activities/map/")
    assert len(response.context["activities"]) == 20


def test_points_come_in_start_order_though_the_probe_is_unordered(client, city):
    start = timezone.now() + timedelta(days=2)
    for hours in (30, 10, 20, 0):  # created out of order
        ActivityFactory(
            region=city, title=f"{hours}시간 뒤", starts_at=start + timedelta(hours=hours)
        )

    payload = map_data(client)[1]

    assert [point["title"] for point in payload["points"]] == [
        "0시간 뒤",
        "10시간 뒤",
        "20시간 뒤",
        "30시간 뒤",
    ]


def test_the_probe_for_too_many_points_is_not_sorted(client, city):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ActivityFactory.create_batch(3, region=city)
    with CaptureQueriesContext(connection) as queries:
        map_data(client)

    probe = next(q["sql"] for q in queries if f"LIMIT {CLUSTER_THRESHOLD + 1}" in q["sql"])
    assert "ORDER BY" not in probe
