"""Local activities as residents meet them: on a phone, in Korean, through the real pages.

One resident posts an activity and picks its place on the map; a neighbour finds it on the
map and by a filter, joins, and after the day writes a review with a photo."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import re_path
from django.utils import timezone
from django.views.static import serve
from PIL import Image
from playwright.sync_api import expect

from sotong.activities.models import Activity, Review, Rsvp
from sotong.urls import urlpatterns as site_urlpatterns
from tests.activities.factories import ActivityFactory
from tests.browser.conftest import check_page, field, follow, tick, visit
from tests.conftest import PASSWORD

TITLE = "요천 둑길 아침 산책"
PLACE = "요천 생태공원 입구"

# Tests run without DEBUG, so the site serves no uploads; this test's own URL map adds them,
# so a review photo can be seen loading like in the demo.
urlpatterns = [
    *site_urlpatterns,
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]


@pytest.fixture
def uploads_served(settings):
    settings.ROOT_URLCONF = __name__


def local(moment) -> str:
    """A moment as a datetime-local field takes it, in Seoul time."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_resident_posts_an_activity_picked_on_the_map_and_a_neighbour_joins_and_reviews_it(
    open_phone, uploads_served, resident, second_resident, city, topics, tmp_path
):
    kids, music, _agenda = topics
    # Another upcoming activity, so finding by filter has something to leave out; far enough
    # from the city centre not to share a cluster with the new one on the map.
    ActivityFactory(
        title="동충동 그림책 읽기",
        region=city,
        host=second_resident,
        topics=[kids],
        latitude=35.55,
        longitude=127.62,
    )

    # 1. 지민 logs in through the real form and posts an activity, picking the place on the map.
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    jimin = open_phone()
    visit(jimin, "/accounts/login/?next=/activities/new/", "login")
    field(jimin, "이메일").fill(resident.email)
    field(jimin, "비밀번호").fill(PASSWORD)
    follow(
        jimin,
        jimin.get_by_role("main").get_by_role("button", name="로그인"),
        "**/activities/new/",
        "activity-new",
    )
    expect(jimin.get_by_role("heading", level=1)).to_have_text("활동 올리기")

    tick(jimin, "radio", "모임")
    field(jimin, "제목").fill(TITLE)
    field(jimin, "소개").fill(
        "요천 둑길을 함께 걷고 **차 한 잔** 나눕니다. 편한 신발을 신고 오세요."
    )
    tick(jimin, "checkbox", "🎵 음악")
    field(jimin, "지역").select_option(label=city.name)
    field(jimin, "장소 이름").fill(PLACE)

    latitude, longitude = field(jimin, "위도"), field(jimin, "경도")
    expect(latitude).to_have_value("")
    picker = jimin.get_by_role("region", name="장소 고르기 지도")
    expect(picker).to_be_visible()
    picker.scroll_into_view_if_needed()
    box = picker.bounding_box()
    picker.click(position={"x": box["width"] / 2, "y": box["height"] / 2})
    expect(latitude).not_to_have_value("")
    expect(longitude).not_to_have_value("")
    picked = float(latitude.input_value()), float(longitude.input_value())
    south, west, north, east = city.bounds
    assert south <= picked[0] <= north and west <= picked[1] <= east, picked

    starts_at = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    field(jimin, "시작").fill(local(starts_at))
    field(jimin, "끝").fill(local(starts_at + timedelta(hours=2)))
    field(jimin, "정원").fill("12")
    follow(jimin, jimin.get_by_role("button", name="게시하기"), re.compile(r"/activities/\d+/$"))
    expect(jimin.get_by_role("heading", level=1)).to_have_text(TITLE)
    activity = Activity.objects.get(title=TITLE)
    assert activity.host == resident
    assert activity.status == Activity.Status.PUBLISHED
    assert (activity.latitude, activity.longitude) == pytest.approx(picked, abs=1e-6)
    assert activity.starts_at == starts_at
    assert activity.capacity == 12
    assert list(activity.topics.all()) == [music]

    # 2. 서준 finds it on the map (a marker, and the list under the map) and by a filter.
    seojun = open_phone(second_resident)
    visit(seojun, "/activities/map/", "map")
    expect(seojun.locator("#map-status")).not_to_be_empty()
    marker = seojun.get_by_role("button", name=re.compile(rf"^{TITLE}, "))
    expect(marker).to_be_visible()
    marker.click()
    expect(seojun.locator(".leaflet-popup").get_by_role("link", name=TITLE)).to_be_visible()
    check_page(seojun, "map-popup")
    places = seojun.get_by_role("region", name=re.compile("지도에 표시되는 활동"))
    expect(places.get_by_role("link", name=TITLE)).to_be_visible()
    expect(places).to_contain_text(PLACE)

    visit(seojun, "/activities/", "list")
    results = seojun.get_by_role("region", name=re.compile(r"^활동 \d+개$"))
    expect(results.get_by_role("link", name="동충동 그림책 읽기")).to_be_visible()
    filters = seojun.get_by_role("search", name="활동 찾기")
    seojun.get_by_text("조건으로 찾기").click()  # the filters sit in a closed disclosure
    tick(seojun, "checkbox", "🎵 음악")
    follow(seojun, filters.get_by_role("button", name="찾기"), re.compile(r"topic=music"))
    expect(results.get_by_role("heading", level=2)).to_have_text("활동 1개")
    expect(results.get_by_role("link", name="동충동 그림책 읽기")).to_have_count(0)
    follow(seojun, results.get_by_role("link", name=TITLE), f"**/activities/{activity.pk}/")

    follow(seojun, seojun.get_by_role("button", name="참가 신청하기"), label="joined")
    expect(seojun.get_by_role("main")).to_contain_text("참가가 확정되었습니다.")
    expect(seojun.get_by_role("button", name="신청 취소하기")).to_be_visible()
    assert activity.rsvps.get(user=second_resident).status == Rsvp.Status.CONFIRMED

    # 3. 지민 sees 서준 among the participants.
    visit(jimin, f"/activities/{activity.pk}/", "host-detail")
    follow(jimin, jimin.get_by_role("link", name="참가자 명단"), "**/participants/")
    confirmed = jimin.get_by_role("table", name="참가가 확정된 사람과 출석 확인")
    expect(confirmed.get_by_role("rowheader", name=second_resident.nickname)).to_be_visible()
    expect(jimin.get_by_role("heading", name="참가 확정 1명")).to_be_visible()

    # 4. After the day, 서준 writes a review with a photo; it shows on the activity page.
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    photo = tmp_path / "yocheon.png"
    Image.new("RGB", (64, 48), (70, 140, 90)).save(photo)
    visit(seojun, f"/activities/{activity.pk}/", "ended")
    expect(seojun.get_by_role("main")).to_contain_text("끝난 활동입니다.")
    follow(seojun, seojun.get_by_role("link", name="후기 쓰기"), "**/reviews/new/")
    tick(seojun, "radio", "★★★★")
    field(seojun, "후기 내용").fill("아침 공기가 상쾌했어요. 다음에도 함께 걸어요!")
    field(seojun, "사진 (선택)").set_input_files(photo)
    follow(
        seojun,
        seojun.get_by_role("button", name="후기 남기기"),
        re.compile(rf"/activities/{activity.pk}/(#.*)?$"),
        "reviewed",
    )
    review = seojun.get_by_role("article", name=f"{second_resident.nickname}님의 후기")
    expect(review).to_contain_text("아침 공기가 상쾌했어요.")
    expect(review.get_by_label("별점 5점 만점에 4점")).to_be_visible()
    image = review.get_by_role("img", name=f"{second_resident.nickname}님이 올린 후기 사진")
    expect(image).to_be_visible()
    assert image.evaluate("(img) => img.complete && img.naturalWidth") > 0
    saved = Review.objects.get(activity=activity, author=second_resident)
    assert saved.rating == 4
    assert saved.photo


