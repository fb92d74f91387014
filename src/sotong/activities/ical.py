"""iCalendar (RFC 5545) files of activities: one activity, or a filtered list to subscribe to.

Times are written in UTC (the `Z` form), which every calendar app reads without a VTIMEZONE;
X-WR-TIMEZONE tells the apps that honour it to show them in Korean time.
"""

from collections.abc import Iterable
from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from sotong.activities.links import absolute_url
from sotong.activities.models import Activity

PRODID = "-//Sotong//Activities//KO"
# A subscribed feed holds at most this many activities, the soonest first.
FEED_LIMIT = 500
DESCRIPTION_LIMIT = 2000


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "sotong.local"


def uid_for(activity: Activity) -> str:
    """Stable for the life of the activity, so a calendar app updates instead of duplicating."""
    return f"activity-{activity.pk}@{_host()}"


def _location(activity: Activity) -> str:
    parts = []
    if activity.is_online:
        parts.append(_("온라인"))
    parts.extend(part for part in (activity.place_name, activity.address) if part)
    return ", ".join(parts)


def _description(activity: Activity, url: str) -> str:
    text = activity.description
    if len(text) > DESCRIPTION_LIMIT:
        text = text[:DESCRIPTION_LIMIT].rstrip() + "…"
    lines = [text, "", _("주최: %(host)s") % {"host": activity.host_name}]
    if activity.is_cancelled:
        lines.insert(0, _("취소된 활동입니다.") + " " + activity.cancel_reason)
        lines.insert(1, "")
    lines.append(url)
    return "\n".join(lines)


def event_for(activity: Activity, stamp) -> Event:
    url = absolute_url(activity.get_absolute_url())
    event = Event()
    event.add("uid", uid_for(activity))
    event.add("dtstamp", stamp)
    event.add("dtstart", activity.starts_at.astimezone(UTC))
    event.add("dtend", activity.ends_at.astimezone(UTC))
    event.add("last-modified", activity.updated_at.astimezone(UTC))
    summary = activity.title
    if activity.is_cancelled:
        summary = _("[취소] %(title)s") % {"title": activity.title}
    event.add("summary", summary)
    location = _location(activity)
    if location:
        event.add("location", location)
    if activity.latitude is not None and activity.longitude is not None:
        event.add("geo", (activity.latitude, activity.longitude))
    event.add("description", _description(activity, url))
    event.add("url", url)
    event.add("categories", [activity.get_kind_display()])
    event.add("status", "CANCELLED" if activity.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def calendar_for(activities: Iterable[Activity], *, name: str, description: str = "") -> bytes:
    """A VCALENDAR of the given activities; drafts are never written, whatever the caller."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if description:
        calendar.add("x-wr-caldesc", description)
    # Ask subscribing apps to look again every few hours.
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    stamp = timezone.now().astimezone(UTC).replace(microsecond=0)
    for activity in activities:
        if activity.status == Activity.Status.DRAFT:
            continue
        calendar.add_component(event_for(activity, stamp))
    return calendar.to_ical()


def activity_calendar(activity: Activity) -> bytes:
    return calendar_for([activity], name=activity.title)


def feed_name(region_name: str | None = None) -> str:
    if region_name:
        return _("소통 %(region)s 활동") % {"region": region_name}
    return _("소통 활동")
