from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from sotong.core.context_processors import request_current_region
from sotong.core.models import Region
from sotong.core.selectors import topics_for
from sotong.organizations.models import Membership
from sotong.proposals import selectors, services
from sotong.proposals.forms import (
    AnswerForm,
    AssignForm,
    CommentForm,
    FilterForm,
    MinutesForm,
    PolicyForm,
    ProgressForm,
    ProposalForm,
    ReasonForm,
    RoundtableForm,
)
from sotong.proposals.models import Comment, Proposal, Status

# --- helpers ------------------------------------------------------------------------------


def _proposal_or_404(proposal_id: int) -> Proposal:
    proposal = selectors.proposal_for_page(proposal_id)
    if proposal is None:
        raise Http404(_("찾는 제안이 없습니다."))
    return proposal


def _login_then_detail(view):
    """For POST actions: a visitor who is not logged in logs in and comes back to the page."""

    @wraps(view)
    def wrapper(request: HttpRequest, proposal_id: int, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(
                reverse("proposals:detail", kwargs={"proposal_id": proposal_id})
            )
        return view(request, proposal_id, *args, **kwargs)

    return wrapper


def _report(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    for message in getattr(error, "messages", None) or [str(error)]:
        messages.error(request, message)


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _region_or_404(slug: str) -> Region:
    return get_object_or_404(Region.objects.active().select_related("parent"), slug=slug)


# --- finding ------------------------------------------------------------------------------


def _filters(request: HttpRequest):
    region = request_current_region(request)
    data = request.GET.copy()
    if "region" not in data and region is not None:
        data["region"] = region.slug
    form = FilterForm(data, topics=topics_for(region))
    return form, form.filters()


@require_GET
def proposal_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    after = request.GET.get("after")
    page = selectors.proposal_page(filters, after=int(after) if (after or "").isdigit() else None)
    query = request.GET.copy()
    query.pop("after", None)
    return render(
        request,
        "proposals/list.html",
        {
            "filter_form": form,
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "is_first_page": not after,
        },
    )


@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    points = selectors.map_points(filters)
    region = filters.region.city if filters.region else request_current_region(request)
    config = {
        "points": [
            {
                "id": p.pk,
                "title": p.title,
                "lat": p.latitude,
                "lng": p.longitude,
                "url": p.get_absolute_url(),
                "status": p.get_status_display(),
                "supports": p.support_count,
            }
            for p in points
        ],
        "bounds": list(region.bounds) if region else None,
        "tileUrl": settings.MAP_TILE_URL,
        "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
        "supportsLabel": _("공감"),
    }
    return render(
        request,
        "proposals/map.html",
        {"filter_form": form, "points": points, "map_config": config},
    )


@require_GET
def detail(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    user = request.user
    can_assign = user.has_perm("proposals.assign_department", proposal)
    can_answer = user.has_perm("proposals.answer_proposal", proposal)
    context = {
        "proposal": proposal,
        "topics": list(proposal.topics.all()),
        "steps": selectors.timeline(proposal),
        "threads": selectors.comment_threads(proposal),
        "answer": selectors.answer_for(proposal),
        "progress": list(proposal.progress_updates.select_related("author")),
        "roundtable_items": selectors.roundtable_items_for(proposal),
        "supported": selectors.viewer_supports(user, proposal),
        "is_author": user.is_authenticated and proposal.author_id == user.pk,
        "policy": services.policy_for(proposal.region),
        "comment_form": CommentForm(),
        "can_withdraw": user.has_perm("proposals.withdraw_proposal", proposal)
        and proposal.status == Status.SUBMITTED,
        "can_edit": user.has_perm("proposals.change_proposal", proposal)
        and proposal.status == Status.SUBMITTED,
        "can_assign": can_assign and proposal.is_awaiting_answer,
        "can_answer": can_answer
        and proposal.department_id
        and proposal.status in (Status.UNDER_REVIEW, Status.ROUNDTABLE),
        "can_progress": user.has_perm("proposals.post_progress", proposal)
        and proposal.status in (Status.ANSWERED, Status.IN_PROGRESS),
    }
    if context["can_assign"]:
        context["assign_form"] = _assign_form(proposal)
    if context["can_answer"]:
        context["answer_form"] = AnswerForm(auto_id="answer-%s")
    if context["can_progress"]:
        context["progress_form"] = ProgressForm(auto_id="progress-%s")
    return render(request, "proposals/detail.html", context)


# --- proposing ----------------------------------------------------------------------------


def _prefill(request: HttpRequest) -> tuple[dict, dict]:
    """Initial values and source links from ?question=, ?activity= or ?notice=."""
    from sotong.activities.models import Activity
    from sotong.notices.models import Notice
    from sotong.questions.models import Question

    initial: dict = {}
    sources: dict = {}
    for key, model, field in (
        ("question", Question, "source_question"),
        ("activity", Activity, "source_activity"),
        ("notice", Notice, "source_notice"),
    ):
        value = request.GET.get(key) or request.POST.get(key)
        if not (value or "").isdigit():
            continue
        source = model.objects.filter(pk=int(value)).first()
        if source is None:
            continue
        if key == "activity" and not request.user.has_perm("activities.view_activity", source):
            continue
        sources[field] = source
        initial.setdefault("title", getattr(source, "title", "")[:120])
        if getattr(source, "region_id", None):
            initial.setdefault("region", source.region_id)
        body = getattr(source, "body", "") or getattr(source, "description", "")
        if body:
            initial.setdefault("problem", body[:5000])
    return initial, sources


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("proposals.add_proposal"):
        raise PermissionDenied(_("제안할 권한이 없습니다."))
    region = request_current_region(request)
    topics = topics_for(region)
    initial, sources = _prefill(request)
    if request.method != "POST":
        initial.setdefault("region", region.pk if region else None)
        form = ProposalForm(initial=initial, user=request.user, topics=topics)
        return _form_page(request, form, sources=sources)
    form = ProposalForm(request.POST, request.FILES, user=request.user, topics=topics)
    if not form.is_valid():
        return _form_page(request, form, sources=sources, status=400)
    try:
        proposal = services.proposal_create(
            actor=request.user,
            fields=form.service_fields() | sources,
            topics=list(form.cleaned_data["topics"]),
            attachments=form.cleaned_data["attachments"],
        )
    except ValidationError as error:
        _add_errors(form, error)
        return _form_page(request, form, sources=sources, status=400)
    messages.success(request, _("제안을 올렸습니다. 이웃에게 알려 공감을 모아 보세요."))
    return redirect(proposal)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    if not request.user.has_perm("proposals.change_proposal", proposal):
        raise PermissionDenied(_("이 제안을 고칠 권한이 없습니다."))
    topics = topics_for(proposal.region)
    if request.method != "POST":
        initial = {
            name: getattr(proposal, name)
            for name in services.EDITABLE_FIELDS
            if not name.startswith("source_")
        }
        initial["region"] = proposal.region_id
        initial["organization"] = proposal.organization_id
        initial["topics"] = [t.pk for t in proposal.topics.all()]
        form = ProposalForm(initial=initial, user=request.user, topics=topics)
        return _form_page(request, form, proposal=proposal)
    form = ProposalForm(request.POST, request.FILES, user=request.user, topics=topics)
    if not form.is_valid():
        return _form_page(request, form, proposal=proposal, status=400)
    try:
        services.proposal_update(
            actor=request.user,
            proposal=proposal,
            fields=form.service_fields(),
            topics=list(form.cleaned_data["topics"]),
            attachments=form.cleaned_data["attachments"],
        )
    except ValidationError as error:
        _add_errors(form, error)
        return _form_page(request, form, proposal=proposal, status=400)
    messages.success(request, _("제안을 고쳤습니다."))
    return redirect(proposal)


def _form_page(request, form, *, proposal=None, sources=None, status=200):
    return render(
        request,
        "proposals/form.html",
        {"form": form, "proposal": proposal, "sources": sources or {}},
        status=status,
    )


# --- taking part --------------------------------------------------------------------------


@require_POST
@_login_then_detail
def support(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    try:
        if request.POST.get("action") == "withdraw":
            services.support_withdraw(actor=request.user, proposal=proposal)
            messages.success(request, _("공감을 취소했습니다. 이 제안의 알림도 더 받지 않습니다."))
        else:
            services.support_add(actor=request.user, proposal=proposal)
            messages.success(
                request, _("공감했습니다. 이 제안이 다음 단계로 넘어갈 때마다 알려 드립니다.")
            )
    except (ValidationError, PermissionDenied) as error:
        _report(request, error)
    return redirect(proposal)


@require_POST
@_login_then_detail
def comment(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid():
        if form.cleaned_data.get("parent"):
            parent = Comment.objects.filter(
                pk=form.cleaned_data["parent"], proposal=proposal
            ).first()
        try:
            created = services.comment_create(
                actor=request.user, proposal=proposal, body=form.cleaned_data["body"], parent=parent
            )
            messages.success(request, _("댓글을 남겼습니다."))
            return redirect(f"{proposal.get_absolute_url()}#comment-{created.pk}")
        except ValidationError as error:
            _add_errors(form, error)
        except PermissionDenied as error:
            _report(request, error)
            return redirect(proposal)
    return render(
        request,
        "proposals/comment_form.html",
        {"proposal": proposal, "form": form},
        status=400,
    )


@require_POST
@_login_then_detail
def withdraw(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        services.proposal_withdraw(
            actor=request.user, proposal=proposal, reason=form.cleaned_data.get("reason", "")
        )
        messages.success(request, _("제안을 철회했습니다."))
    except (ValidationError, PermissionDenied) as error:
        _report(request, error)
    return redirect(proposal)


# --- the city's side ----------------------------------------------------------------------


def _assign_form(proposal: Proposal, data=None) -> AssignForm:
    departments = services.departments_for(proposal.region)
    people = [
        (membership.user, membership.organization.name)
        for membership in Membership.objects.filter(organization__in=departments)
        .select_related("user", "organization")
        .order_by("organization__name", "user__nickname")[:300]
    ]
    return AssignForm(data, departments=departments, people=people, auto_id="assign-%s")


@require_POST
@_login_then_detail
def assign(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    if not request.user.has_perm("proposals.assign_department", proposal):
        raise PermissionDenied(_("이 지역의 공무원만 전담부서를 지정할 수 있습니다."))
    form = _assign_form(proposal, request.POST)
    if form.is_valid():
        contact = None
        if form.cleaned_data["contact_person"]:
            contact = Membership.objects.filter(
                user_id=int(form.cleaned_data["contact_person"])
            ).first()
            contact = contact.user if contact else None
        try:
            services.proposal_assign(
                actor=request.user,
                proposal=proposal,
                department=form.cleaned_data["department"],
                contact_person=contact,
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("전담부서를 지정했습니다."))
            return redirect(proposal)
        except ValidationError as error:
            _add_errors(form, error)
    return render(
        request, "proposals/action_form.html", _action(proposal, form, "assign"), status=400
    )


def _action(proposal, form, action) -> dict:
    titles = {
        "assign": _("전담부서 지정"),
        "answer": _("공식 답변"),
        "progress": _("추진 상황 올리기"),
    }
    return {
        "proposal": proposal,
        "form": form,
        "action_url": reverse(f"proposals:{action}", kwargs={"proposal_id": proposal.pk}),
        "heading": titles[action],
    }


@require_POST
@_login_then_detail
def answer(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    if not request.user.has_perm("proposals.answer_proposal", proposal):
        raise PermissionDenied(_("전담부서의 구성원이나 지역 관리자만 답변할 수 있습니다."))
    form = AnswerForm(request.POST, auto_id="answer-%s")
    if form.is_valid():
        try:
            services.answer_create(actor=request.user, proposal=proposal, **form.cleaned_data)
            messages.success(request, _("공식 답변을 올렸습니다. 공감한 주민 모두에게 알립니다."))
            return redirect(proposal)
        except ValidationError as error:
            _add_errors(form, error)
    return render(
        request, "proposals/action_form.html", _action(proposal, form, "answer"), status=400
    )


@require_POST
@_login_then_detail
def progress(request: HttpRequest, proposal_id: int) -> HttpResponse:
    proposal = _proposal_or_404(proposal_id)
    if not request.user.has_perm("proposals.post_progress", proposal):
        raise PermissionDenied(
            _("전담부서의 구성원이나 지역 관리자만 추진 상황을 올릴 수 있습니다.")
        )
    form = ProgressForm(request.POST, auto_id="progress-%s")
    if form.is_valid():
        try:
            services.progress_post(actor=request.user, proposal=proposal, **form.cleaned_data)
            messages.success(request, _("추진 상황을 올렸습니다."))
            return redirect(proposal)
        except ValidationError as error:
            _add_errors(form, error)
    return render(
        request, "proposals/action_form.html", _action(proposal, form, "progress"), status=400
    )


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region_or_404(slug).city
    if not request.user.has_perm("proposals.view_dashboard", region):
        raise PermissionDenied(_("공무원, 촉진자, 지역 관리자만 볼 수 있습니다."))
    return render(
        request,
        "proposals/dashboard.html",
        {
            "region": region,
            "lists": selectors.dashboard(region),
            "roundtables": selectors.roundtables_in(region),
            "policy": services.policy_for(region),
            "can_change_policy": request.user.has_perm("proposals.change_policy", region),
            "can_add_roundtable": request.user.has_perm("proposals.add_roundtable", region),
        },
    )


@require_GET
def figures(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region_or_404(slug).city
    total, departments = selectors.figures(region)
    return render(
        request,
        "proposals/figures.html",
        {
            "region": region,
            "total": total,
            "departments": departments,
            "policy": services.policy_for(region),
            "chart_rows": departments[:12],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def policy(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region_or_404(slug).city
    if not request.user.has_perm("proposals.change_policy", region):
        raise PermissionDenied(_("지역 관리자만 바꿀 수 있습니다."))
    current = services.policy_for(region)
    if request.method != "POST":
        form = PolicyForm(
            initial={
                "answer_days": current.answer_days,
                "levels": "\n".join(f"{n} = {label}" for n, label in current.levels),
            }
        )
        return render(request, "proposals/policy.html", {"region": region, "form": form})
    form = PolicyForm(request.POST)
    if form.is_valid():
        try:
            services.policy_save(actor=request.user, region=region, **form.cleaned_data)
            messages.success(request, _("제안 운영 기준을 저장했습니다."))
            return redirect("proposals:dashboard", slug=region.slug)
        except ValidationError as error:
            _add_errors(form, error)
    return render(request, "proposals/policy.html", {"region": region, "form": form}, status=400)


# --- roundtables --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def roundtable_create(request: HttpRequest, slug: str) -> HttpResponse:
    region = _region_or_404(slug).city
    if not request.user.has_perm("proposals.add_roundtable", region):
        raise PermissionDenied(_("촉진자, 공무원, 지역 관리자만 원탁회의를 열 수 있습니다."))
    candidates = Proposal.objects.filter(
        region_id__in=region.family_ids(),
        status__in=[Status.SUBMITTED, Status.UNDER_REVIEW, Status.ROUNDTABLE],
    ).order_by("-support_count", "-pk")
    if request.method != "POST":
        chosen = [int(v) for v in request.GET.getlist("proposal") if v.isdigit()]
        form = RoundtableForm(
            initial={"region": region.pk, "proposals": chosen},
            proposals=candidates[:100],
        )
        return render(request, "proposals/roundtable_form.html", {"region": region, "form": form})
    form = RoundtableForm(request.POST, proposals=candidates)
    if form.is_valid():
        try:
            roundtable = services.roundtable_create(
                actor=request.user,
                activity_fields=form.activity_fields(),
                proposals=list(form.cleaned_data["proposals"]),
            )
            messages.success(request, _("원탁회의를 열었습니다. 주민이 참가 신청할 수 있습니다."))
            return redirect(roundtable)
        except ValidationError as error:
            _add_errors(form, error)
    form.fields["proposals"].queryset = candidates[:100]
    return render(
        request, "proposals/roundtable_form.html", {"region": region, "form": form}, status=400
    )


def _roundtable_or_404(roundtable_id: int):
    roundtable = selectors.roundtable_for_page(roundtable_id)
    if roundtable is None or roundtable.activity.is_draft:
        raise Http404(_("찾는 원탁회의가 없습니다."))
    return roundtable


@require_GET
def roundtable(request: HttpRequest, roundtable_id: int) -> HttpResponse:
    roundtable = _roundtable_or_404(roundtable_id)
    return render(
        request,
        "proposals/roundtable.html",
        {
            "roundtable": roundtable,
            "items": list(roundtable.items.all()),
            "can_record": request.user.has_perm("proposals.record_minutes", roundtable),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def roundtable_minutes(request: HttpRequest, roundtable_id: int) -> HttpResponse:
    roundtable = _roundtable_or_404(roundtable_id)
    if not request.user.has_perm("proposals.record_minutes", roundtable):
        raise PermissionDenied(_("원탁회의 진행자만 회의록을 남길 수 있습니다."))
    items = list(roundtable.items.all())
    if request.method != "POST":
        form = MinutesForm(initial={"minutes": roundtable.minutes}, items=items)
        return render(
            request, "proposals/minutes_form.html", {"roundtable": roundtable, "form": form}
        )
    form = MinutesForm(request.POST, items=items)
    if form.is_valid():
        try:
            services.roundtable_record(
                actor=request.user,
                roundtable=roundtable,
                minutes=form.cleaned_data["minutes"],
                items=form.item_values(),
            )
            messages.success(request, _("회의록을 저장했습니다."))
            return redirect(roundtable)
        except ValidationError as error:
            _add_errors(form, error)
    return render(
        request,
        "proposals/minutes_form.html",
        {"roundtable": roundtable, "form": form},
        status=400,
    )
