"""Operators' admin for proposals. Counts, statuses and the timeline change only through the
services (which keep them right and record who did what), so here they are read-only.
Region admins (staff) edit their own city's thresholds and answer deadline."""

from django.contrib import admin

from sotong.core.admin import RegionManagerMixin, managed_region_ids
from sotong.core.models import Region
from sotong.proposals.models import (
    Answer,
    Attachment,
    Comment,
    ProgressUpdate,
    Proposal,
    RegionPolicy,
    Roundtable,
    RoundtableItem,
    Step,
    Support,
    ThresholdLevel,
)


class ThresholdLevelInline(admin.TabularInline):
    model = ThresholdLevel
    extra = 1


@admin.register(RegionPolicy)
class RegionPolicyAdmin(RegionManagerMixin, admin.ModelAdmin):
    list_display = ["region", "answer_days", "updated_at"]
    inlines = [ThresholdLevelInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = managed_region_ids(request.user)
        return queryset if allowed is None else queryset.filter(region_id__in=allowed)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = managed_region_ids(request.user)
        if db_field.name == "region" and allowed is not None:
            kwargs["queryset"] = Region.objects.filter(pk__in=allowed, parent__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may(self, request, obj=None) -> bool:
        if obj is None:
            return request.user.is_superuser or self._manages_any(request.user)
        return request.user.has_perm("proposals.change_policy", obj.region)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)

    def has_add_permission(self, request) -> bool:
        return self._may(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may(request, obj)


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    can_delete = False
    fields = ["created_at", "kind", "from_status", "to_status", "level", "actor", "reason"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["name", "size", "uploaded_at"]


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "status", "support_count", "department", "due_at"]
    list_filter = ["status", "region"]
    search_fields = ["title", "problem", "idea"]
    raw_id_fields = [
        "author",
        "organization",
        "department",
        "contact_person",
        "source_activity",
        "source_notice",
        "source_question",
    ]
    readonly_fields = [
        "status",
        "support_count",
        "comment_count",
        "threshold_reached",
        "threshold_reached_at",
        "due_at",
        "assigned_at",
        "answered_at",
    ]
    list_select_related = ["region", "department"]
    inlines = [AttachmentInline, StepInline]


@admin.register(Support)
class SupportAdmin(admin.ModelAdmin):
    list_display = ["proposal", "user", "created_at", "withdrawn_at"]
    raw_id_fields = ["proposal", "user"]
    readonly_fields = ["proposal", "user", "created_at", "withdrawn_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at"]
    raw_id_fields = ["proposal", "author", "parent"]
    search_fields = ["body"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["proposal", "kind", "from_status", "to_status", "actor", "created_at"]
    list_filter = ["kind", "to_status"]
    raw_id_fields = ["proposal", "actor", "actor_organization"]

    # The public timeline is a record: read it, never rewrite it.
    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["proposal", "decision", "department", "created_at"]
    list_filter = ["decision"]
    raw_id_fields = ["proposal", "department", "author"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["proposal", "author", "created_at"]
    raw_id_fields = ["proposal", "author"]


class RoundtableItemInline(admin.StackedInline):
    model = RoundtableItem
    extra = 0
    raw_id_fields = ["proposal"]


@admin.register(Roundtable)
class RoundtableAdmin(admin.ModelAdmin):
    list_display = ["activity", "facilitator", "minutes_recorded_at"]
    raw_id_fields = ["activity", "facilitator"]
    inlines = [RoundtableItemInline]
