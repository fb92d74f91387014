"""The sections of a person's data that exist from the start (see personal_data.py).

Registered from AccountsConfig.ready(). The memberships and join requests sections belong
to the organisations app by rights; they live here until that app registers its own
(re-registering under the same name replaces these).
"""

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sotong.accounts import personal_data
from sotong.accounts.models import User
from sotong.core.models import RegionRole


def _region(region) -> dict | None:
    if region is None:
        return None
    return {"id": region.pk, "slug": region.slug, "name": region.full_name}


def export_account(user: User) -> dict:
    return {
        "id": user.pk,
        "email": user.email,
        "nickname": user.nickname,
        "home_region": _region(user.home_region),
        "bio": user.bio,
        "avatar": user.avatar.url if user.avatar else None,
        "profile_visibility": user.profile_visibility,
        "show_interests": user.show_interests,
        "show_organizations": user.show_organizations,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
        "has_password": user.has_usable_password(),
    }


def export_email_addresses(user: User) -> list[dict]:
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


def erase_email_addresses(user: User) -> None:
    EmailAddress.objects.filter(user=user).delete()


def export_social_accounts(user: User) -> list[dict]:
    return [
        {
            "provider": account.provider,
            "uid": account.uid,
            "date_joined": account.date_joined,
            "last_login": account.last_login,
        }
        for account in SocialAccount.objects.filter(user=user).order_by("provider")
    ]


def erase_social_accounts(user: User) -> None:
    # Tokens go with their accounts (on_delete=CASCADE).
    SocialAccount.objects.filter(user=user).delete()


def export_interests(user: User) -> list[dict]:
    return [
        {"id": topic.pk, "slug": topic.slug, "name": topic.name}
        for topic in user.interests.order_by("order", "name")
    ]


def erase_interests(user: User) -> None:
    user.interests.clear()


def export_region_roles(user: User) -> list[dict]:
    return [
        {
            "region": _region(role.region),
            "role": role.role,
            "role_display": str(role.get_role_display()),
            "since": role.created_at,
        }
        for role in RegionRole.objects.filter(user=user).select_related("region__parent")
    ]


def erase_region_roles(user: User) -> None:
    RegionRole.objects.filter(user=user).delete()


def export_memberships(user: User) -> list[dict]:
    Membership = apps.get_model("organizations", "Membership")
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("joined_at", "pk")
    )
    return [
        {
            "organization": {
                "id": membership.organization_id,
                "slug": membership.organization.slug,
                "name": membership.organization.name,
            },
            "role": membership.role,
            "shown_on_organization_page": membership.is_public,
            "joined_at": membership.joined_at,
        }
        for membership in memberships
    ]


def erase_memberships(user: User) -> None:
    """Leave every organisation, keeping each organisation's member count right.

    Unlike organizations.services.membership_leave this also lets the last admin go: an
    account must always be deletable. The deletion page warns about it beforehand, and the
    region's admins can name a new admin (organizations.manage_members).
    """
    Membership = apps.get_model("organizations", "Membership")
    Organization = apps.get_model("organizations", "Organization")
    organization_ids = list(
        Membership.objects.filter(user=user).values_list("organization_id", flat=True)
    )
    if not organization_ids:
        return
    # Lock the organisations (in one order, so two deletions cannot deadlock) as the
    # organisations' own services do before they touch member_count.
    list(Organization.objects.select_for_update().filter(pk__in=organization_ids).order_by("pk"))
    Membership.objects.filter(user=user).delete()
    # One membership per organisation (unique constraint), so each count drops by one.
    Organization.objects.filter(pk__in=organization_ids).update(
        member_count=Greatest(F("member_count") - 1, 0)
    )


def export_join_requests(user: User) -> list[dict]:
    JoinRequest = apps.get_model("organizations", "JoinRequest")
    join_requests = (
        JoinRequest.objects.filter(user=user)
        .select_related("organization")
        .order_by("created_at", "pk")
    )
    return [
        {
            "organization": {
                "id": join_request.organization_id,
                "slug": join_request.organization.slug,
                "name": join_request.organization.name,
            },
            "message": join_request.message,
            "status": join_request.status,
            "created_at": join_request.created_at,
            "decided_at": join_request.decided_at,
        }
        for join_request in join_requests
    ]


def erase_join_requests(user: User) -> None:
    """Withdraw what is still waiting; decided requests stay as the organisation's record."""
    JoinRequest = apps.get_model("organizations", "JoinRequest")
    JoinRequest.objects.filter(user=user, status=JoinRequest.Status.PENDING).update(
        status=JoinRequest.Status.WITHDRAWN, decided_at=timezone.now()
    )


def register_default_sections() -> None:
    personal_data.register("account", title=_("계정"), export=export_account, order=0)
    personal_data.register(
        "email_addresses",
        title=_("이메일 주소"),
        export=export_email_addresses,
        erase=erase_email_addresses,
        order=10,
    )
    personal_data.register(
        "social_accounts",
        title=_("연결된 소셜 계정"),
        export=export_social_accounts,
        erase=erase_social_accounts,
        order=20,
    )
    personal_data.register(
        "interests",
        title=_("관심 주제"),
        export=export_interests,
        erase=erase_interests,
        order=30,
    )
    personal_data.register(
        "region_roles",
        title=_("지역에서 맡은 역할"),
        export=export_region_roles,
        erase=erase_region_roles,
        order=40,
    )
    if apps.is_installed("sotong.organizations"):
        personal_data.register(
            "memberships",
            title=_("소속 단체"),
            export=export_memberships,
            erase=erase_memberships,
            order=50,
        )
        personal_data.register(
            "join_requests",
            title=_("단체 가입 신청"),
            export=export_join_requests,
            erase=erase_join_requests,
            order=60,
        )
