"""Everything that changes organisations, memberships and join requests.

Each function checks the actor's permission through `has_perm`, runs in one transaction and
raises PermissionDenied or ValidationError (Korean messages) instead of writing half-way.
Membership changes lock the organisation row first, so that `member_count` and the
"at least one admin" rule hold when many people click at the same moment.
"""

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.core import events
from sotong.core.models import Region, Topic
from sotong.organizations.models import JoinRequest, Membership, Organization
from sotong.organizations.slugs import slug_base

# Paths under /organizations/ that an organisation's slug must never shadow.
RESERVED_SLUGS = frozenset({"new"})
EDITABLE_FIELDS = frozenset(
    {
        "name",
        "kind",
        "region",
        "summary",
        "description",
        "website",
        "contact_email",
        "contact_phone",
        "address",
        "join_policy",
    }
)


def _require(actor, perm: str, obj=None) -> None:
    if not actor.has_perm(perm, obj):
        raise PermissionDenied(_("이 일을 할 권한이 없습니다."))


def _lock(organization: Organization) -> Organization:
    """The organisation re-read under a row lock (SQLite: the IMMEDIATE transaction's lock)."""
    return Organization.objects.select_for_update().get(pk=organization.pk)


def _adjust_member_count(organization: Organization, delta: int) -> None:
    Organization.objects.filter(pk=organization.pk).update(member_count=F("member_count") + delta)


def _admin_count(organization: Organization) -> int:
    return Membership.objects.filter(organization=organization, role=Membership.Role.ADMIN).count()


def _check_government_kind(actor, *, kind: str, region: Region) -> None:
    if kind == Organization.Kind.GOVERNMENT and not actor.has_perm(
        "organizations.add_government_organization", region
    ):
        raise ValidationError(
            {
                "kind": _(
                    "행정기관은 그 지역의 지역 관리자나 운영자만 등록할 수 있습니다. "
                    "다른 종류를 골라 주세요."
                )
            },
            code="government_not_allowed",
        )


def organization_save_with_unique_slug(organization: Organization) -> None:
    """Saves a new organisation under a free slug made from its name (retries on a race)."""
    base = slug_base(organization.name)
    taken = set(
        Organization.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    ) | set(RESERVED_SLUGS)
    candidate = base
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    attempts = 5
    for attempt in range(attempts):
        organization.slug = candidate
        try:
            with transaction.atomic():
                organization.save()
            return
        except IntegrityError:
            if attempt == attempts - 1:
                raise
            # Someone took the same slug a moment ago: add a short random tail.
            candidate = f"{base[:52]}-{secrets.token_hex(3)}"


def organization_create(
    *,
    actor,
    name: str,
    kind: str,
    region: Region,
    summary: str,
    description: str = "",
    website: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    address: str = "",
    join_policy: str = Organization.JoinPolicy.APPROVAL,
    topics: Iterable[Topic] = (),
    logo: UploadedFile | None = None,
) -> Organization:
    """Registers an organisation; its creator becomes its first admin."""
    _require(actor, "organizations.add_organization")
    _check_government_kind(actor, kind=kind, region=region)
    organization = Organization(
        name=name,
        kind=kind,
        region=region,
        summary=summary,
        description=description,
        website=website,
        contact_email=contact_email,
        contact_phone=contact_phone,
        address=address,
        join_policy=join_policy,
        member_count=1,
    )
    organization.full_clean(exclude=["slug", "logo"])
    with transaction.atomic():
        organization_save_with_unique_slug(organization)
        organization.topics.set(topics)
        if logo:
            organization.logo = logo
            organization.save(update_fields=["logo"])
        Membership.objects.create(organization=organization, user=actor, role=Membership.Role.ADMIN)
    return organization


