from django.urls import path
from django.utils.translation import pgettext_lazy

from sotong.proposals import views

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("map/", views.map_page, name="map"),
    path("new/", views.create, name="create"),
    path("<int:proposal_id>/", views.detail, name="detail"),
    path("<int:proposal_id>/edit/", views.edit, name="edit"),
    path("<int:proposal_id>/support/", views.support, name="support"),
    path("<int:proposal_id>/comment/", views.comment, name="comment"),
    path("<int:proposal_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:proposal_id>/assign/", views.assign, name="assign"),
    path("<int:proposal_id>/answer/", views.answer, name="answer"),
    path("<int:proposal_id>/progress/", views.progress, name="progress"),
    path("roundtables/<int:roundtable_id>/", views.roundtable, name="roundtable"),
    path(
        "roundtables/<int:roundtable_id>/minutes/",
        views.roundtable_minutes,
        name="roundtable_minutes",
    ),
    path("regions/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path("regions/<slug:slug>/figures/", views.figures, name="figures"),
    path("regions/<slug:slug>/policy/", views.policy, name="policy"),
    path("regions/<slug:slug>/roundtables/new/", views.roundtable_create, name="roundtable_create"),
]

# The main menu's label for this section (base.html), kept in this app's catalogue.
MENU_LABEL = pgettext_lazy("menu", "제안")
