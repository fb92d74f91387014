from django.urls import path

from sotong.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("regions/", views.region_index, name="regions"),
    path("regions/<slug:slug>/", views.region_home, name="region"),
    path("healthz", views.healthz, name="healthz"),
]
