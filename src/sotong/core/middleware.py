import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
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


class AnonymousPageCacheMiddleware:
    """Serves whole HTML pages and API answers to anonymous visitors from the cache for a few
    seconds.

    A visitor counts as anonymous only when the request carries neither a session cookie nor a
    messages cookie: deciding must not cost a query, and a logged-in person (whose session is
    in that cookie) must never get a page drawn for someone else. A response is stored only if
    it is a plain 200 HTML page that sets no cookie (no CSRF token was drawn into it, no message
    was read, no session started) and does not forbid caching. The key is the host, the full
    path and the language, so each language has its own copy. SOTONG_PAGE_CACHE_SECONDS = 0
    turns it off (the default in the tests and in DEBUG).

    API answers (JSON) follow the same rules: a caller without a session cookie reads only
    what is public, the same for everyone, and the language is the one Accept-Language chose
    (the key holds it; the locale middleware adds `Vary: Accept-Language` on the way out).
    Programs that poll the API (a city website's event widget, a map) then cost nothing more.

    Sits after the locale middleware (it needs the language) and before CSRF, auth and
    messages, so a hit skips them and a miss sees the cookies they set.
    """

    HIT_HEADER = "X-Sotong-Page-Cache"
    KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "SOTONG_PAGE_CACHE_SECONDS", 0)
        if seconds <= 0 or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[self.HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            headers = [(name, response[name]) for name in self.KEPT_HEADERS if name in response]
            cache.set(key, (response.status_code, headers, response.content), seconds)
            response[self.HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(("/admin/", "/static/", "/media/"))
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        )

    @staticmethod
    def _cacheable_response(request, response) -> bool:
        control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith(("text/html", "application/json"))
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
            and not any(word in control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def _key(request) -> str:
        where = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(where.encode()).hexdigest()
        return f"sotong:page:{translation.get_language()}:{digest}"
