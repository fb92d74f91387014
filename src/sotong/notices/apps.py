from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "sotong.notices"
    label = "notices"
    verbose_name = _("공지·공청회")
