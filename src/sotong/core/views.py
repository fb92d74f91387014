from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sotong.core.models import Region
from sotong.core.selectors import REGION_SESSION_KEY, current_region, topics_for
from sotong.organizations.models import Organization


def _render_region_home(request: HttpRequest, region: Region | None) -> HttpResponse:
    context: dict = {"region": region, "topics": [], "neighbourhoods": [], "organizations": []}
    if region is not None:
        family = region.family_ids()
        organizations = Organization.objects.filter(region_id__in=family, is_active=True)
        context.update(
            topics=topics_for(region),
            neighbourhoods=list(region.children.active()),
            organizations=list(organizations.select_related("region").order_by("-created_at")[:6]),
            organization_count=organizations.count(),
            kind_counts=[
                (Organization.Kind(row["kind"]).label, row["n"], row["kind"])
                for row in organizations.values("kind").annotate(n=Count("pk")).order_by("kind")
            ],
        )
    return render(request, "core/home.html", context)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return _render_region_home(request, current_region(request))


@require_GET
def region_home(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region.objects.active().select_related("parent"), slug=slug)
    request.session[REGION_SESSION_KEY] = region.city.slug
    return _render_region_home(request, region)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """The trivial view: the benchmark's floor and a load balancer's health check."""
    return HttpResponse("ok", content_type="text/plain")
