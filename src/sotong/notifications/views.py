from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from sotong.notifications import selectors, services
from sotong.notifications.forms import PreferencesForm
from sotong.notifications.models import Notification
from sotong.notifications.registry import get_kind
from sotong.notifications.tokens import ALL_KINDS, read_unsubscribe_token


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    before = request.GET.get("before", "")
    page, next_before = selectors.notifications_page(
        request.user, before=int(before) if before.isdigit() else None
    )
    return render(
        request,
        "notifications/list.html",
        {
            "notifications": page,
            "next_before": next_before,
            "is_first_page": not before,
            "unread": selectors.unread_count(request.user),
            "nav_section": "notifications",
        },
    )


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks one as read, then goes where it points (or back to the list)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.notification_mark_read(actor=request.user, notification=notification)
    if (
        request.POST.get("go")
        and notification.url
        and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()})
    ):
        return redirect(notification.url)
    return redirect("notifications:list")


@login_required
@require_POST
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(actor=request.user)
    messages.success(request, _("알림 %(count)d건을 읽음으로 표시했습니다.") % {"count": count})
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    current = services.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, preferences=current)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(actor=request.user, user=request.user, choices=form.cleaned_data)
        messages.success(request, _("알림 설정을 저장했습니다."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "nav_section": "notifications"},
        status=400 if form.is_bound else 200,
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation (link scanners must not unsubscribe anyone); POST does it."""
    found = read_unsubscribe_token(token)
    user = None
    if found is not None:
        user = get_user_model().objects.filter(pk=found[0], is_active=True).first()
    if user is None:
        raise Http404(_("수신 거부 주소가 올바르지 않거나 만료되었습니다."))
    kind_key = found[1]
    kind = None if kind_key == ALL_KINDS else get_kind(kind_key)
    if kind_key != ALL_KINDS and kind is None:
        raise Http404(_("수신 거부 주소가 올바르지 않거나 만료되었습니다."))
    context = {"kind": kind, "token": token, "done": False, "nav_section": "notifications"}
    if request.method == "POST":
        services.unsubscribe(user_id=user.pk, kind=kind_key)
        context["done"] = True
    return render(request, "notifications/unsubscribe.html", context)
