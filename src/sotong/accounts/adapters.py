import re

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

NOT_ALLOWED_IN_NICKNAME = re.compile(r"[^0-9A-Za-z가-힣_.\-]")


def generate_unique_nickname(hint: str) -> str:
    """A valid, free nickname from an e-mail address or a provider's name (주민, 주민2, …)."""
    from sotong.accounts.models import User
    from sotong.accounts.services import DELETED_NICKNAME_PREFIX

    base = NOT_ALLOWED_IN_NICKNAME.sub("", hint.split("@")[0])[:16]
    if len(base) < 2 or base.startswith(DELETED_NICKNAME_PREFIX):
        base = "주민"
    candidate, n = base, 1
    while User.objects.filter(nickname__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # No usernames: people log in with e-mail and are seen by their nickname.
        if not user.nickname:
            user.nickname = generate_unique_nickname(user.email or "")

    @staticmethod
    def generate_unique_nickname(email: str) -> str:
        return generate_unique_nickname(email)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        if not user.nickname:
            hint = data.get("username") or data.get("first_name") or user.email or ""
            user.nickname = generate_unique_nickname(hint)
        return user
