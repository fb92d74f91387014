from django.contrib import admin

from sotong.feed.models import SavedFilter


@admin.register(SavedFilter)
class SavedFilterAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created_at")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    filter_horizontal = ("topics", "regions", "organizations")
    search_fields = ("name", "owner__nickname")
    # The token is a secret: the owner regenerates it on their page.
    exclude = ("token",)
