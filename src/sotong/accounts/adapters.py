from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        # No usernames: people log in with e-mail and are seen by their nickname.
        if not user.nickname:
            user.nickname = self.generate_unique_nickname(user.email)

    @staticmethod
    def generate_unique_nickname(email: str) -> str:
        from sotong.accounts.models import User

        base = (email.split("@")[0] or "주민")[:14]
        candidate, n = base, 1
        while User.objects.filter(nickname__iexact=candidate).exists():
            n += 1
            candidate = f"{base}{n}"
        return candidate


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        if not user.nickname:
            user.nickname = AccountAdapter.generate_unique_nickname(user.email or "kakao")
        return user
