from django.urls import path

app_name = "activities"

urlpatterns: list = [
    # Filled in by the activities capability (issue 3).
]
