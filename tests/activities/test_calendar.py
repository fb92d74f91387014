"""/activities/calendar/: a month grid and a week view in Seoul time, with an agenda list."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from sotong.activities.models import Activity
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def seoul(year, month, day, hour=10, minute=0) -> datetime:
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def day_titles(response, day) -> list[str]:
    """The titles the month grid shows in the cell of this date (the 1st is day 1)."""
    for week in response.context["weeks"]:
        for cell in week["days"]:
            if cell["date"] == day and cell["in_month"]:
                return [activity.title for activity in cell["activities"]]
    raise AssertionError(f"{day} is not in the grid")


def test_a_month_lists_each_activity_on_its_day_with_its_time(client, city):
    ActivityFactory(region=city, title="요천 걷기", starts_at=seoul(2030, 5, 14, 9, 30))
    ActivityFactory(region=city, title="광한루 음악회", starts_at=seoul(2030, 5, 14, 19))
    ActivityFactory(region=city, title="6월 모임", starts_at=seoul(2030, 6, 2))

    response = client.get("/activities/calendar/?month=2030-05")
    html = response.content.decode()

    assert response.status_code == 200
    assert day_titles(response, seoul(2030, 5, 14).date()) == ["요천 걷기", "광한루 음악회"]
    assert "09:30</time> 요천 걷기" in html
    assert "6월 모임" not in html
    assert '<h2 id="calendar-heading">2030년 5월</h2>' in html
    assert "이 달의 활동 2개" in html


def test_the_calendar_is_a_table_with_caption_and_headers_plus_an_agenda(client, city):
    ActivityFactory(region=city, title="요천 걷기", starts_at=seoul(2030, 5, 14))

    html = client.get("/activities/calendar/?month=2030-05").content.decode()

    assert "<caption>2030년 5월 활동 달력." in html
    assert html.count('scope="col"') == 8  # the week column and seven days
    assert '<th scope="col">월</th>' in html and '<th scope="col">일</th>' in html
    assert 'aria-labelledby="agenda-heading"' in html
    agenda = html.split('id="agenda-heading"')[1]
    assert "5월 14일 (화)" in agenda and "요천 걷기" in agenda


def test_past_months_show_past_activities(client, city):
    ActivityFactory(region=city, title="지난 봄 모임", starts_at=seoul(2021, 4, 3))

    response = client.get("/activities/calendar/?month=2021-04")

    assert day_titles(response, seoul(2021, 4, 3).date()) == ["지난 봄 모임"]


def test_days_are_seoul_days(client, city):
    # 00:30 on 1 June in Seoul is still 31 May in UTC: it belongs to June.
    ActivityFactory(region=city, title="자정 넘어 모임", starts_at=seoul(2030, 6, 1, 0, 30))

    may = client.get("/activities/calendar/?month=2030-05")
    june = client.get("/activities/calendar/?month=2030-06")

    assert "자정 넘어 모임" not in may.content.decode()
    assert day_titles(june, seoul(2030, 6, 1).date()) == ["자정 넘어 모임"]


def test_an_activity_over_several_days_shows_on_each_of_them(client, city):
    ActivityFactory(
        region=city,
        title="춘향제 전시",
        starts_at=seoul(2030, 5, 30, 10),
        ends_at=seoul(2030, 6, 2, 0, 0),  # ends at midnight: 1 June is its last day
    )

    may = client.get("/activities/calendar/?month=2030-05")
    june = client.get("/activities/calendar/?month=2030-06")

    assert day_titles(may, seoul(2030, 5, 30).date()) == ["춘향제 전시"]
    assert day_titles(may, seoul(2030, 5, 31).date()) == ["춘향제 전시"]
    assert day_titles(june, seoul(2030, 6, 1).date()) == ["춘향제 전시"]
    assert day_titles(june, seoul(2030, 6, 2).date()) == []


def test_the_current_month_is_the_default_and_today_is_marked(client, city):
    today = timezone.localdate()
    ActivityFactory(
        region=city,
        title="오늘 저녁 모임",
        starts_at=timezone.make_aware(datetime(today.year, today.month, today.day, 23, 0)),
    )

    response = client.get("/activities/calendar/")
    html = response.content.decode()

    assert response.context["month_start"] == today.replace(day=1)
    assert html.count('aria-current="date"') == 1
    today_cell = html.split('aria-current="date"')[1].split("</td>")[0]
    assert "오늘" in today_cell  # said in words, not only by colour
    assert "오늘 저녁 모임" in today_cell


def test_previous_and_next_links_keep_the_filters(client, city):
    html = client.get("/activities/calendar/?month=2030-01&kind=class").content.decode()

    assert 'href="?month=2029-12&amp;kind=class" rel="prev"' in html
    assert 'href="?month=2030-02&amp;kind=class" rel="next"' in html
    assert 'href="/activities/map/?kind=class"' in html
    assert 'aria-current="page">달력</a>' in html


def test_the_week_view_shows_seven_days(client, city):
    # ISO week 2030-W20 runs from Monday 13 May to Sunday 19 May 2030.
    ActivityFactory(region=city, title="월요 모임", starts_at=seoul(2030, 5, 13, 18))
    ActivityFactory(region=city, title="일요 공연", starts_at=seoul(2030, 5, 19, 15))
    ActivityFactory(region=city, title="다음 주 모임", starts_at=seoul(2030, 5, 20, 10))

    response = client.get("/activities/calendar/?week=2030-W20")
    html = response.content.decode()

    assert response.status_code == 200
    days = response.context["days"]
    assert [day["date"].day for day in days] == [13, 14, 15, 16, 17, 18, 19]
    assert [a.title for a in days[0]["activities"]] == ["월요 모임"]
    assert [a.title for a in days[6]["activities"]] == ["일요 공연"]
    assert "다음 주 모임" not in html
    assert "<caption>2030년 20주 활동 달력." in html
    assert 'href="?week=2030-W19" rel="prev"' in html
    assert 'href="?week=2030-W21" rel="next"' in html


def test_month_rows_link_to_their_week(client, city):
    html = client.get("/activities/calendar/?month=2030-05").content.decode()

    assert 'href="?week=2030-W20"' in html


def test_the_calendar_applies_the_list_filters(client, city, topics):
    ActivityFactory(region=city, title="음악 공연", kind="performance", starts_at=seoul(2030, 5, 3))
    ActivityFactory(region=city, title="키즈 모임", topics=[topics[0]], starts_at=seoul(2030, 5, 3))

    performances = client.get("/activities/calendar/?month=2030-05&kind=performance")
    kids = client.get("/activities/calendar/?month=2030-05&topic=kids")

    assert day_titles(performances, seoul(2030, 5, 3).date()) == ["음악 공연"]
    assert day_titles(kids, seoul(2030, 5, 3).date()) == ["키즈 모임"]


def test_drafts_and_cancelled_activities_never_appear(client, city, resident, second_resident):
    ActivityFactory(region=city, title="게시됨", starts_at=seoul(2030, 5, 3))
    ActivityFactory(
        region=city,
        title="남의 임시 저장",
        status="draft",
        host=second_resident,
        starts_at=seoul(2030, 5, 3),
    )
    ActivityFactory(
        region=city,
        title="내 임시 저장",
        status="draft",
        host=resident,
        starts_at=seoul(2030, 5, 3),
    )
    ActivityFactory(
        region=city, title="취소됨", status=Activity.Status.CANCELLED, starts_at=seoul(2030, 5, 3)
    )
    client.force_login(resident)

    response = client.get("/activities/calendar/?month=2030-05")

    assert day_titles(response, seoul(2030, 5, 3).date()) == ["게시됨"]


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("month=2030-13", "2030-13"),
        ("month=2030-00", "2030-00"),
        ("month=5월", "5월"),
        ("month=1899-01", "1899-01"),
        ("month=", ""),
        ("month=<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"),
        ("week=2030-W60", "2030-W60"),
        ("week=2030-W00", "2030-W00"),
        ("week=2021-W53", "2021-W53"),  # 2021 has 52 ISO weeks
        ("week=다음주", "다음주"),
    ],
)
def test_a_bad_month_or_week_shows_a_korean_message_and_this_month(client, city, query, shown):
    response = client.get(f"/activities/calendar/?{query}")
    html = response.content.decode()

    assert response.status_code == 200
    assert response.context["view"] == "month"
    assert response.context["month_start"] == timezone.localdate().replace(day=1)
    assert f"‘{shown}’은(는) 알 수 없는" in html
    assert "이번 달을 보여 드립니다." in html
    assert "<script>x" not in html


def test_an_overlong_parameter_is_cut_in_the_message(client, city):
    html = client.get("/activities/calendar/?month=" + "9" * 5000).content.decode()
    main = html.split("<main")[1].split("</main>")[0]

    assert "9" * 21 not in main
    assert "이번 달을 보여 드립니다." in html


def test_the_calendar_page_works_without_javascript(client, city):
    html = client.get("/activities/calendar/").content.decode()

    assert "<script" not in html.split("</footer>")[0].split("<main")[1]
    assert "날짜별 활동 목록" in html


def test_the_calendar_runs_a_fixed_number_of_queries(client, city, django_assert_max_num_queries):
    ActivityFactory(region=city, starts_at=seoul(2030, 5, 3))
    with django_assert_max_num_queries(8) as few:
        client.get("/activities/calendar/?month=2030-05")
    for day in range(1, 29):
        ActivityFactory.create_batch(2, region=city, starts_at=seoul(2030, 5, day, 9 + day % 10))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/activities/calendar/?month=2030-05")
    assert response.context["activity_count"] == 57
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/activities/calendar/?week=2030-W20")


def test_a_busy_day_shows_three_and_links_to_the_rest(client, city):
    for hour in range(9, 16):  # seven activities on 14 May
        ActivityFactory(region=city, title=f"{hour}시 모임", starts_at=seoul(2030, 5, 14, hour))

    response = client.get("/activities/calendar/?month=2030-05&kind=gathering")
    html = response.content.decode()

    assert day_titles(response, seoul(2030, 5, 14).date()) == ["9시 모임", "10시 모임", "11시 모임"]
    assert "외 4건" in html
    assert "5월 14일 활동 모두 보기" in html
    more = "/activities/?kind=gathering&amp;date_from=2030-05-14&amp;date_to=2030-05-14"
    assert f'href="{more}"' in html
    assert "이 달의 활동 7개" in html
    listed = client.get(more.replace("&amp;", "&"))
    assert len(listed.context["activities"]) == 7


def test_the_rest_of_a_past_day_links_to_the_past_list(client, city):
    day = timezone.localdate() - timedelta(days=3)
    for hour in range(9, 14):
        ActivityFactory(region=city, starts_at=seoul(day.year, day.month, day.day, hour))

    html = client.get(f"/activities/calendar/?month={day:%Y-%m}").content.decode()

    more = f"/activities/?when=past&amp;date_from={day}&amp;date_to={day}"
    assert f'href="{more}"' in html
    assert len(client.get(more.replace("&amp;", "&")).context["activities"]) == 5


def test_a_week_shows_eight_a_day(client, city):
    for minute in range(0, 50, 5):  # ten on Monday 13 May 2030 (week 20)
        ActivityFactory(region=city, starts_at=seoul(2030, 5, 13, 10, minute))

    response = client.get("/activities/calendar/?week=2030-W20")

    monday = response.context["days"][0]
    assert len(monday["activities"]) == 8 and monday["more"] == 2
    assert "외 2건" in response.content.decode()


def test_a_month_page_stays_small_however_busy(client, city):
    ActivityFactory(region=city, starts_at=seoul(2030, 5, 3))
    quiet = len(client.get("/activities/calendar/?month=2030-05").content)
    for day in range(1, 32):
        ActivityFactory.create_batch(6, region=city, starts_at=seoul(2030, 5, day, 12))

    busy = len(client.get("/activities/calendar/?month=2030-05").content)

    # 186 activities, but only 3 a day drawn (twice: grid and agenda)
    assert busy < quiet + 31 * 3 * 2 * 400


def test_each_entry_links_to_its_activity_page(client, city):
    walk = ActivityFactory(region=city, title="요천 걷기", starts_at=seoul(2030, 5, 14, 9, 30))

    html = client.get("/activities/calendar/?month=2030-05").content.decode()

    entry = (
        f'<li class="activity-calendar-entry"><a href="/activities/{walk.pk}/">'
        '<time datetime="2030-05-14T09:30:00+09:00">09:30</time> 요천 걷기</a></li>'
    )
    assert html.count(entry) == 2  # in the grid and in the agenda


def test_an_activity_running_on_comes_first_and_counts_on_each_day(client, city):
    for hour in (7, 8, 9):  # three before it on its first day: it is not drawn there
        ActivityFactory(region=city, title=f"13일 {hour}시", starts_at=seoul(2030, 5, 13, hour))
    ActivityFactory(
        region=city,
        title="사흘 전시",
        starts_at=seoul(2030, 5, 13, 10),
        ends_at=seoul(2030, 5, 15, 18),
    )
    for hour in (9, 11, 12):
        ActivityFactory(region=city, title=f"14일 {hour}시", starts_at=seoul(2030, 5, 14, hour))

    response = client.get("/activities/calendar/?month=2030-05&kind=gathering")
    html = response.content.decode()

    assert day_titles(response, seoul(2030, 5, 13).date()) == ["13일 7시", "13일 8시", "13일 9시"]
    assert day_titles(response, seoul(2030, 5, 14).date()) == ["사흘 전시", "14일 9시", "14일 11시"]
    assert day_titles(response, seoul(2030, 5, 15).date()) == ["사흘 전시"]
    more = {
        cell["date"].day: cell["more"]
        for week in response.context["weeks"]
        for cell in week["days"]
        if cell["in_month"]
    }
    assert (more[13], more[14], more[15]) == (1, 1, 0)
    assert "이 달의 활동 7개" in html


def test_an_activity_from_last_month_counts_in_this_one(client, city):
    ActivityFactory(
        region=city,
        title="월말 장터",
        starts_at=seoul(2030, 4, 29, 10),
        ends_at=seoul(2030, 5, 2, 17),
    )
    ActivityFactory(region=city, title="5월 모임", starts_at=seoul(2030, 5, 20))

    response = client.get("/activities/calendar/?month=2030-05")

    assert day_titles(response, seoul(2030, 5, 1).date()) == ["월말 장터"]
    assert day_titles(response, seoul(2030, 5, 2).date()) == ["월말 장터"]
    assert day_titles(response, seoul(2030, 5, 3).date()) == []
    assert response.context["activity_count"] == 2
    assert "이 달의 활동 2개" in response.content.decode()


def test_the_more_link_reads_the_same_in_english(client, city):
    for hour in range(9, 14):
        ActivityFactory(region=city, starts_at=seoul(2030, 5, 14, hour))
    client.cookies["django_language"] = "en"

    html = client.get("/activities/calendar/?month=2030-05").content.decode()

    assert "2 more" in html and "all activities on May 14" in html
