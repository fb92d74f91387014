from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sotong.accounts.models import User
from sotong.core.models import Region, Topic
from sotong.interests.forms import OnboardingForm
from sotong.interests.models import Follow
from sotong.interests.selectors import (
    follow_list,
    suggested_organizations,
    topic_follow_states,
)
from sotong.interests.services import follow, regions_replace, topics_replace, unfollow
from sotong.organizations.models import Organization

TARGETS = {
    "topic": Topic.objects.all(),
    "region": Region.objects.all(),
    "organization": Organization.objects.all(),
    "person": User.objects.all(),
}


def _back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(wanted)
    return HttpResponseRedirect(fallback)


def target_name(target) -> str:
    if isinstance(target, Topic):
        return f"#{target.name}"
    if isinstance(target, Region):
        return target.full_name
    if isinstance(target, User):
        return target.nickname
    return target.name


@require_POST
@login_required
def toggle(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The follow button: `action=follow` or `action=unfollow`, then back where it was."""
    if kind not in TARGETS:
        return HttpResponse(status=404)
    target = get_object_or_404(TARGETS[kind], pk=pk)
    fallback = reverse("interests:mine") if kind == "topic" else target.get_absolute_url()
    name = target_name(target)
    if request.POST.get("action") == "unfollow":
        unfollow(user=request.user, target=target)
        messages.success(request, _("‘%(name)s’ 팔로우를 그만두었습니다.") % {"name": name})
    else:
        try:
            follow(user=request.user, target=target)
        except PermissionDenied:
            messages.error(request, _("‘%(name)s’은(는) 팔로우할 수 없습니다.") % {"name": name})
            return _back(request, fallback)
        messages.success(request, _("‘%(name)s’을(를) 팔로우합니다.") % {"name": name})
    return _back(request, fallback)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """내 관심사: everything I follow, each with its unfollow button."""
    user = request.user
    topics = list(Topic.objects.active().for_region(user.home_region).order_by("order", "name"))
    context = {
        "follows": follow_list(user),
        "all_topics": topics,
        "topic_states": topic_follow_states(user, topics),
    }
    return render(request, "interests/mine.html", context)


def _onboarding_choices(user):
    topics = Topic.objects.active().for_region(user.home_region).order_by("order", "name")
    regions = Region.objects.active().select_related("parent")
    if user.home_region_id:
        city = user.home_region.city
        regions = regions.filter(Q(pk=city.pk) | Q(parent=city))
    regions = regions.order_by("parent_id", "order", "name")
    suggested = suggested_organizations(user)
    organizations = Organization.objects.filter(pk__in=[o.pk for o in suggested]).order_by("name")
    return topics, regions, organizations


@login_required
def onboarding(request: HttpRequest) -> HttpResponse:
    """Right after sign-up, and from 내 관심사 any time: pick topics, neighbourhoods and a
    few organisations in one short form."""
    user = request.user
    topics, regions, organizations = _onboarding_choices(user)
    initial = {
        "topics": list(user.interests.values_list("pk", flat=True)),
        "regions": list(
            Follow.objects.filter(follower=user, region__isnull=False).values_list(
                "region_id", flat=True
            )
        ),
    }
    form = OnboardingForm(
        request.POST or None,
        initial=initial,
        topics=topics,
        regions=regions,
        organizations=organizations,
    )
    if request.method == "POST" and form.is_valid():
        topics_replace(user=user, topics=form.cleaned_data["topics"])
        regions_replace(user=user, regions=form.cleaned_data["regions"])
        for organization in form.cleaned_data.get("organizations") or []:
            follow(user=user, target=organization)
        messages.success(request, _("관심사를 저장했습니다. 맞는 소식을 모아 보여 드립니다."))
        return redirect("core:home")
    return render(request, "interests/onboarding.html", {"form": form})
