import os

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "sotong.search"
    label = "search"
    verbose_name = _("검색")

    def ready(self):
        # Under `gunicorn --preload` (run.py sets this), load Kiwi once in the master so the
        # workers share its ~330 MB copy-on-write instead of each loading its own.
        if os.environ.get("SOTONG_PRELOAD_ANALYSER") == "1":
            from sotong.search import analysis

            analysis.analyser()
