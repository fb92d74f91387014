"""The home page (the personal feed, or the region's highlights), the region pages and the
region index. They live here, at the top of the layers, because they gather every capability."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sotong.activities.selectors import ActivityFilters, activity_list
from sotong.core.context_processors import (
    cities_with_neighbourhoods,
    remember_region_page,
    request_current_region,
    request_region_list,
)
from sotong.core.keyset import first_rows
from sotong.core.models import Region
from sotong.core.selectors import REGION_SESSION_KEY, topics_for
from sotong.feed.selectors import home_feed, reader_for
from sotong.organizations.models import Organization
from sotong.organizations.selectors import organization_directory

try:  # the notices app may not be in this tree yet
    from sotong.notices.selectors import pinned_notices
except ImportError:  # pragma: no cover
    pinned_notices = None

RECENT_ORGANIZATIONS = 6
UPCOMING_ACTIVITIES = 6


def _organizations_in(region: Region):
    """Active organisations of the region; a city includes its neighbourhoods."""
    return Organization.objects.filter(is_active=True).filter(
        Q(region=region) | Q(region__parent=region)
    )


def _render_region_home(request: HttpRequest, region: Region | None) -> HttpResponse:
    context: dict = {"region": region}
    if region is not None:
        regions = request_region_list(request)
        city = region.city
        # A city's page covers its neighbourhoods; the region list is already loaded.
        family = [region.pk, *(r.pk for r in regions if r.parent_id == region.pk)]
        counts = {
            row["kind"]: row["n"]
            for row in _organizations_in(region).order_by().values("kind").annotate(n=Count("pk"))
        }
        context.update(
            city=city,
            is_city=region.pk == city.pk,
            neighbourhoods=[r for r in regions if r.parent_id == city.pk],
            topics=topics_for(region),
            organizations=list(
                organization_directory(region=region, sort="newest")[:RECENT_ORGANIZATIONS]
            ),
            upcoming_activities=list(
                first_rows(activity_list(ActivityFilters(regions=family)), UPCOMING_ACTIVITIES)
            ),
            pinned_notices=pinned_notices(region) if pinned_notices else [],
            organization_count=sum(counts.values()),
            kind_counts=[
                {"kind": kind.value, "label": kind.label, "count": counts.get(kind.value, 0)}
                for kind in Organization.Kind
            ],
        )
    return render(request, "feed/region_home.html", context)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Logged in: my feed. Anonymous: the highlights of the region being looked at."""
    if not request.user.is_authenticated:
        return _render_region_home(request, request_current_region(request))
    reader = reader_for(request.user, request_region_list(request))
    page = home_feed(reader, after=request.GET.get("after", ""))
    context = {
        "page": page,
        "follows_nothing": reader.followed.is_empty,
        "is_first_page": not request.GET.get("after"),
        "region": request_current_region(request),
    }
    return render(request, "feed/home.html", context)


@require_GET
def region_home(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region.objects.active().select_related("parent"), slug=slug)
    request.session[REGION_SESSION_KEY] = region.city.slug
    remember_region_page(request, region)
    return _render_region_home(request, region)


@require_GET
def region_index(request: HttpRequest) -> HttpResponse:
    """Every city and its neighbourhoods; `?region=<slug>` is the header's region switcher."""
    all_regions = request_region_list(request)
    status = 200
    unknown_region = False
    if "region" in request.GET:
        wanted = request.GET.get("region", "")
        match = next((r for r in all_regions if r.slug == wanted), None)
        if match is not None:
            return redirect(match.get_absolute_url())
        unknown_region, status = True, 404
    counts = {
        row["region_id"]: row["n"]
        for row in Organization.objects.filter(is_active=True)
        .order_by()
        .values("region_id")
        .annotate(n=Count("pk"))
    }
    groups = cities_with_neighbourhoods(all_regions)
    cities = [
        {
            "city": group.city,
            "organization_count": counts.get(group.city.pk, 0)
            + sum(counts.get(n.pk, 0) for n in group.neighbourhoods),
            "neighbourhoods": [
                {"region": n, "organization_count": counts.get(n.pk, 0)}
                for n in group.neighbourhoods
            ],
        }
        for group in groups
    ]
    context = {
        "cities": cities,
        "unknown_region_message": (
            _("찾는 지역이 없습니다. 아래 목록에서 골라 주세요.") if unknown_region else ""
        ),
    }
    return render(request, "core/regions.html", context, status=status)
