from django.urls import path
from django.views.generic import RedirectView

from sotong.activities import views, views_find, views_share

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("new/", views.create, name="create"),
    path("map/", views_find.map_page, name="map"),
    path("map/data.json", views_find.map_data, name="map_data"),
    path("calendar/", views_find.calendar_page, name="calendar"),
    path("<int:activity_id>/", views.detail, name="detail"),
    path("<int:activity_id>/edit/", views.edit, name="edit"),
    path("<int:activity_id>/publish/", views.publish, name="publish"),
    path("<int:activity_id>/cancel/", views.cancel, name="cancel"),
    path("<int:activity_id>/copy/", views.copy, name="copy"),
    path("<int:activity_id>/rsvp/", views.rsvp, name="rsvp"),
    path("<int:activity_id>/rsvp/cancel/", views.rsvp_cancel, name="rsvp_cancel"),
    path("<int:activity_id>/participants/", views.participants, name="participants"),
    path(
        "<int:activity_id>/participants/<int:rsvp_id>/checkin/",
        views.checkin,
        name="checkin",
    ),
    path("<int:activity_id>/reviews/new/", views.review_create, name="review_create"),
    path(
        "<int:activity_id>/reviews/<int:review_id>/reply/",
        views.review_reply,
        name="review_reply",
    ),
]

# Sharing and telling participants (views_share.py).
urlpatterns += [
    path("calendar.ics", views_share.list_ics, name="list_ics"),
    path("<int:activity_id>/calendar.ics", views_share.activity_ics, name="activity_ics"),
    path("<int:activity_id>/og.png", views_share.og_card, name="og_card"),
    path("<int:activity_id>/og.jpg", views_share.og_photo, name="og_photo"),
    path(
        "<int:activity_id>/participants/message/",
        views_share.participants_message,
        name="participants_message",
    ),
    # The meeting record lives in the archive now; old links still lead to its form.
    path(
        "<int:activity_id>/record/",
        RedirectView.as_view(pattern_name="archive:activity_record", permanent=True),
        name="meeting_record",
    ),
]
