from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class KoreanFirstLocaleMiddleware(LocaleMiddleware):
    """Korean unless the visitor chose another language with the language switcher.

    Django's LocaleMiddleware follows the browser's Accept-Language, so a phone set to English
    would get an English Sotong by surprise. Here the choice is the visitor's own: the language
    cookie that /i18n/setlang/ sets, else Korean. API clients negotiate as HTTP intends, with
    Accept-Language.
    """

    def process_request(self, request):
        if request.path.startswith("/api/"):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
