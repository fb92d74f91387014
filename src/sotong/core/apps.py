from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "sotong.core"
    label = "core"
    verbose_name = _("지역과 주제")