def test_the_calendar_month_and_week_on_a_phone(page, city):
    """On a phone the calendar is its agenda: a busy day shows three and "외 N건", an activity
    running on shows on each of its days, an entry opens its activity; the week view too."""
    day = timezone.localdate() + timedelta(days=10)
    day += timedelta(days=(2 - day.weekday()) % 7)  # a Wednesday: its next day is in its week

    def at(hour: int):
        return timezone.make_aware(timezone.datetime(day.year, day.month, day.day, hour))

    for hour in range(9, 14):
        ActivityFactory(region=city, title=f"{hour}시 마을 모임", starts_at=at(hour))
    ActivityFactory(
        region=city, title="이틀 장터", starts_at=at(8), ends_at=at(8) + timedelta(days=1)
    )

    visit(page, f"/activities/calendar/?week={day:%G-W%V}", "calendar-week")
    agenda = page.get_by_role("region", name="날짜별 활동 목록")
    expect(agenda.get_by_role("link", name="08:00 이틀 장터")).to_have_count(2)
    more = re.compile(r"^외 \d건 · .+ 활동 모두 보기$")
    expect(agenda.get_by_role("link", name=more)).to_have_count(0)  # a week shows eight a day

    visit(page, f"/activities/calendar/?month={day:%Y-%m}", "calendar-month")
    agenda = page.get_by_role("region", name="날짜별 활동 목록")
    expect(agenda.get_by_role("link", name=more).first).to_be_visible()
    follow(page, agenda.get_by_role("link", name="09:00 9시 마을 모임"))
    expect(page.get_by_role("heading", level=1)).to_have_text("9시 마을 모임")


def test_the_map_counts_only_what_is_in_view(page, city):
    ActivityFactory(region=city, title="요천 둑길 모임", latitude=35.405, longitude=127.385)
    answers = []
    page.on("response", lambda response: "map/data" in response.url and answers.append(response))

    visit(page, "/activities/map/", "map")
    status = page.locator("#map-status")
    expect(status).to_have_text("지도에 보이는 곳의 활동 1개")
    assert len(answers) == 1 and "region=namwon" in answers[0].url

    # The answer covers whole map tiles, a little more than the screen: put an activity there,
    # past the screen's widest margin, and have the same view asked for again.
    asked = [float(side) for side in parse_qs(urlsplit(answers[0].url).query)["bbox"][0].split(",")]
    covered = answers[0].json()["bbox"]
    margins = [
        asked[0] - covered[0],
        asked[1] - covered[1],
        covered[2] - asked[2],
        covered[3] - asked[3],
    ]
    widest = margins.index(max(margins))
    point = [(asked[0] + asked[2]) / 2, (asked[1] + asked[3]) / 2]
    point[widest % 2] = (asked[widest] + covered[widest]) / 2
    ActivityFactory(region=city, title="화면 밖 모임", latitude=point[0], longitude=point[1])
    for button in ("zoom-in", "zoom-out"):
        with page.expect_response(lambda response: "map/data" in response.url):
            page.locator(f".leaflet-control-{button}").click()

    assert answers[-1].url == answers[0].url
    assert {p["title"] for p in answers[-1].json()["points"]} == {"요천 둑길 모임", "화면 밖 모임"}
    expect(status).to_have_text("지도에 보이는 곳의 활동 1개")
