"""Tags for sharing an activity: Open Graph data, the calendar feed address of a filtered list."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from sotong.activities import og_image
from sotong.activities.links import absolute_url
from sotong.activities.models import Activity

register = template.Library()

DESCRIPTION_CHARS = 150


@register.simple_tag
def share_data(activity: Activity) -> dict:
    """Absolute addresses (from settings.SITE_URL) and texts for the link preview; worked out
    once per page (the head's preview tags and the share box both ask)."""
    if getattr(activity, "_share_data", None) is None:
        activity._share_data = _share_data(activity)
    return activity._share_data


def _share_data(activity: Activity) -> dict:
    facts = [og_image.when_text(activity)]
    place = og_image.place_text(activity)
    if place:
        facts.append(place)
    summary = " · ".join(facts)
    if activity.is_cancelled:
        summary = _("취소된 활동") + " · " + summary
    body = " ".join(activity.description.split())
    description = f"{summary} — {body}" if body else summary
    has_photo = bool(activity.image)
    image_name = "og_photo" if has_photo else "og_card"
    image_path = reverse(f"activities:{image_name}", kwargs={"activity_id": activity.pk})
    return {
        "url": absolute_url(activity.get_absolute_url()),
        "title": activity.title,
        "description": Truncator(description).chars(DESCRIPTION_CHARS),
        "image": absolute_url(f"{image_path}?v={og_image.version(activity)}"),
        "image_type": "image/jpeg" if has_photo else "image/png",
        "image_width": og_image.WIDTH,
        "image_height": og_image.HEIGHT,
        "ical": absolute_url(
            reverse("activities:activity_ics", kwargs={"activity_id": activity.pk})
        ),
    }


@register.simple_tag
def calendar_feed_url(filter_data) -> str:
    """The subscribable .ics address of the list as filtered (the page number left out)."""
    pairs = [
        (name, value) for name, values in filter_data.lists() if name != "page" for value in values
    ]
    path = reverse("activities:list_ics")
    return absolute_url(f"{path}?{urlencode(pairs)}" if pairs else path)
