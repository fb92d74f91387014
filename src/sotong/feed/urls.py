"""Included by core's URLconf without a namespace of its own: the names stay `core:home`,
`core:region` and `core:regions`, which the whole site links to."""

from django.urls import path

from sotong.feed import syndication, views, views_saved

urlpatterns = [
    path("", views.home, name="home"),
    path("regions/", views.region_index, name="regions"),
    path("regions/<slug:slug>/", views.region_home, name="region"),
    path("feeds/", views_saved.saved_filter_list, name="saved_filters"),
    path("feeds/new/", views_saved.saved_filter_new, name="saved_filter_new"),
    path("feeds/<int:pk>/token/", views_saved.saved_filter_token, name="saved_filter_token"),
    path("feeds/<int:pk>/delete/", views_saved.saved_filter_remove, name="saved_filter_delete"),
    path("feeds/<str:token>/rss/", syndication.SavedFilterRss(), name="saved_filter_rss"),
    path("feeds/<str:token>/atom/", syndication.SavedFilterAtom(), name="saved_filter_atom"),
    path("feeds/<str:token>/ical/", syndication.saved_filter_ical, name="saved_filter_ical"),
]
