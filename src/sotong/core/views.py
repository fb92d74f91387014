from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """The trivial view: the benchmark's floor and a load balancer's health check."""
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """The footer's language buttons: a POST form with no CSRF token, so that no page carries
    a token and anonymous pages can be cached whole.

    Exempting this one view is safe: all a forged cross-site POST could do is switch the
    visitor's language (it touches no session and no account), and Django's `set_language`
    still only returns to a `next` on this site. It stays a POST, not a GET link, so link
    prefetchers and crawlers never switch anyone's language, and it works without JavaScript.
    """
    return set_language(request)
