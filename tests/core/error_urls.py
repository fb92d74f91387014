"""The project's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from sotong.urls import urlpatterns as project_urlpatterns


def forbidden(request):
    raise PermissionDenied("이 단체를 관리할 권한이 없습니다.")


def suspicious(request):
    raise SuspiciousOperation("a tampered request")


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("test-errors/forbidden/", forbidden),
    path("test-errors/suspicious/", suspicious),
    path("test-errors/broken/", broken),
    *project_urlpatterns,
]