def organization_update(*, actor, organization: Organization, **changes: Any) -> Organization:
    """Changes an organisation's profile. `logo=False` removes the logo, `topics` replaces them.

    Turning an organisation into a government one (or moving a government one to another
    region) needs the same right as creating one there.
    """
    unknown = set(changes) - EDITABLE_FIELDS - {"topics", "logo"}
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    with transaction.atomic():
        # Checked on the stored row: a bound ModelForm may already have changed the instance.
        current = _lock(organization)
        _require(actor, "organizations.change_organization", current)
        old_kind, old_region_id = current.kind, current.region_id
        for field, value in changes.items():
            if field in EDITABLE_FIELDS:
                setattr(current, field, value)
        if current.kind == Organization.Kind.GOVERNMENT and (
            old_kind != current.kind or old_region_id != current.region_id
        ):
            _check_government_kind(actor, kind=current.kind, region=current.region)
        old_logo = current.logo.name if current.logo else ""
        if "logo" in changes:
            current.logo = changes["logo"] or ""
        current.full_clean(exclude=["logo"])
        current.save()
        if "topics" in changes:
            current.topics.set(changes["topics"])
        if old_logo and old_logo != (current.logo.name if current.logo else ""):
            storage = current.logo.storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return current


def membership_join(*, actor, organization: Organization, is_public: bool = True) -> Membership:
    """Joins an organisation that anyone may join at once."""
    _require(actor, "organizations.join_organization", organization)
    with transaction.atomic():
        current = _lock(organization)
        if not current.is_active:
            raise ValidationError(_("활동을 멈춘 단체에는 가입할 수 없습니다."), code="inactive")
        if not current.joins_at_once:
            raise ValidationError(
                _("이 단체는 관리자 승인 후 가입할 수 있습니다. 가입 신청을 해 주세요."),
                code="approval_needed",
            )
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    organization=current, user=actor, is_public=is_public
                )
        except IntegrityError:
            raise ValidationError(
                _("이미 이 단체의 구성원입니다."), code="already_member"
            ) from None
        _adjust_member_count(current, +1)
        JoinRequest.objects.filter(
            organization=current, user=actor, status=JoinRequest.Status.PENDING
        ).update(status=JoinRequest.Status.WITHDRAWN, decided_at=timezone.now())
    return membership


def join_request_create(
    *, actor, organization: Organization, message: str = "", is_public: bool = True
) -> JoinRequest:
    """Asks to join an organisation whose admins approve new members."""
    _require(actor, "organizations.join_organization", organization)
    with transaction.atomic():
        current = _lock(organization)
        if not current.is_active:
            raise ValidationError(_("활동을 멈춘 단체에는 가입할 수 없습니다."), code="inactive")
        if Membership.objects.filter(organization=current, user=actor).exists():
            raise ValidationError(_("이미 이 단체의 구성원입니다."), code="already_member")
        join_request = JoinRequest(
            organization=current, user=actor, message=message.strip(), is_public=is_public
        )
        join_request.full_clean(exclude=["organization", "user", "decided_by"])
        try:
            with transaction.atomic():
                join_request.save()
        except IntegrityError:
            raise ValidationError(
                _("이미 가입을 신청했습니다. 관리자의 답을 기다려 주세요."),
                code="already_pending",
            ) from None
        events.publish("join_request.created", join_request_id=join_request.pk)
    return join_request


def join_request_withdraw(*, actor, join_request: JoinRequest) -> JoinRequest:
    """The requester takes back a pending request."""
    _require(actor, "organizations.withdraw_join_request", join_request)
    with transaction.atomic():
        _lock(join_request.organization)
        current = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if current.status != JoinRequest.Status.PENDING:
            raise ValidationError(_("이미 처리된 신청은 취소할 수 없습니다."), code="not_pending")
        current.status = JoinRequest.Status.WITHDRAWN
        current.decided_at = timezone.now()
        current.save(update_fields=["status", "decided_at"])
    return current


