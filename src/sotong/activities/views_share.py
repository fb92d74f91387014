"""Sharing an activity (link preview image, iCal) and telling its participants (messages)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from sotong.activities import ical, messaging, og_image, selectors, services
from sotong.activities.forms import ActivityFilterForm
from sotong.activities.forms_share import ParticipantMessageForm
from sotong.activities.views import _activity_or_404, _add_errors, _managed_activity
from sotong.core.context_processors import request_current_region, request_region_list
from sotong.core.selectors import topics_for

PREVIEW_CACHE = "public, max-age=86400"
FEED_CACHE = "public, max-age=900"


def _image_response(request, activity, data: bytes, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    # The page links the image with ?v=<version>, so a changed activity gets a new address.
    response["Cache-Control"] = PREVIEW_CACHE if not activity.is_draft else "private, no-store"
    return response


@require_GET
def og_card(request: HttpRequest, activity_id: int) -> HttpResponse:
    """The generated 800×400 PNG with the title, date and place."""
    activity = _activity_or_404(request, activity_id)
    return _image_response(request, activity, og_image.card_png(activity), "image/png")


@require_GET
def og_photo(request: HttpRequest, activity_id: int) -> HttpResponse:
    """The host's photo cropped to 800×400."""
    activity = _activity_or_404(request, activity_id)
    data = og_image.photo_jpeg(activity)
    if data is None:
        raise Http404(_("이 활동에는 사진이 없습니다."))
    return _image_response(request, activity, data, "image/jpeg")


def _calendar_response(content: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def activity_ics(request: HttpRequest, activity_id: int) -> HttpResponse:
    """One activity for a calendar app (캘린더에 추가)."""
    activity = _activity_or_404(request, activity_id)
    if activity.is_draft:
        raise Http404(_("찾는 활동이 없습니다."))
    response = _calendar_response(
        ical.activity_calendar(activity), f"activity-{activity.pk}.ics", download=True
    )
    response["Cache-Control"] = FEED_CACHE
    return response


@require_GET
def list_ics(request: HttpRequest) -> HttpResponse:
    """The list's activities with the same filters in the URL, as a feed to subscribe to.
    The filters are read by the list's own form, so the two always agree."""
    regions = request_region_list(request)
    data = request.GET.copy()
    if "region" not in data:
        region = request_current_region(request)
        if region is not None:
            data["region"] = region.slug
    chosen = next((r for r in regions if r.slug == data.get("region")), None)
    city = chosen.city if chosen else None
    filter_form = ActivityFilterForm(data, regions=regions, topics=topics_for(city))
    filters = filter_form.filters()
    activities = selectors.activity_list(filters, include_cancelled=True)[: ical.FEED_LIMIT]
    name = ical.feed_name(chosen.full_name if chosen else None)
    content = ical.calendar_for(
        activities,
        name=name,
        description=_("소통에 올라온 지역 활동 (최대 %(max)d개)") % {"max": ical.FEED_LIMIT},
    )
    response = _calendar_response(content, "sotong-activities.ics", download=False)
    response["Cache-Control"] = FEED_CACHE
    return response


@login_required
@require_http_methods(["GET", "POST"])
def participants_message(request: HttpRequest, activity_id: int) -> HttpResponse:
    """The organiser writes to everyone signed up."""
    activity = _managed_activity(request, activity_id, "activities.manage_participants")
    form = ParticipantMessageForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                sent = services.participants_message(
                    actor=request.user,
                    activity=activity,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("참가자 %(count)d명에게 각각 메일로 보냈습니다.")
                    % {"count": sent.recipients_count},
                )
                return redirect("activities:participants", activity_id=activity.pk)
        status = 400
    since = timezone.now() - timedelta(days=1)
    sent_recently = list(
        activity.participant_messages.select_related("sender").order_by("-sent_at", "-pk")[:20]
    )
    used = sum(1 for message in sent_recently if message.sent_at >= since)
    return render(
        request,
        "activities/message_form.html",
        {
            "activity": activity,
            "form": form,
            "recipient_count": len(messaging.recipients(activity)),
            "sent_recently": sent_recently,
            "left_today": max(services.MESSAGES_PER_DAY - used, 0),
            "per_day": services.MESSAGES_PER_DAY,
        },
        status=status,
    )
