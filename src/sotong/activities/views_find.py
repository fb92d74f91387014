"""Finding activities on a map and a calendar, with the list's filters and equivalent lists."""

import calendar as pycalendar
import dataclasses
import hashlib
import json
import re
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q, RowRange, Window
from django.db.models.functions import RowNumber, TruncDate
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_GET

from sotong.activities import map as activity_map
from sotong.activities import selectors
from sotong.activities.forms import ActivityFilterForm
from sotong.core.context_processors import request_current_region, request_region_list
from sotong.core.keyset import keyset_page
from sotong.core.models import KOREA_BOUNDS, Region
from sotong.core.selectors import current_region_key, topics_for

# Parameters that belong to one view only and must not follow the visitor to another view.
VIEW_ONLY_PARAMETERS = ("page", "after", "month", "week", "bbox", "zoom")


@dataclasses.dataclass
class FilterState:
    form: ActivityFilterForm
    filters: selectors.ActivityFilters
    region: Region | None  # the region the filters point at (or the city being looked at)


def _filter_state(request: HttpRequest) -> FilterState:
    """The list page's filters, read exactly as /activities/ reads them."""
    region = request_current_region(request)
    regions = request_region_list(request)
    data = request.GET.copy()
    if "region" not in data and region is not None:
        data["region"] = region.slug  # the city being looked at, unless "모든 지역" was chosen
    form = ActivityFilterForm(data, regions=regions, topics=topics_for(region))
    filters = form.filters()
    chosen = (
        form.regions_by_slug.get(form.cleaned_data.get("region") or "") if filters.regions else None
    )
    return FilterState(form=form, filters=filters, region=chosen)


def _filter_query(request: HttpRequest) -> str:
    query = request.GET.copy()
    for name in VIEW_ONLY_PARAMETERS:
        query.pop(name, None)
    return query.urlencode()


# --- map ---------------------------------------------------------------------------------


@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    state = _filter_state(request)
    located = (
        selectors.activity_list(state.filters)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .prefetch_related(None)
    )
    page = keyset_page(located, request.GET.get("after"), selectors.LIST_PAGE_SIZE)
    region = state.region
    if region is not None:
        bounds = list(region.bounds)
        centre = [region.latitude, region.longitude]
        region_name = region.full_name
    else:
        bounds = [KOREA_BOUNDS[side] for side in ("south", "west", "north", "east")]
        centre = [36.5, 127.8]
        region_name = _("한국")
    # The data is asked for the region this page was drawn for, named in the address: the
    # markers match the list below even if the visitor switches region elsewhere, and the
    # answer is cached by the address alone (sotong.activities.views_find.map_data).
    data_query = QueryDict(_filter_query(request), mutable=True)
    if "region" not in data_query and "region" in state.form.data:
        data_query["region"] = state.form.data["region"]
    query = data_query.urlencode()
    config = {
        "dataUrl": reverse("activities:map_data") + (f"?{query}&" if query else "?"),
        "tileUrl": settings.MAP_TILE_URL,
        "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
        "bounds": bounds,
        "centre": centre,
        "korea": [KOREA_BOUNDS[side] for side in ("south", "west", "north", "east")],
        "messages": {
            "loading": _("지도에 활동을 불러오는 중입니다…"),
            "loaded": _("지도에 보이는 곳의 활동 %(count)s개"),
            "failed": _("지도 정보를 불러오지 못했습니다. 아래 목록을 이용해 주세요."),
            "clusters": _(
                "활동이 많아 %(count)s개를 구역별로 묶어 보여 줍니다. 눌러서 확대하세요."
            ),
            "cluster": _("활동 %(count)s개 · 눌러서 확대"),
            "locating": _("현재 위치를 찾는 중입니다…"),
            "located": _("현재 위치 주변을 보여 줍니다."),
            "fallback": _(
                "현재 위치를 알 수 없어 %(region)s 중심을 보여 줍니다. "
                "브라우저의 위치 권한을 확인해 주세요."
            )
            % {"region": region_name},
            "outside": _("현재 위치가 한국 밖이라 %(region)s 중심을 보여 줍니다.")
            % {"region": region_name},
            "details": _("자세히 보기"),
            "online": _("온라인"),
        },
    }
    return render(
        request,
        "activities/map.html",
        {
            "filter_form": state.form,
            "filters": state.filters,
            "page_obj": page,
            "activities": page.items,
            "map_config": config,
            "region_name": region_name,
            "is_past": state.filters.when == "past",
        },
    )


