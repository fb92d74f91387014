from django.contrib import admin

from sotong.notices.models import Notice, NoticeDocument, NoticeQuestion


class NoticeDocumentInline(admin.TabularInline):
    model = NoticeDocument
    extra = 0
    readonly_fields = ["size", "created_at"]


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "region", "department", "is_pinned", "published_at"]
    list_filter = ["kind", "is_pinned", "region"]
    search_fields = ["title", "body", "place_name"]
    raw_id_fields = ["author", "department"]
    readonly_fields = ["question_count"]
    date_hierarchy = "published_at"
    inlines = [NoticeDocumentInline]

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request, obj)
        return request.user.has_perm("notices.change_notice", obj)


@admin.register(NoticeQuestion)
class NoticeQuestionAdmin(admin.ModelAdmin):
    list_display = ["notice", "author", "created_at", "answered_at"]
    list_filter = ["answered_at"]
    search_fields = ["body", "answer", "notice__title"]
    raw_id_fields = ["notice", "author", "answered_by"]
