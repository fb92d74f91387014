from django.urls import path

from sotong.activities import views

app_name = "activities"

urlpatterns = [
    path("", views.activity_list, name="list"),
    path("new/", views.create, name="create"),
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
