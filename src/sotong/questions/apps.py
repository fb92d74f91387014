from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The main menu's entry (core/templates/base.html); kept here so this app's catalogue has it.
MENU_LABEL = pgettext_lazy("menu", "질문")


class QuestionsConfig(AppConfig):
    name = "sotong.questions"
    label = "questions"
    verbose_name = _("질문도서관")

    def ready(self):
        from sotong.accounts import personal_data
        from sotong.questions import indexing, notifying, personal  # noqa: F401  (search kinds)

        notifying.connect()

        personal_data.register(
            "questions", title=_("질문도서관의 질문"), export=personal.export_questions, order=310
        )
        personal_data.register(
            "question_answers",
            title=_("질문도서관의 답변"),
            export=personal.export_answers,
            order=311,
        )
        personal_data.register(
            "helpful_votes",
            title=_("‘도움이 돼요’를 누른 답변"),
            export=personal.export_helpful_votes,
            order=312,
        )
