from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "sotong.activities"
    label = "activities"
    verbose_name = _("활동")

    def ready(self):
        from sotong.accounts import profile_sections
        from sotong.activities import indexing, notifying  # noqa: F401
        from sotong.activities.profile import host_reviews

        notifying.connect()

        profile_sections.register(
            profile_sections.ProfileSection(
                name="host_reviews",
                template="activities/partials/host_reviews.html",
                context=host_reviews,
            )
        )
