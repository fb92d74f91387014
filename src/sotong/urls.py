from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from sotong.api.urls import api

urlpatterns = [
    path("", include("sotong.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("people/", include("sotong.accounts.urls")),
    path("organizations/", include("sotong.organizations.urls")),
    path("activities/", include("sotong.activities.urls")),
    path("interests/", include("sotong.interests.urls")),
    path("notifications/", include("sotong.notifications.urls")),
    path("notices/", include("sotong.notices.urls")),
    path("proposals/", include("sotong.proposals.urls")),
    path("questions/", include("sotong.questions.urls")),
    path("archive/", include("sotong.archive.urls")),
    path("search/", include("sotong.search.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]
