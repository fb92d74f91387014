"""Business rules for people: nicknames, profile changes and deleting an account."""

import secrets

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sotong.accounts import personal_data
from sotong.accounts.models import User
from sotong.core.models import Region, Topic

# Deleted accounts are renamed "탈퇴한회원_1a2b3c"; nobody else may take a name like that.
DELETED_NICKNAME_PREFIX = "탈퇴한회원"
DELETED_EMAIL_DOMAIN = "deleted.invalid"  # .invalid never resolves (RFC 2606)


def nickname_validate(nickname: str, *, user: User | None = None) -> str:
    """Return the cleaned nickname or raise ValidationError (in Korean) when it is taken."""
    nickname = nickname.strip()
    if nickname.startswith(DELETED_NICKNAME_PREFIX):
        raise ValidationError(
            _("‘%(prefix)s’(으)로 시작하는 닉네임은 쓸 수 없습니다.")
            % {"prefix": DELETED_NICKNAME_PREFIX},
            code="reserved",
        )
    taken = User.objects.filter(nickname__iexact=nickname)
    if user is not None and user.pk:
        taken = taken.exclude(pk=user.pk)
    if taken.exists():
        raise ValidationError(
            _("이미 쓰고 있는 닉네임입니다. 다른 닉네임을 골라 주세요."), code="taken"
        )
    return nickname


@transaction.atomic
def profile_update(
    *,
    actor: User,
    user: User,
    nickname: str,
    home_region: Region | None,
    interests: list[Topic],
    bio: str,
    avatar: UploadedFile | bool | None,
    profile_visibility: str,
    show_interests: bool,
    show_organizations: bool,
) -> User:
    """Change what a person shows of themselves.

    `avatar`: a cleaned upload replaces the picture, False removes it, None keeps it.
    """
    # rules.has_perm rather than actor.has_perm: Django lets superusers past every has_perm,
    # but a profile is only ever changed by its owner (operators use the Django admin).
    if not rules.has_perm("accounts.change_profile", actor, user):
        raise PermissionDenied(_("다른 사람의 프로필은 고칠 수 없습니다."))
    user = User.objects.select_for_update().get(pk=user.pk)
    nickname = nickname_validate(nickname, user=user)
    if profile_visibility not in User.Visibility.values:
        raise ValidationError(_("공개 범위를 다시 골라 주세요."), code="invalid")
    old_avatar_name = user.avatar.name if user.avatar else ""
    user.nickname = nickname
    user.home_region = home_region
    user.bio = bio.strip()
    user.profile_visibility = profile_visibility
    user.show_interests = show_interests
    user.show_organizations = show_organizations
    user.full_clean(exclude=["password", "avatar"])
    if avatar is False:
        user.avatar = ""
    elif avatar:
        # A random file name: the uploaded one may say more about the person than they meant.
        extension = avatar.name.rsplit(".", 1)[-1].lower() if "." in avatar.name else "jpg"
        user.avatar.save(f"{secrets.token_hex(8)}.{extension}", avatar, save=False)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # someone took the nickname a moment ago
        if user.avatar and user.avatar.name != old_avatar_name:
            user.avatar.storage.delete(user.avatar.name)
        raise ValidationError(
            {"nickname": _("이미 쓰고 있는 닉네임입니다. 다른 닉네임을 골라 주세요.")}
        ) from exc
    user.interests.set(interests)
    if old_avatar_name and old_avatar_name != (user.avatar.name or ""):
        storage = user.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar_name))
    return user


def _deleted_nickname() -> str:
    while True:
        candidate = f"{DELETED_NICKNAME_PREFIX}_{secrets.token_hex(3)}"
        if not User.objects.filter(nickname__iexact=candidate).exists():
            return candidate


@transaction.atomic
def user_delete(*, user: User, actor: User | None = None) -> User:
    """Delete an account: every registered section erases its data, the person is anonymised.

    The row stays (as "탈퇴한회원_…", unable to log in) so that what the person contributed
    keeps its author without naming them.
    """
    actor = actor or user
    if not actor.has_perm("accounts.delete_account", user):
        raise PermissionDenied(_("다른 사람의 계정은 탈퇴시킬 수 없습니다."))
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_deleted:
        return user
    for section in personal_data.sections():
        if section.erase is not None:
            section.erase(user)
    old_avatar_name = user.avatar.name if user.avatar else ""
    user.nickname = _deleted_nickname()
    user.email = f"deleted-{user.pk}-{secrets.token_hex(4)}@{DELETED_EMAIL_DOMAIN}"
    user.bio = ""
    user.avatar = ""
    user.home_region = None
    user.profile_visibility = User.Visibility.PRIVATE
    user.show_interests = False
    user.show_organizations = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.deleted_at = timezone.now()
    # An unusable password also ends every session the person still has open.
    user.set_unusable_password()
    user.save()
    user.interests.clear()
    user.groups.clear()
    user.user_permissions.clear()
    if old_avatar_name:
        storage = user.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar_name))
    return user
