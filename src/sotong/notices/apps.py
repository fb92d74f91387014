from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The main menu's entry (core/templates/base.html); kept here so this app's catalogue has it.
MENU_LABEL = pgettext_lazy("menu", "공지")


class NoticesConfig(AppConfig):
    name = "sotong.notices"
    label = "notices"
    verbose_name = _("공지·공청회")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.notices import indexing, notifying, personal  # noqa: F401  (search kinds)

        notifying.connect()

        personal_data.register(
            "notice_questions",
            title=_("공지에 남긴 질문"),
            export=personal.export_notice_questions,
            order=300,
        )
        personal_data.register(
            "notice_answers",
            title=_("공지 질문에 단 답변"),
            export=personal.export_notice_answers,
            order=301,
        )
