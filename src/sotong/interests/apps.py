from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterestsConfig(AppConfig):
    name = "sotong.interests"
    label = "interests"
    verbose_name = _("관심사")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.interests.personal import erase_follows, export_follows

        personal_data.register(
            "follows",
            title=_("팔로우한 지역·단체·주민"),
            export=export_follows,
            erase=erase_follows,
        )
