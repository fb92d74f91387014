from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "sotong.proposals"
    label = "proposals"
    verbose_name = _("제안")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.proposals import indexing, notifying  # noqa: F401  (search kinds)
        from sotong.proposals.personal import export_proposals

        notifying.connect()
        personal_data.register(
            "proposals", title=_("제안과 공감"), export=export_proposals, order=60
        )
