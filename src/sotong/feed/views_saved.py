"""저장한 조건: save the activity list's filters, subscribe to them, rotate the secret address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sotong.feed.forms import SavedFilterForm, initial_from_query
from sotong.feed.models import SavedFilter
from sotong.feed.saved import (
    saved_filter_create,
    saved_filter_delete,
    saved_filter_regenerate_token,
    saved_filters_of,
)


@login_required
def saved_filter_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "feed/saved_list.html", {"saved_filters": saved_filters_of(request.user)}
    )


@login_required
def saved_filter_new(request: HttpRequest) -> HttpResponse:
    form = SavedFilterForm(
        request.POST or None,
        initial=initial_from_query(request.GET),
        user=request.user,
        wanted_organization_slugs=request.GET.getlist("organization"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = saved_filter_create(
            user=request.user,
            name=data["name"],
            topics=data["topics"],
            regions=data["regions"],
            organizations=data["organizations"],
            kinds=data["kinds"],
        )
        messages.success(
            request,
            _("‘%(name)s’ 조건을 저장했습니다. 아래 주소로 구독하세요.") % {"name": saved.name},
        )
        return redirect("core:saved_filters")
    return render(request, "feed/saved_form.html", {"form": form})


def _own(request: HttpRequest, pk: int) -> SavedFilter:
    saved = get_object_or_404(SavedFilter, pk=pk)
    if not request.user.has_perm("feed.manage_savedfilter", saved):
        raise PermissionDenied(_("내가 저장한 조건만 고칠 수 있습니다."))
    return saved


@require_POST
@login_required
def saved_filter_token(request: HttpRequest, pk: int) -> HttpResponse:
    saved = saved_filter_regenerate_token(user=request.user, saved=_own(request, pk))
    messages.success(
        request,
        _("‘%(name)s’의 피드 주소를 새로 만들었습니다. 예전 주소는 더 이상 쓸 수 없습니다.")
        % {"name": saved.name},
    )
    return redirect("core:saved_filters")


@require_POST
@login_required
def saved_filter_remove(request: HttpRequest, pk: int) -> HttpResponse:
    saved = _own(request, pk)
    name = saved.name
    saved_filter_delete(user=request.user, saved=saved)
    messages.success(request, _("‘%(name)s’ 조건을 지웠습니다.") % {"name": name})
    return redirect("core:saved_filters")
