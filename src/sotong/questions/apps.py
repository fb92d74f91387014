from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "sotong.questions"
    label = "questions"
    verbose_name = _("질문도서관")
