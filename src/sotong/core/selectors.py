"""Reads about regions and topics that views and other apps share."""

from django.http import HttpRequest

from sotong.core.models import Region, Topic

REGION_SESSION_KEY = "sotong_region"


def region_list() -> list[Region]:
    """Every active region, cities first, each followed by its neighbourhoods."""
    regions = list(Region.objects.active().select_related("parent").order_by("order", "name"))
    cities = [r for r in regions if r.parent_id is None]
    ordered: list[Region] = []
    for city in cities:
        ordered.append(city)
        ordered.extend(r for r in regions if r.parent_id == city.pk)
    return ordered


def default_region() -> Region | None:
    return Region.objects.active().top_level().order_by("order", "name").first()


def current_region(
    request: HttpRequest, fallback=default_region, regions: list[Region] | None = None
) -> Region | None:
    """The city the visitor is looking at: chosen in the session, else home, else the first
    (`fallback`, which a caller holding the region list can answer without a query).

    `regions`: the active regions with their parents (region_list), when the caller holds them:
    the chosen or home region is looked up there instead of asked for (a home region that is
    no longer active is still asked for, as before)."""
    slug = request.session.get(REGION_SESSION_KEY) if hasattr(request, "session") else None
    if slug:
        if regions is not None:
            region = next((region for region in regions if region.slug == slug), None)
        else:
            region = Region.objects.active().select_related("parent").filter(slug=slug).first()
        if region:
            return region.city
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.home_region_id:
        home = next((r for r in regions or () if r.pk == user.home_region_id), None)
        if home is None:
            home = Region.objects.select_related("parent").get(pk=user.home_region_id)
        return home.city
    return fallback()


def current_region_key(request: HttpRequest) -> str:
    """What `current_region` answers from, without a query when there is no session: for cache
    keys of things drawn for "the region being looked at". Change it with current_region."""
    slug = request.session.get(REGION_SESSION_KEY) if hasattr(request, "session") else None
    if slug:
        return f"chosen:{slug}"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.home_region_id:
        return f"home:{user.home_region_id}"
    return "first"


def topics_for(region: Region | None) -> list[Topic]:
    return list(Topic.objects.active().for_region(region))
