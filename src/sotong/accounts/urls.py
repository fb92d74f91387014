from django.urls import path

from sotong.accounts import views

app_name = "accounts"

urlpatterns = [
    path("<int:user_id>/", views.profile, name="profile"),
]
