from django.contrib import admin

from sotong.archive.models import (
    Document,
    DocumentFile,
    MeetingRecord,
    RecordAttachment,
    RecordPhoto,
    Term,
)


class RecordPhotoInline(admin.TabularInline):
    model = RecordPhoto
    extra = 0


class RecordAttachmentInline(admin.TabularInline):
    model = RecordAttachment
    extra = 0


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0


class KeywordInline(admin.TabularInline):
    model = Term
    extra = 0
    fields = ["term", "count", "score", "is_keyword"]
    readonly_fields = fields  # computed from the text: `manage.py archive_keywords` redoes them
    can_delete = False
    ordering = ["-is_keyword", "-score"]
    max_num = 0


class ArchiveItemAdmin(admin.ModelAdmin):
    list_filter = ["visibility", "licence", "region"]
    search_fields = ["title", "summary", "host_name", "host_organization__name"]
    raw_id_fields = ["created_by", "host_organization", "region"]
    filter_horizontal = ["topics", "organizations"]

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request, obj)
        return request.user.has_perm("archive.change_item", obj)

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return super().has_delete_permission(request, obj)
        return request.user.has_perm("archive.change_item", obj)


@admin.register(MeetingRecord)
class MeetingRecordAdmin(ArchiveItemAdmin):
    list_display = ["title", "held_on", "region", "participants_count", "visibility", "licence"]
    date_hierarchy = "held_on"
    raw_id_fields = [*ArchiveItemAdmin.raw_id_fields, "activity"]
    filter_horizontal = [*ArchiveItemAdmin.filter_horizontal, "proposals"]
    inlines = [RecordPhotoInline, RecordAttachmentInline, KeywordInline]


@admin.register(Document)
class DocumentAdmin(ArchiveItemAdmin):
    list_display = ["title", "kind", "issued_on", "region", "visibility", "licence"]
    list_filter = ["kind", *ArchiveItemAdmin.list_filter]
    date_hierarchy = "issued_on"
    inlines = [DocumentFileInline, KeywordInline]
