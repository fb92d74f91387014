from django.contrib import admin

from sotong.search.models import SearchDocument, SearchTerm


@admin.register(SearchDocument)
class SearchDocumentAdmin(admin.ModelAdmin):
    """Read-only: the index is rebuilt from the content (`sotong_reindex`), never edited."""

    list_display = ("title", "kind", "object_id", "region", "date", "is_public", "indexed_at")
    list_filter = ("kind", "is_public", "year")
    search_fields = ("title",)
    list_select_related = ("region",)
    readonly_fields = [field.name for field in SearchDocument._meta.fields] + ["topics"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SearchTerm)
class SearchTermAdmin(admin.ModelAdmin):
    list_display = ("term", "length")
    search_fields = ("term",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
