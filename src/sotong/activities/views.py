import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sotong.activities import selectors, services
from sotong.activities.forms import (
    ActivityFilterForm,
    ActivityForm,
    CancelForm,
    CheckinForm,
    ReplyForm,
    ReviewForm,
)
from sotong.activities.models import Activity, Rsvp
from sotong.core.context_processors import request_current_region, request_region_list
from sotong.core.keyset import keyset_page
from sotong.core.selectors import topics_for
from sotong.core.templatetags.sotong_cache import fingerprint

# --- helpers ------------------------------------------------------------------------------


def _activity_or_404(request: HttpRequest, activity_id: int, *, page: bool = False) -> Activity:
    """The activity if the visitor may see it; drafts are 404 to everyone but their editors.
    `page`: with what only its page shows (the meeting record), its region taken from the
    regions the page's frame reads anyway."""
    activity = selectors.activity_for_page(
        activity_id, with_record=page, regions=request_region_list(request) if page else None
    )
    if activity is None or not request.user.has_perm("activities.view_activity", activity):
        raise Http404(_("찾는 활동이 없습니다."))
    return activity


def _managed_activity(request: HttpRequest, activity_id: int, perm: str) -> Activity:
    activity = _activity_or_404(request, activity_id)
    if not request.user.has_perm(perm, activity):
        raise PermissionDenied(_("이 활동을 관리할 권한이 없습니다."))
    return activity


