from django.urls import path

from sotong.accounts import views

app_name = "accounts"

urlpatterns = [
    path("me/", views.me, name="me"),
    path("me/edit/", views.edit, name="edit"),
    path("me/export/", views.export, name="export"),
    path("me/delete/", views.delete, name="delete"),
    path("<int:user_id>/", views.profile, name="profile"),
]