def join_request_decide(*, actor, join_request: JoinRequest, decision: str) -> JoinRequest:
    """An organisation's manager approves (the person becomes a member) or declines."""
    if decision not in ("approve", "decline"):
        raise ValidationError(_("승인 또는 거절 중 하나를 골라 주세요."), code="bad_decision")
    _require(actor, "organizations.decide_join_request", join_request.organization)
    with transaction.atomic():
        organization = _lock(join_request.organization)
        current = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if current.status != JoinRequest.Status.PENDING:
            raise ValidationError(_("이미 처리된 신청입니다."), code="not_pending")
        if decision == "approve":
            _membership, created = Membership.objects.get_or_create(
                organization=organization,
                user_id=current.user_id,
                defaults={"is_public": current.is_public},
            )
            if created:
                _adjust_member_count(organization, +1)
            current.status = JoinRequest.Status.APPROVED
        else:
            current.status = JoinRequest.Status.DECLINED
        current.decided_at = timezone.now()
        current.decided_by = actor
        current.save(update_fields=["status", "decided_at", "decided_by"])
    return current


def _require_member(actor, organization: Organization) -> None:
    if not actor.has_perm("organizations.leave_organization", organization):
        raise ValidationError(_("이 단체의 구성원이 아닙니다."), code="not_member")


def membership_leave(*, actor, organization: Organization) -> None:
    """A member leaves; the last admin has to hand over first."""
    _require_member(actor, organization)
    with transaction.atomic():
        current = _lock(organization)
        membership = (
            Membership.objects.select_for_update().filter(organization=current, user=actor).first()
        )
        if membership is None:
            raise ValidationError(_("이 단체의 구성원이 아닙니다."), code="not_member")
        if membership.role == Membership.Role.ADMIN and _admin_count(current) <= 1:
            raise ValidationError(
                _(
                    "단체에는 관리자가 적어도 한 명 있어야 합니다. "
                    "다른 구성원을 관리자로 지정한 다음 탈퇴해 주세요."
                ),
                code="last_admin",
            )
        membership.delete()
        _adjust_member_count(current, -1)


def membership_set_role(*, actor, membership: Membership, role: str) -> Membership:
    """Makes a member an admin or an admin a member; the last admin stays an admin."""
    if role not in Membership.Role.values:
        raise ValidationError(_("알 수 없는 역할입니다."), code="bad_role")
    _require(actor, "organizations.manage_members", membership.organization)
    with transaction.atomic():
        organization = _lock(membership.organization)
        current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        if current is None:
            raise ValidationError(_("이미 단체를 떠난 구성원입니다."), code="gone")
        if (
            current.role == Membership.Role.ADMIN
            and role != Membership.Role.ADMIN
            and _admin_count(organization) <= 1
        ):
            raise ValidationError(
                _(
                    "단체에는 관리자가 적어도 한 명 있어야 합니다. "
                    "다른 구성원을 먼저 관리자로 지정해 주세요."
                ),
                code="last_admin",
            )
        current.role = role
        current.save(update_fields=["role"])
    return current


def membership_remove(*, actor, membership: Membership) -> None:
    """A manager removes someone from the organisation."""
    _require(actor, "organizations.manage_members", membership.organization)
    with transaction.atomic():
        organization = _lock(membership.organization)
        current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
        if current is None:
            raise ValidationError(_("이미 단체를 떠난 구성원입니다."), code="gone")
        if current.role == Membership.Role.ADMIN and _admin_count(organization) <= 1:
            raise ValidationError(
                _(
                    "단체에는 관리자가 적어도 한 명 있어야 합니다. "
                    "마지막 관리자는 내보낼 수 없습니다."
                ),
                code="last_admin",
            )
        current.delete()
        _adjust_member_count(organization, -1)


def membership_set_visibility(*, actor, organization: Organization, is_public: bool) -> Membership:
    """A member chooses whether the organisation's page shows their nickname."""
    _require_member(actor, organization)
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(organization=organization, user=actor)
            .first()
        )
        if membership is None:
            raise ValidationError(_("이 단체의 구성원이 아닙니다."), code="not_member")
        membership.is_public = is_public
        membership.save(update_fields=["is_public"])
    return membership


def organization_recount_members(*, organization: Organization) -> int:
    """Sets member_count from the memberships (after the Django admin edited them directly)."""
    with transaction.atomic():
        current = _lock(organization)
        count = Membership.objects.filter(organization=current).count()
        Organization.objects.filter(pk=current.pk).update(member_count=count)
    return count
