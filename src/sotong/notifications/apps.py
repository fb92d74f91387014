from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "sotong.notifications"
    label = "notifications"
    verbose_name = _("알림")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.notifications import organizations, rules  # noqa: F401
        from sotong.notifications.personal import erase, export
        from sotong.notifications.registry import Periodic, register_periodic
        from sotong.notifications.tasks import prune_old, send_daily_digests, send_weekly_digests

        organizations.connect()
        register_periodic(Periodic("notifications.daily_digest", send_daily_digests, hour=8))
        register_periodic(
            Periodic("notifications.weekly_digest", send_weekly_digests, every="weekly", hour=8)
        )
        register_periodic(Periodic("notifications.prune", prune_old, hour=4))
        personal_data.register(
            "notifications", title=_("알림과 알림 설정"), export=export, erase=erase, order=80
        )
