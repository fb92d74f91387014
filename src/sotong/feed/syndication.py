"""RSS 2.0, Atom and iCal feeds of a saved filter, read with its secret token.

They carry only what the public activity pages show (never contacts or e-mail addresses).
"""

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sotong.activities import ical
from sotong.activities.links import absolute_url
from sotong.feed.models import SavedFilter
from sotong.feed.saved import saved_filter_activities, saved_filter_by_token

FEED_ITEMS = 50


class SavedFilterRss(Feed):
    def get_object(self, request: HttpRequest, token: str) -> SavedFilter:
        saved = saved_filter_by_token(token)
        if saved is None:
            raise Http404(_("피드 주소가 바뀌었거나 없는 피드입니다."))
        return saved

    def title(self, saved: SavedFilter) -> str:
        return _("소통 · %(name)s") % {"name": saved.name}

    def link(self, saved: SavedFilter) -> str:
        return absolute_url("/activities/")

    def description(self, saved: SavedFilter) -> str:
        return _("저장한 조건에 맞는 다가오는 활동")

    def items(self, saved: SavedFilter):
        return saved_filter_activities(saved)[:FEED_ITEMS]

    def item_title(self, activity) -> str:
        return activity.title

    def item_description(self, activity) -> str:
        when = activity.starts_at.strftime("%Y-%m-%d %H:%M")
        place = _("온라인") if activity.is_online else activity.place_name
        return f"{when} · {place} · {activity.region.full_name}\n\n{activity.description[:500]}"

    def item_link(self, activity) -> str:
        return absolute_url(activity.get_absolute_url())

    def item_guid(self, activity) -> str:
        return ical.uid_for(activity)

    item_guid_is_permalink = False

    def item_pubdate(self, activity):
        return activity.published_at or activity.created_at

    def item_author_name(self, activity) -> str:
        return activity.host_name

    def item_categories(self, activity):
        return [topic.name for topic in activity.topics.all()]


class SavedFilterAtom(SavedFilterRss):
    feed_type = Atom1Feed

    def subtitle(self, saved: SavedFilter) -> str:
        return self.description(saved)


@require_GET
def saved_filter_ical(request: HttpRequest, token: str) -> HttpResponse:
    saved = saved_filter_by_token(token)
    if saved is None:
        raise Http404(_("피드 주소가 바뀌었거나 없는 피드입니다."))
    activities = saved_filter_activities(saved, include_cancelled=True)[: ical.FEED_LIMIT]
    content = ical.calendar_for(activities, name=_("소통 · %(name)s") % {"name": saved.name})
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="sotong.ics"'
    return response
