from django.urls import path

from sotong.interests import views

app_name = "interests"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("start/", views.onboarding, name="onboarding"),
    path("follow/<str:kind>/<int:pk>/", views.toggle, name="toggle"),
]
