from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    """The trivial view: the benchmark's floor and a load balancer's health check."""
    return HttpResponse("ok", content_type="text/plain")
