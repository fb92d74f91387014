"""Included by core's URLconf without a namespace of its own: the names stay `core:home`,
`core:region` and `core:regions`, which the whole site links to."""

from django.urls import path

from sotong.feed import views

urlpatterns = [
    path("", views.home, name="home"),
    path("regions/", views.region_index, name="regions"),
    path("regions/<slug:slug>/", views.region_home, name="region"),
]
