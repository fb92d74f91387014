from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "sotong.organizations"
    label = "organizations"
    verbose_name = _("단체")

    def ready(self):
        from sotong.organizations import indexing  # noqa: F401
