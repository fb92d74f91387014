from django.urls import path

from sotong.archive import views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("records.csv", views.export_csv, name="export_csv"),
    path("records.json", views.export_json, name="export_json"),
    path("records/new/", views.record_create, name="record_create"),
    path("records/<int:record_id>/", views.record, name="record"),
    path("records/<int:record_id>/edit/", views.record_edit, name="record_edit"),
    path("activity/<int:activity_id>/record/", views.activity_record, name="activity_record"),
    path("documents/", views.documents, name="documents"),
    path("documents/new/", views.document_create, name="document_create"),
    path("documents/<int:document_id>/", views.document, name="document"),
    path("documents/<int:document_id>/edit/", views.document_edit, name="document_edit"),
    path("keywords/<str:term>/", views.keyword, name="keyword"),
    path("regions/<slug:slug>/", views.region_year, name="region"),
]
