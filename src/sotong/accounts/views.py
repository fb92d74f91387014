import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from sotong.accounts import profile_sections, selectors, services
from sotong.accounts.forms import DeleteAccountForm, ProfileForm
from sotong.accounts.models import User


def profile(request: HttpRequest, user_id: int) -> HttpResponse:
    person = selectors.profile_get(user_id=user_id)
    may_view = request.user.has_perm("accounts.view_profile", person)
    if not person.is_active and not may_view:
        raise Http404  # switched off by an operator: as if gone, except to admins
    if not may_view:
        # Only the nickname, which others see next to the person's contributions anyway.
        return render(request, "accounts/profile_restricted.html", {"person": person}, status=403)
    details = selectors.profile_details(person=person)
    return render(
        request,
        "accounts/profile.html",
        {
            "person": person,
            "interests": details.interests,
            "organizations": details.organizations,
            "is_own_profile": request.user.pk == person.pk,
            "nav_section": "me" if request.user.pk == person.pk else None,
            "sections": profile_sections.sections_for(person),
        },
    )


@login_required
def me(request: HttpRequest) -> HttpResponse:
    return redirect("accounts:profile", user_id=request.user.pk)


def _own_account(request: HttpRequest, permission: str) -> User:
    person = User.objects.select_related("home_region").get(pk=request.user.pk)
    if not request.user.has_perm(permission, person):
        raise PermissionDenied
    return person


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest) -> HttpResponse:
    # A fresh copy: a half-valid form must not leave its values on request.user.
    person = _own_account(request, "accounts.change_profile")
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=person)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.profile_update(
                    actor=request.user,
                    user=person,
                    nickname=data["nickname"],
                    home_region=data["home_region"],
                    interests=list(data["interests"]),
                    bio=data["bio"],
                    avatar=data["avatar"],
                    profile_visibility=data["profile_visibility"],
                    show_interests=data["show_interests"],
                    show_organizations=data["show_organizations"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("프로필을 저장했습니다."))
                return redirect("accounts:profile", user_id=person.pk)
    else:
        form = ProfileForm(instance=person)
    return render(
        request, "accounts/edit.html", {"form": form, "person": person, "nav_section": "me"}
    )


@never_cache
@login_required
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    person = _own_account(request, "accounts.export_data")
    data = selectors.user_personal_data(user=person)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    filename = f"sotong-{person.pk}-{timezone.localdate():%Y%m%d}.json"
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    person = _own_account(request, "accounts.delete_account")
    form = DeleteAccountForm(request.POST or None, user=person)
    if request.method == "POST" and form.is_valid():
        services.user_delete(actor=request.user, user=person)
        logout(request)
        messages.success(request, _("탈퇴했습니다. 그동안 소통과 함께해 주셔서 고맙습니다."))
        return redirect("core:home")
    return render(
        request,
        "accounts/delete.html",
        {
            "form": form,
            "person": person,
            "sole_admin_of": selectors.sole_admin_of(user=person),
            "nav_section": "me",
        },
    )
