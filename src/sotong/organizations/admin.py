from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sotong.organizations.models import JoinRequest, Membership, Organization
from sotong.organizations.services import organization_recount_members


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "is_public", "joined_at"]
    readonly_fields = ["joined_at"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "region", "member_count", "join_policy", "is_active"]
    list_filter = ["kind", "region", "join_policy", "is_active"]
    search_fields = ["name", "slug", "summary"]
    list_select_related = ["region"]
    filter_horizontal = ["topics"]
    readonly_fields = ["member_count", "created_at", "updated_at"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "region", "topics", "is_active"]}),
        (_("소개"), {"fields": ["summary", "description", "logo"]}),
        (
            _("연락처"),
            {"fields": ["website", "contact_email", "contact_phone", "address"]},
        ),
        (_("구성원"), {"fields": ["join_policy", "member_count"]}),
        (_("기록"), {"fields": ["created_at", "updated_at"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Memberships edited here bypass the services, so the counter is rebuilt.
        organization_recount_members(organization=form.instance)


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["organization", "user", "status", "created_at", "decided_at"]
    list_filter = ["status", "organization__kind", "organization__region"]
    search_fields = ["organization__name", "user__nickname"]
    list_select_related = ["organization", "user"]
    autocomplete_fields = ["organization", "user"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
