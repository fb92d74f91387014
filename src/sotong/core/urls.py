from django.urls import include, path

from sotong.core import views

app_name = "core"

# The home and region pages gather every capability, so the feed app (top layer) builds them;
# core only mounts them by dotted path and never imports what sits above it.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("language/", views.choose_language, name="language"),
    path("", include("sotong.feed.urls")),
]
