from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedConfig(AppConfig):
    name = "sotong.feed"
    label = "feed"
    verbose_name = _("피드")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.feed import activity_sources, plugins
        from sotong.feed.personal import erase_saved_filters, export_saved_filters

        activity_sources.register()
        plugins.register()
        personal_data.register(
            "saved_filters",
            title=_("저장한 조건"),
            export=export_saved_filters,
            erase=erase_saved_filters,
        )
