"""Finding activities on a map and a calendar, with the list's filters and equivalent lists."""

import calendar as pycalendar
import dataclasses
import re
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from sotong.activities import map as activity_map
from sotong.activities import selectors
from sotong.activities.forms import ActivityFilterForm
from sotong.core.models import KOREA_BOUNDS, Region
from sotong.core.selectors import current_region, region_list, topics_for

# Parameters that belong to one view only and must not follow the visitor to another view.
VIEW_ONLY_PARAMETERS = ("page", "month", "week", "bbox", "zoom")


@dataclasses.dataclass
class FilterState:
    form: ActivityFilterForm
    filters: selectors.ActivityFilters
    region: Region | None  # the region the filters point at (or the city being looked at)


def _filter_state(request: HttpRequest) -> FilterState:
    """The list page's filters, read exactly as /activities/ reads them."""
    region = current_region(request)
    regions = region_list()
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
    page = Paginator(located, selectors.LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    region = state.region
    if region is not None:
        bounds = list(region.bounds)
        centre = [region.latitude, region.longitude]
        region_name = region.full_name
    else:
        bounds = [KOREA_BOUNDS[side] for side in ("south", "west", "north", "east")]
        centre = [36.5, 127.8]
        region_name = _("한국")
    query = _filter_query(request)
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
            "page_range": page.paginator.get_elided_page_range(page.number),
            "activities": list(page.object_list),
            "map_config": config,
            "region_name": region_name,
            "is_past": state.filters.when == "past",
        },
    )


@require_GET
def map_data(request: HttpRequest) -> JsonResponse:
    try:
        bbox = activity_map.parse_bbox(request.GET.get("bbox"))
        zoom = activity_map.parse_zoom(request.GET.get("zoom"))
    except ValidationError as error:
        return JsonResponse(
            {"error": error.messages[0]}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    state = _filter_state(request)
    return JsonResponse(
        activity_map.map_data(state.filters, bbox, zoom), json_dumps_params={"ensure_ascii": False}
    )


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


def _activities_by_day(filters, first: date, last: date) -> tuple[dict, list]:
    """One query: every published activity that touches [first, last], listed on each local day
    it covers (within that range)."""
    window_start, window_end = (
        selectors._midnight(first),
        selectors._midnight(last + timedelta(days=1)),
    )
    calendar_filters = dataclasses.replace(filters, when="", sort="soon")
    activities = list(
        selectors.activity_list(calendar_filters, now=window_start)
        .filter(starts_at__lt=window_end)
        .prefetch_related(None)
    )
    by_day: dict[date, list] = {}
    for activity in activities:
        start_day = max(timezone.localtime(activity.starts_at).date(), first)
        # an activity ending exactly at midnight does not spill into the next day
        end_day = min(timezone.localtime(activity.ends_at - timedelta(microseconds=1)).date(), last)
        day = start_day
        while day <= end_day:
            by_day.setdefault(day, []).append(activity)
            day += timedelta(days=1)
    return by_day, activities


def _day(day: date, by_day: dict, today: date, month: int | None) -> dict:
    return {
        "date": day,
        "activities": by_day.get(day, []),
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
        by_day, activities = _activities_by_day(state.filters, days[0], days[-1])
        context.update(
            view="week",
            week_label=_week_label(week_start),
            week_number=week_start.isocalendar()[1],
            week_year=week_start.isocalendar()[0],
            first_day=days[0],
            last_day=days[-1],
            days=[_day(day, by_day, today, None) for day in days],
            previous_week=_week_label(week_start - timedelta(days=7)),
            next_week=_week_label(week_start + timedelta(days=7)),
            this_week=_week_label(today - timedelta(days=today.weekday())),
            month_of_week=week_start.strftime("%Y-%m"),
            keep=[("week", _week_label(week_start))],
            activity_count=len(activities),
        )
        return render(request, "activities/calendar.html", context)

    last_day = month_start.replace(
        day=pycalendar.monthrange(month_start.year, month_start.month)[1]
    )
    by_day, activities = _activities_by_day(state.filters, month_start, last_day)
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(
        month_start.year, month_start.month
    )
    previous_month = (month_start - timedelta(days=1)).replace(day=1)
    next_month = last_day + timedelta(days=1)
    context.update(
        view="month",
        month_start=month_start,
        month_label=month_start.strftime("%Y-%m"),
        weeks=[
            {
                "label": _week_label(week[0]),
                "number": week[0].isocalendar()[1],
                "days": [_day(day, by_day, today, month_start.month) for day in week],
            }
            for week in weeks
        ],
        agenda=[
            _day(day, by_day, today, month_start.month)
            for day in sorted(by_day)
            if day.month == month_start.month
        ],
        previous_month=previous_month.strftime("%Y-%m")
        if previous_month.year >= FIRST_YEAR
        else "",
        next_month=next_month.strftime("%Y-%m") if next_month.year <= LAST_YEAR else "",
        this_month=today.strftime("%Y-%m"),
        keep=[("month", month_start.strftime("%Y-%m"))],
        activity_count=len(activities),
    )
    return render(request, "activities/calendar.html", context)
