from django.urls import path

from sotong.notices import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:notice_id>/", views.detail, name="detail"),
    path("<int:notice_id>/edit/", views.edit, name="edit"),
    path("<int:notice_id>/close/", views.close, name="close"),
    path("<int:notice_id>/questions/", views.ask, name="ask"),
    path("<int:notice_id>/questions/<int:question_id>/answer/", views.answer, name="answer"),
]
