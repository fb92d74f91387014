from django.urls import path

from sotong.questions import views

app_name = "questions"

urlpatterns = [
    path("", views.question_list, name="list"),
    path("new/", views.create, name="create"),
    path("<int:question_id>/", views.detail, name="detail"),
    path("<int:question_id>/edit/", views.edit, name="edit"),
    path("<int:question_id>/answers/", views.answer, name="answer"),
    path("<int:question_id>/accept/", views.accept, name="accept"),
    path("<int:question_id>/answers/<int:answer_id>/edit/", views.answer_edit, name="answer_edit"),
    path("<int:question_id>/answers/<int:answer_id>/helpful/", views.helpful, name="helpful"),
]