MAP_CACHE_HEADER = "X-Sotong-Map-Cache"


def _map_data_key(request: HttpRequest, box: activity_map.BBox, zoom: int) -> str:
    """Everything the answer depends on: the snapped box, the zoom, the filters as written, the
    language (labels and dates), and, when the address names no region, what decides the
    region being looked at. Nothing else: the data holds published activities only, the same
    for everybody (no drafts, nothing private)."""
    query = request.GET.copy()
    for name in VIEW_ONLY_PARAMETERS:
        query.pop(name, None)
    seen_from = "" if "region" in query else current_region_key(request)
    where = repr((box.south, box.west, box.north, box.east))
    parts = (translation.get_language(), str(zoom), where, query.urlencode(), seen_from)
    return "sotong:map:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


@require_GET
def map_data(request: HttpRequest) -> HttpResponse:
    """Points or clusters for the box grown to whole tiles of its zoom (a little more than
    asked, which the map does not mind), so viewports in the same tiles share one answer.

    Cached for SOTONG_MAP_CACHE_SECONDS (30 s in production, like the page cache; 0 in the
    tests, so they see every change at once). Entries are never cleared, only expire: a new,
    cancelled or edited activity shows on everybody's map within that many seconds at most.
    An answer taken from this cache says `Cache-Control: no-cache`, so the anonymous page cache
    (which keeps JSON too, by exact address) does not hold an aged copy for its own 30 s on
    top; a freshly drawn answer it may keep, which ages no more than this cache's.
    """
    try:
        bbox = activity_map.parse_bbox(request.GET.get("bbox"))
        zoom = activity_map.parse_zoom(request.GET.get("zoom"))
    except ValidationError as error:
        return JsonResponse(
            {"error": error.messages[0]}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    box = activity_map.snap_bbox(bbox, zoom)
    seconds = settings.SOTONG_MAP_CACHE_SECONDS
    key = _map_data_key(request, box, zoom) if seconds > 0 else ""
    if key:
        body = cache.get(key)
        if body is not None:
            return _map_answer(body, "hit")
    state = _filter_state(request)
    data = activity_map.map_data(state.filters, box, zoom)
    data["bbox"] = [box.south, box.west, box.north, box.east]  # the area the answer covers
    body = json.dumps(data, ensure_ascii=False).encode()
    if key:
        cache.set(key, body, seconds)
    return _map_answer(body, "miss" if key else "")


def _map_answer(body: bytes, cached: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/json")
    if cached:
        response[MAP_CACHE_HEADER] = cached
    if cached == "hit":
        response["Cache-Control"] = "no-cache"
    return response


# --- calendar ----------------------------------------------------------------------------

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
WEEKDAY_NAMES = (
    pgettext_lazy("weekday", "월"),
    pgettext_lazy("weekday", "화"),
    pgettext_lazy("weekday", "수"),
    pgettext_lazy("weekday", "목"),
    pgettext_lazy("weekday", "금"),
    pgettext_lazy("weekday", "토"),
    pgettext_lazy("weekday", "일"),
)


def _parse_month(raw: str) -> date | None:
    match = MONTH_PATTERN.match(raw)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def _parse_week(raw: str) -> date | None:
    """The Monday of an ISO week such as 2026-W49."""
    match = WEEK_PATTERN.match(raw)
    if not match or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        return None
    try:
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None


def _week_label(monday: date) -> str:
    year, week, _weekday = monday.isocalendar()
    return f"{year}-W{week:02d}"


# A month cell shows this many activities and "외 N건" for the rest, linking to that day's list,
# so a busy month costs the same to draw as a quiet one. A week has room for more.
SHOWN_PER_DAY_IN_MONTH = 3
SHOWN_PER_DAY_IN_WEEK = 8


@dataclasses.dataclass(frozen=True, slots=True)
class CalendarEntry:
    """What a calendar cell draws of an activity, worked out once in Python: the local start
    as the <time> element wants it and the page's address, without a reverse() each."""

    pk: int
    title: str
    url: str
    starts_at: datetime  # in local time
    datetime: str  # ISO 8601, as the date filter's 'c' writes it
    time: str  # 09:30


@dataclasses.dataclass
class CalendarDays:
    shown: dict[date, list[CalendarEntry]]  # each day's first activities, in start order
    totals: dict[date, int]  # how many activities touch each day
    activity_count: int  # distinct activities in the period


def _detail_url_maker():
    """/activities/<id>/ for any id, from one reverse() with a sentinel id."""
    sentinel = 987654321
    head, tail = reverse("activities:detail", kwargs={"activity_id": sentinel}).split(str(sentinel))
    return lambda pk: f"{head}{pk}{tail}"


def _activities_by_day(filters, first: date, last: date, per_day: int) -> CalendarDays:
    """One query whatever the data: the database groups the period's activities by their
    local start day (TruncDate in the current time zone, on SQLite and PostgreSQL alike),
    counts each day and numbers its activities in start order, and sends back only the first
    `per_day` of each day plus those that may run past midnight (few). Python spreads just
    those over the days they cover; an activity that started on an earlier day comes first
    on the days it runs on, as it starts first."""
    window_start = selectors._midnight(first)
    window_end = selectors._midnight(last + timedelta(days=1))
    zone = timezone.get_current_timezone()
    start_day = TruncDate("starts_at", tzinfo=zone)

    def per_start_day(expression):  # one window for both, so the database sorts once
        return Window(
            expression,
            partition_by=[start_day],
            order_by=["starts_at", "pk"],
            frame=RowRange(start=None, end=None),
        )

    calendar_filters = dataclasses.replace(filters, when="", sort="soon")
    rows = (
        selectors.activity_list(calendar_filters, now=window_start)
        .filter(starts_at__lt=window_end)
        .select_related(None)
        .prefetch_related(None)
        .annotate(
            start_day=start_day,
            end_day=TruncDate("ends_at", tzinfo=zone),
            rank=per_start_day(RowNumber()),
            day_total=per_start_day(Count("pk")),
        )
        # a superset of those that cover more than one day: one ending at midnight too
        .filter(Q(rank__lte=per_day) | Q(start_day__lt=F("end_day")))
        .order_by()  # each day's entries are put in order below
        # plain tuples: no model instance per row
        .values_list(
            "pk", "title", "starts_at", "ends_at", "start_day", "end_day", "rank", "day_total"
        )
    )
    detail_url = _detail_url_maker()
    candidates: dict[date, list[CalendarEntry]] = {}
    totals: dict[date, int] = {}
    activity_count = 0
    one_day, instant = timedelta(days=1), timedelta(microseconds=1)
    for pk, title, starts_at, ends_at, began, end_day, rank, day_total in rows:
        starts_at = starts_at.astimezone(zone)
        entry = CalendarEntry(
            pk=pk,
            title=title,
            url=detail_url(pk),
            starts_at=starts_at,
            datetime=starts_at.isoformat(),
            time=starts_at.strftime("%H:%M"),
        )
        if first <= began <= last and rank == 1:
            totals[began] = totals.get(began, 0) + day_total
            activity_count += day_total
        ended = began
        if began < end_day:
            # an activity ending exactly at midnight does not spill into the next day
            ended = (ends_at - instant).astimezone(zone).date()
        day = max(began, first)
        if began < first and day <= min(ended, last):
            activity_count += 1  # began before the period, still running in it
        while day <= min(ended, last):
            if day != began:
                totals[day] = totals.get(day, 0) + 1
            if day != began or rank <= per_day:
                candidates.setdefault(day, []).append(entry)
            day += one_day
    shown = {
        day: sorted(entries, key=lambda entry: (entry.starts_at, entry.pk))[:per_day]
        for day, entries in candidates.items()
    }
    return CalendarDays(shown=shown, totals=totals, activity_count=activity_count)


class _DayListUrls:
    """The list of one day's activities with the calendar's filters (past days: past list),
    from one reverse() and one parse of the filters however many days have more."""

    def __init__(self, today: date, filter_query: str):
        self.today = today
        self.path = reverse("activities:list")
        self.query = QueryDict(filter_query, mutable=True)
        for name in ("when", "sort", "date_from", "date_to"):
            self.query.pop(name, None)

    def __call__(self, day: date) -> str:
        query = self.query.copy()
        if day < self.today:
            query["when"] = "past"
        query["date_from"] = query["date_to"] = day.isoformat()
        return f"{self.path}?{query.urlencode()}"


def _day(day: date, days: CalendarDays, today: date, month: int | None, list_url) -> dict:
    """One cell, drawn twice (grid and agenda): its words are put together here once."""
    shown = days.shown.get(day, [])
    more = days.totals.get(day, 0) - len(shown)
    return {
        "date": day,
        "activities": shown,
        "more": more,
        "more_url": list_url(day) if more > 0 else "",
        "more_label": ngettext("외 %(counter)s건", "외 %(counter)s건", more) % {"counter": more}
        if more > 0
        else "",
        "more_hint": _("%(day)s 활동 모두 보기") % {"day": date_format(day, "MONTH_DAY_FORMAT")}
        if more > 0
        else "",
        "is_today": day == today,
        "in_month": month is None or day.month == month,
        "weekday": WEEKDAY_NAMES[day.weekday()],
    }


@require_GET
def calendar_page(request: HttpRequest) -> HttpResponse:
    state = _filter_state(request)
    today = timezone.localdate()
    notice = ""
    week_start = None
    if "week" in request.GET:
        week_start = _parse_week(request.GET["week"][:20])
        if week_start is None:
            notice = _("‘%(value)s’은(는) 알 수 없는 주입니다. 2026-W49 형식으로 적어 주세요.") % {
                "value": request.GET["week"][:20]
            }
    month_start = today.replace(day=1)
    if "month" in request.GET and week_start is None and not notice:
        parsed = _parse_month(request.GET["month"][:20])
        if parsed is None:
            notice = _("‘%(value)s’은(는) 알 수 없는 달입니다. 2026-12 형식으로 적어 주세요.") % {
                "value": request.GET["month"][:20]
            }
        else:
            month_start = parsed
    if notice:
        notice += " " + _("이번 달을 보여 드립니다.")
    list_url = _DayListUrls(today, _filter_query(request))

    context = {
        "filter_form": state.form,
        "filters": state.filters,
        "notice": notice,
        "today": today,
        "weekday_names": WEEKDAY_NAMES,
        "skip_fields": ("when", "sort"),  # a calendar shows its own period in date order
    }
    if week_start is not None:
        days = [week_start + timedelta(days=offset) for offset in range(7)]
        found = _activities_by_day(state.filters, days[0], days[-1], SHOWN_PER_DAY_IN_WEEK)
        context.update(
            view="week",
            week_label=_week_label(week_start),
            week_number=week_start.isocalendar()[1],
            week_year=week_start.isocalendar()[0],
            first_day=days[0],
            last_day=days[-1],
            days=[_day(day, found, today, None, list_url) for day in days],
            previous_week=_week_label(week_start - timedelta(days=7)),
            next_week=_week_label(week_start + timedelta(days=7)),
            this_week=_week_label(today - timedelta(days=today.weekday())),
            month_of_week=week_start.strftime("%Y-%m"),
            keep=[("week", _week_label(week_start))],
            activity_count=found.activity_count,
        )
        return render(request, "activities/calendar.html", context)

    last_day = month_start.replace(
        day=pycalendar.monthrange(month_start.year, month_start.month)[1]
    )
    found = _activities_by_day(state.filters, month_start, last_day, SHOWN_PER_DAY_IN_MONTH)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(
        month_start.year, month_start.month
    )
    previous_month = (month_start - timedelta(days=1)).replace(day=1)
    next_month = last_day + timedelta(days=1)
    cells = {
        day: _day(day, found, today, month_start.month, list_url) for week in weeks for day in week
    }
    context.update(
        view="month",
        month_start=month_start,
        month_label=month_start.strftime("%Y-%m"),
        weeks=[
            {
                "label": _week_label(week[0]),
                "number": week[0].isocalendar()[1],
                "days": [cells[day] for day in week],
            }
            for week in weeks
        ],
        agenda=[cells[day] for day in sorted(found.shown) if day.month == month_start.month],
        previous_month=previous_month.strftime("%Y-%m")
        if previous_month.year >= FIRST_YEAR
        else "",
        next_month=next_month.strftime("%Y-%m") if next_month.year <= LAST_YEAR else "",
        this_month=today.strftime("%Y-%m"),
        keep=[("month", month_start.strftime("%Y-%m"))],
        activity_count=found.activity_count,
    )
    return render(request, "activities/calendar.html", context)
