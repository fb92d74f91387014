from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sotong.core.context_processors import (
    remember_region_page,
    request_current_region,
    request_region_list,
)
from sotong.core.keyset import keyset_page
from sotong.core.models import Topic
from sotong.organizations import page_sections, selectors, services
from sotong.organizations.forms import DirectoryFilterForm, JoinForm, OrganizationForm
from sotong.organizations.models import JoinRequest, Membership, Organization

MEMBERS_PAGE_SIZE = 50


def _organization_or_404(slug: str) -> Organization:
    organization = selectors.organization_for_page(slug)
    if organization is None:
        raise Http404(_("찾는 단체가 없습니다."))
    return organization


def _managed_organization(request: HttpRequest, slug: str, perm: str) -> Organization:
    """The organisation, if the user may manage it: 404 when unknown, 403 when not allowed."""
    organization = _organization_or_404(slug)
    if not request.user.has_perm(perm, organization):
        raise PermissionDenied(_("이 단체를 관리할 권한이 없습니다."))
    return organization


def _login_then_detail(view):
    """For POST actions: a visitor who is not logged in logs in and comes back to the page."""

    @wraps(view)
    def wrapper(request: HttpRequest, slug: str, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(reverse("organizations:detail", kwargs={"slug": slug}))
        return view(request, slug, *args, **kwargs)

    return wrapper


def _report(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    regions = request_region_list(request)
    topics = list(Topic.objects.active().order_by("order", "name"))
    data = request.GET.copy()
    if "region" not in data:
        # Arriving without a region choice, one sees the city one is looking at;
        # "모든 지역" in the form (region=) shows every region.
        city = request_current_region(request)
        data["region"] = city.slug if city else ""
    filter_form = DirectoryFilterForm(data, regions=regions, topics=topics)
    filters = filter_form.filters()
    if filters["region"] is not None:
        remember_region_page(request, filters["region"])
    organizations = selectors.organization_directory(**filters)
    page = keyset_page(organizations, request.GET.get("after"), selectors.DIRECTORY_PAGE_SIZE)
    return render(
        request,
        "organizations/directory.html",
        {
            "filter_form": filter_form,
            "filters_narrowed": any(filters[name] for name in ("kind", "topic"))
            or filters["sort"] != "name"
            or bool(filter_form.errors),
            "page_obj": page,
            "organizations": page.items,
        },
    )


def _detail_context(request: HttpRequest, organization: Organization) -> dict:
    user = request.user
    can_manage = user.has_perm("organizations.change_organization", organization)
    membership = selectors.viewer_membership(user, organization)
    return {
        "organization": organization,
        "public_memberships": selectors.public_memberships(organization),
        "members_shown_limit": selectors.PUBLIC_MEMBERS_SHOWN,
        "membership": membership,
        "pending_request": (
            None if membership else selectors.viewer_pending_request(user, organization)
        ),
        "can_view_contact": user.has_perm("organizations.view_contact", organization),
        "can_manage": can_manage,
        "pending_request_count": (
            selectors.pending_join_requests(organization).count() if can_manage else 0
        ),
        "join_form": JoinForm(),
        "sections": page_sections.sections_for(organization),
    }


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(slug)
    return render(request, "organizations/detail.html", _detail_context(request, organization))


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("organizations.add_organization"):
        raise PermissionDenied(_("단체를 등록할 권한이 없습니다."))
    if request.method == "POST":
        form = OrganizationForm(request.POST, request.FILES)
        if form.is_valid():
            arguments = form.service_arguments()
            logo = arguments.pop("logo", None) or None
            try:
                organization = services.organization_create(
                    actor=request.user, logo=logo, **arguments
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("단체를 등록했습니다. 이제 이 단체의 관리자입니다."))
                return redirect(organization)
    else:
        form = OrganizationForm(
            initial={"region": request.user.home_region_id, "join_policy": "approval"}
        )
    return render(request, "organizations/form.html", {"form": form, "organization": None})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _managed_organization(request, slug, "organizations.change_organization")
    if request.method == "POST":
        form = OrganizationForm(request.POST, request.FILES, instance=organization)
        if form.is_valid():
            try:
                organization = services.organization_update(
                    actor=request.user, organization=organization, **form.service_arguments()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("단체 정보를 고쳤습니다."))
                return redirect(organization)
        # The bound form changed the instance in memory; the page shows the stored name.
        organization = _organization_or_404(slug)
    else:
        form = OrganizationForm(instance=organization)
    return render(request, "organizations/form.html", {"form": form, "organization": organization})


@require_POST
@_login_then_detail
def join(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(slug)
    form = JoinForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, organization)
        context["join_form"] = form
        return render(request, "organizations/detail.html", context, status=400)
    try:
        if organization.joins_at_once:
            services.membership_join(
                actor=request.user,
                organization=organization,
                is_public=form.cleaned_data["is_public"],
            )
            messages.success(request, _("가입했습니다. 환영합니다!"))
        else:
            services.join_request_create(
                actor=request.user,
                organization=organization,
                message=form.cleaned_data["message"],
                is_public=form.cleaned_data["is_public"],
            )
            messages.success(
                request, _("가입을 신청했습니다. 단체 관리자가 승인하면 구성원이 됩니다.")
            )
    except ValidationError as error:
        _report(request, error)
    return redirect(organization)


@require_POST
@_login_then_detail
def withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(slug)
    join_request = selectors.viewer_pending_request(request.user, organization)
    if join_request is None:
        messages.error(request, _("취소할 가입 신청이 없습니다."))
        return redirect(organization)
    try:
        services.join_request_withdraw(actor=request.user, join_request=join_request)
        messages.success(request, _("가입 신청을 취소했습니다."))
    except ValidationError as error:
        _report(request, error)
    return redirect(organization)


@require_POST
@_login_then_detail
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(slug)
    try:
        services.membership_leave(actor=request.user, organization=organization)
        messages.success(request, _("단체에서 탈퇴했습니다."))
    except ValidationError as error:
        _report(request, error)
    return redirect(organization)


@require_POST
@_login_then_detail
def visibility(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _organization_or_404(slug)
    is_public = request.POST.get("is_public") in ("on", "true", "1")
    try:
        services.membership_set_visibility(
            actor=request.user, organization=organization, is_public=is_public
        )
        if is_public:
            messages.success(request, _("이제 구성원 목록에 내 닉네임이 보입니다."))
        else:
            messages.success(request, _("이제 구성원 목록에 내 닉네임이 보이지 않습니다."))
    except ValidationError as error:
        _report(request, error)
    return redirect(organization)


@login_required
@require_GET
def requests(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _managed_organization(request, slug, "organizations.view_join_requests")
    return render(
        request,
        "organizations/requests.html",
        {
            "organization": organization,
            "join_requests": list(selectors.pending_join_requests(organization)),
        },
    )


@require_POST
@_login_then_detail
def decide(request: HttpRequest, slug: str, request_id: int) -> HttpResponse:
    organization = _managed_organization(request, slug, "organizations.decide_join_request")
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("organization", "user"),
        pk=request_id,
        organization=organization,
    )
    decision = request.POST.get("decision", "")
    try:
        services.join_request_decide(
            actor=request.user, join_request=join_request, decision=decision
        )
    except ValidationError as error:
        _report(request, error)
    else:
        nickname = join_request.user.nickname
        if decision == "approve":
            messages.success(request, _("%(name)s 님의 가입을 승인했습니다.") % {"name": nickname})
        else:
            messages.success(
                request, _("%(name)s 님의 가입 신청을 거절했습니다.") % {"name": nickname}
            )
    return redirect("organizations:requests", slug=organization.slug)


@login_required
@require_GET
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organization = _managed_organization(request, slug, "organizations.manage_members")
    page = Paginator(selectors.memberships_for_managers(organization), MEMBERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "organizations/members.html",
        {
            "organization": organization,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number),
            "memberships": list(page.object_list),
            "roles": Membership.Role,
        },
    )


def _managed_membership(request: HttpRequest, slug: str, membership_id: int) -> Membership:
    organization = _managed_organization(request, slug, "organizations.manage_members")
    return get_object_or_404(
        Membership.objects.select_related("organization", "user"),
        pk=membership_id,
        organization=organization,
    )


@require_POST
@_login_then_detail
def member_role(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = _managed_membership(request, slug, membership_id)
    role = request.POST.get("role", "")
    try:
        services.membership_set_role(actor=request.user, membership=membership, role=role)
    except ValidationError as error:
        _report(request, error)
    else:
        nickname = membership.user.nickname
        if role == Membership.Role.ADMIN:
            messages.success(
                request, _("%(name)s 님을 관리자로 지정했습니다.") % {"name": nickname}
            )
        else:
            messages.success(
                request, _("%(name)s 님은 이제 일반 구성원입니다.") % {"name": nickname}
            )
    if membership.user_id == request.user.pk and not request.user.has_perm(
        "organizations.manage_members", membership.organization
    ):
        return redirect(membership.organization)
    return redirect("organizations:members", slug=slug)


@require_POST
@_login_then_detail
def member_remove(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    membership = _managed_membership(request, slug, membership_id)
    try:
        services.membership_remove(actor=request.user, membership=membership)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(
            request, _("%(name)s 님을 단체에서 내보냈습니다.") % {"name": membership.user.nickname}
        )
    if membership.user_id == request.user.pk and not request.user.has_perm(
        "organizations.manage_members", membership.organization
    ):
        return redirect(membership.organization)
    return redirect("organizations:members", slug=slug)
