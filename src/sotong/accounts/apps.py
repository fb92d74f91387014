from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sotong.accounts"
    label = "accounts"
    verbose_name = _("회원")

    def ready(self) -> None:
        from sotong.accounts.sections import register_default_sections

        register_default_sections()
