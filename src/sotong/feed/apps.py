from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedConfig(AppConfig):
    name = "sotong.feed"
    label = "feed"
    verbose_name = _("피드")

    def ready(self):
        from sotong.feed import activity_sources, plugins

        activity_sources.register()
        plugins.register()