def _login_then_detail(view):
    """For POST actions: a visitor who is not logged in logs in and comes back to the page."""

    @wraps(view)
    def wrapper(request: HttpRequest, activity_id: int, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(
                reverse("activities:detail", kwargs={"activity_id": activity_id})
            )
        return view(request, activity_id, *args, **kwargs)

    return wrapper


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _add_errors(form, error: ValidationError) -> None:
    """Puts a service's errors next to the fields they concern (or on top of the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


# --- finding ------------------------------------------------------------------------------


@require_GET
def activity_list(request: HttpRequest) -> HttpResponse:
    region = request_current_region(request)
    regions = request_region_list(request)
    topics = topics_for(region)
    data = request.GET.copy()
    if "region" not in data and region is not None:
        data["region"] = region.slug  # the city being looked at, unless "모든 지역" was chosen
    filter_form = ActivityFilterForm(data, regions=regions, topics=topics)
    filters = filter_form.filters()
    activities = selectors.activity_list(filters)
    page = keyset_page(activities, request.GET.get("after"), selectors.LIST_PAGE_SIZE)
    return render(
        request,
        "activities/list.html",
        {
            "filter_form": filter_form,
            "filters": filters,
            "page_obj": page,
            "activities": page.items,
            "is_past": filters.when == "past",
        },
    )


@require_GET
def detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity_or_404(request, activity_id, page=True)
    user = request.user
    rsvp = selectors.viewer_rsvp(user, activity)
    can_manage = user.has_perm("activities.change_activity", activity)
    reviews = selectors.reviews_for(activity)
    reviews_key = ""  # the list drawn once for everyone who does not manage the activity
    if can_manage:
        for review in reviews:
            review.reply_form = ReplyForm(auto_id=f"reply-{review.pk}-%s")
    elif reviews:
        reviews_key = fingerprint([(review, review.author.nickname) for review in reviews])
    can_review = (
        rsvp is not None
        and rsvp.status == Rsvp.Status.CONFIRMED
        and activity.has_ended
        and not activity.is_cancelled
        and all(review.author_id != user.pk for review in reviews)
    )
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "topics": list(activity.topics.all()),
            "rsvp": rsvp,
            "can_manage": can_manage,
            "can_see_contact": can_manage
            or (rsvp is not None and rsvp.status == Rsvp.Status.CONFIRMED),
            "reviews": reviews,
            "reviews_key": reviews_key,
            "rating": selectors.rating_of(reviews),
            "can_review": can_review,
            "other_occurrences": selectors.other_occurrences(activity),
        },
    )


# --- posting ------------------------------------------------------------------------------


def _form_page(request, form, *, activity=None, preview=None, status=200):
    return render(
        request,
        "activities/form.html",
        {"form": form, "activity": activity, "preview": preview},
        status=status,
    )


def _preview_or_errors(request, form: ActivityForm, activity: Activity | None = None):
    """Renders the preview, or the form with the rules' errors (nothing is stored)."""
    previous = activity.host_organization_id if activity else None
    fields = form.service_fields()
    if (
        activity is not None
        and fields.get("host_organization")
        and (fields["host_organization"].pk == previous)
    ):
        fields["host_organization"] = None  # already hosted by it: no membership check needed
    try:
        preview = services.activity_preview(
            actor=request.user, fields=fields, topics=list(form.cleaned_data["topics"])
        )
    except ValidationError as error:
        _add_errors(form, error)
        return _form_page(request, form, activity=activity, status=400)
    preview.host_organization = form.cleaned_data["host_organization"]
    return _form_page(
        request,
        form,
        activity=activity,
        preview={"activity": preview, "topics": form.cleaned_data["topics"]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("activities.add_activity"):
        raise PermissionDenied(_("활동을 올릴 권한이 없습니다."))
    region = request_current_region(request)
    topics = topics_for(region)
    if request.method != "POST":
        initial = {"region": region.pk if region else None, "fee": 0, "requires_signup": True}
        form = ActivityForm(initial=initial, user=request.user, topics=topics)
        return _form_page(request, form)

    form = ActivityForm(request.POST, request.FILES, user=request.user, topics=topics)
    action = request.POST.get("action", "publish")
    if not form.is_valid():
        return _form_page(request, form, status=400)
    if action == "preview":
        return _preview_or_errors(request, form)
    try:
        activity = services.activity_create(
            actor=request.user,
            fields=form.service_fields(),
            topics=list(form.cleaned_data["topics"]),
            recurrence=form.recurrence(),
            publish=action != "draft",
        )
    except ValidationError as error:
        _add_errors(form, error)
        return _form_page(request, form, status=400)
    if activity.is_draft:
        messages.success(request, _("임시 저장했습니다. 준비되면 ‘게시하기’를 누르세요."))
    elif activity.series_id:
        count = activity.series.occurrences.count()
        messages.success(request, _("정규 활동 %(count)d회를 올렸습니다.") % {"count": count})
    else:
        messages.success(request, _("활동을 올렸습니다."))
    return redirect(activity)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _managed_activity(request, activity_id, "activities.change_activity")
    if activity.is_cancelled:
        messages.error(request, _("취소된 활동은 고칠 수 없습니다."))
        return redirect(activity)
    topics = topics_for(activity.region)
    if request.method != "POST":
        form = ActivityForm(
            initial=ActivityForm.initial_for(activity),
            user=request.user,
            topics=topics,
            editing=activity,
        )
        return _form_page(request, form, activity=activity)

    form = ActivityForm(
        request.POST,
        request.FILES,
        initial=ActivityForm.initial_for(activity),
        user=request.user,
        topics=topics,
        editing=activity,
    )
    if not form.is_valid():
        return _form_page(request, form, activity=activity, status=400)
    if request.POST.get("action") == "preview":
        return _preview_or_errors(request, form, activity)
    try:
        services.activity_update(
            actor=request.user,
            activity=activity,
            fields=form.service_fields(),
            topics=list(form.cleaned_data["topics"]),
        )
    except ValidationError as error:
        _add_errors(form, error)
        activity = _activity_or_404(request, activity_id)
        return _form_page(request, form, activity=activity, status=400)
    messages.success(request, _("활동을 고쳤습니다."))
    return redirect(activity)


@require_POST
@_login_then_detail
def publish(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _managed_activity(request, activity_id, "activities.change_activity")
    try:
        services.activity_publish(actor=request.user, activity=activity)
        messages.success(request, _("활동을 게시했습니다."))
    except ValidationError as error:
        _report(request, error)
    return redirect(activity)


@login_required
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _managed_activity(request, activity_id, "activities.change_activity")
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_cancel(
                actor=request.user, activity=activity, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _report(request, error)
            return redirect(activity)
        messages.success(request, _("활동을 취소했습니다. 신청한 사람들에게 취소가 보입니다."))
        return redirect(activity)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "activities/cancel.html", {"activity": activity, "form": form}, status=status
    )


@require_POST
@_login_then_detail
def copy(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _managed_activity(request, activity_id, "activities.change_activity")
    duplicate = services.activity_copy(actor=request.user, activity=activity)
    messages.success(request, _("복사본을 임시 저장했습니다. 날짜를 확인하고 게시하세요."))
    return redirect("activities:edit", activity_id=duplicate.pk)


# --- joining ------------------------------------------------------------------------------


@require_POST
@_login_then_detail
def rsvp(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity_or_404(request, activity_id)
    try:
        created = services.rsvp_create(actor=request.user, activity=activity)
    except ValidationError as error:
        _report(request, error)
    else:
        if created.status == Rsvp.Status.CONFIRMED:
            messages.success(request, _("참가 신청이 확정되었습니다."))
        else:
            messages.success(
                request,
                _(
                    "정원이 차서 대기자 %(position)d번으로 신청했습니다. "
                    "자리가 나면 자동으로 확정됩니다."
                )
                % {"position": created.position},
            )
    return redirect(activity)


@require_POST
@_login_then_detail
def rsvp_cancel(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity_or_404(request, activity_id)
    try:
        services.rsvp_cancel(actor=request.user, activity=activity)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("참가 신청을 취소했습니다."))
    return redirect(activity)


def _csv_cell(value) -> str:
    """Keeps spreadsheet programs from running a cell as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def participants(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _managed_activity(request, activity_id, "activities.manage_participants")
    rows = selectors.participants(activity)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="activity-{activity.pk}.csv"'
        response.write("\ufeff")  # so Excel opens the Korean text as UTF-8
        writer = csv.writer(response)
        writer.writerow([_("닉네임"), _("상태"), _("대기 순번"), _("신청일"), _("출석 확인")])
        for row in rows:
            writer.writerow(
                [
                    _csv_cell(row.user.nickname),
                    row.get_status_display(),
                    row.position or "",
                    timezone.localtime(row.created_at).strftime("%Y-%m-%d %H:%M"),
                    timezone.localtime(row.checked_in_at).strftime("%Y-%m-%d %H:%M")
                    if row.checked_in_at
                    else "",
                ]
            )
        return response
    return render(
        request,
        "activities/participants.html",
        {
            "activity": activity,
            "confirmed": [r for r in rows if r.status == Rsvp.Status.CONFIRMED],
            "waiting": [r for r in rows if r.status == Rsvp.Status.WAITING],
        },
    )


@require_POST
@_login_then_detail
def checkin(request: HttpRequest, activity_id: int, rsvp_id: int) -> HttpResponse:
    activity = _managed_activity(request, activity_id, "activities.manage_participants")
    target = get_object_or_404(
        Rsvp.objects.select_related("activity"), pk=rsvp_id, activity=activity
    )
    form = CheckinForm(request.POST)
    form.is_valid()
    present = bool(form.cleaned_data.get("present"))
    try:
        services.rsvp_checkin(actor=request.user, rsvp=target, present=present)
    except ValidationError as error:
        _report(request, error)
    return redirect("activities:participants", activity_id=activity.pk)


# --- after it -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request: HttpRequest, activity_id: int) -> HttpResponse:
    activity = _activity_or_404(request, activity_id)
    if not request.user.has_perm("activities.review_activity", activity):
        raise PermissionDenied(_("참가가 확정된 사람만 후기를 쓸 수 있습니다."))
    form = ReviewForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_create(
                actor=request.user,
                activity=activity,
                rating=form.cleaned_data["rating"],
                text=form.cleaned_data["text"],
                photo=form.cleaned_data.get("photo"),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("후기를 남겼습니다. 고맙습니다!"))
            return redirect(activity)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "activities/review_form.html", {"activity": activity, "form": form}, status=status
    )


@require_POST
@_login_then_detail
def review_reply(request: HttpRequest, activity_id: int, review_id: int) -> HttpResponse:
    activity = _activity_or_404(request, activity_id)
    review = get_object_or_404(activity.reviews.select_related("activity"), pk=review_id)
    if not request.user.has_perm("activities.reply_review", review):
        raise PermissionDenied(_("주최자만 답글을 쓸 수 있습니다."))
    form = ReplyForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect(activity)
    try:
        services.review_reply(actor=request.user, review=review, text=form.cleaned_data["text"])
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("답글을 남겼습니다."))
    return redirect(activity)
