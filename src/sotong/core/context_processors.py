"""What every page's frame needs: the region being looked at, the region switcher, the menu."""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from sotong.core.models import Region
from sotong.core.selectors import current_region, region_list

_CURRENT = "_sotong_current_region"
_REGIONS = "_sotong_region_list"
_VIEWING = "_sotong_viewing_region"

# Menu sections by the URL name or namespace that belongs to them.
_SECTIONS = {
    "core:home": "home",
    "core:regions": "regions",
    "core:region": "regions",
    "activities": "activities",
    "organizations": "organizations",
    "notices": "notices",
    "proposals": "proposals",
    "questions": "questions",
    "archive": "archive",
    "accounts": "me",
}


@dataclass
class CityChoices:
    city: Region
    neighbourhoods: list[Region] = field(default_factory=list)


def request_current_region(request: HttpRequest) -> Region | None:
    """The city the visitor is looking at, looked up once per request: in the region list the
    frame loads anyway, so a chosen or home region costs no query of its own."""
    if not hasattr(request, _CURRENT):
        region = current_region(
            request, lambda: _first_city(request), regions=request_region_list(request)
        )
        setattr(request, _CURRENT, region)
    return getattr(request, _CURRENT)


def _first_city(request: HttpRequest) -> Region | None:
    """The default city, read off the region list the frame loads anyway (one query less)."""
    regions = request_region_list(request)
    return regions[0] if regions and regions[0].parent_id is None else None


def request_region_list(request: HttpRequest) -> list[Region]:
    """Every active region (cities, each followed by its neighbourhoods), once per request."""
    if not hasattr(request, _REGIONS):
        setattr(request, _REGIONS, region_list())
    return getattr(request, _REGIONS)


def remember_region_page(request: HttpRequest, region: Region) -> None:
    """A region page tells the frame which region it shows, saving the lookups above."""
    setattr(request, _VIEWING, region)
    setattr(request, _CURRENT, region.city)


def cities_with_neighbourhoods(regions: list[Region]) -> list[CityChoices]:
    groups: dict[int, CityChoices] = {}
    for region in regions:
        if region.parent_id is None:
            groups[region.pk] = CityChoices(city=region)
        elif region.parent_id in groups:
            groups[region.parent_id].neighbourhoods.append(region)
    return list(groups.values())


def region_list_key(regions: list[Region]) -> str:
    """What the header's region switcher shows of the regions, as a short digest for its cache
    key: their order, cities and names (a fingerprint of every field cost a millisecond)."""
    shown = "\n".join(f"{r.pk}\t{r.parent_id}\t{r.slug}\t{r.name}" for r in regions)
    return hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()


def _selected_region_slug(request: HttpRequest) -> str:
    region = getattr(request, _VIEWING, None) or request_current_region(request)
    return region.slug if region else ""


def _nav_section(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    return _SECTIONS.get(match.view_name) or _SECTIONS.get(match.namespace, "")


def platform(request: HttpRequest) -> dict:
    # Lazy, so a page that never shows the frame (the admin, JSON) never queries for it.
    return {
        "SITE_URL": settings.SITE_URL,
        "current_region": SimpleLazyObject(lambda: request_current_region(request)),
        "region_list": SimpleLazyObject(lambda: request_region_list(request)),
        "region_choices": SimpleLazyObject(
            lambda: cities_with_neighbourhoods(request_region_list(request))
        ),
        "region_list_key": SimpleLazyObject(lambda: region_list_key(request_region_list(request))),
        "selected_region_slug": SimpleLazyObject(lambda: _selected_region_slug(request)),
        "nav_section": _nav_section(request),
    }
