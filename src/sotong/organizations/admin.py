"""The operators' admin for organisations and join requests.

Permissions come from the same `rules` as the site: an admin (superuser) manages every
organisation; a region admin with staff access manages those of their city and its
neighbourhoods. Memberships edited here bypass the services, so the member counter is
rebuilt after each save.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from sotong.core.admin import managed_region_ids
from sotong.core.models import Region
from sotong.core.rules import is_region_admin_anywhere
from sotong.organizations.forms import https_by_default
from sotong.organizations.models import JoinRequest, Membership, Organization
from sotong.organizations.services import (
    organization_recount_members,
    organization_save_with_unique_slug,
)


def _is_operator(user) -> bool:
    return (
        user.is_active and user.is_staff and (user.is_superuser or is_region_admin_anywhere(user))
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "is_public", "joined_at"]
    readonly_fields = ["joined_at"]

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return self.readonly_fields
        # Picking any account needs the members' admin, which only admins have.
        return [*self.readonly_fields, "user"]

    def has_view_permission(self, request, obj=None) -> bool:
        return obj is None or request.user.has_perm("organizations.manage_members", obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is not None and request.user.has_perm("organizations.manage_members", obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


class OrganizationAdminForm(forms.ModelForm):
    class Meta:
        model = Organization
        formfield_callback = https_by_default
        fields = [
            "name",
            "slug",
            "kind",
            "region",
            "topics",
            "is_active",
            "summary",
            "description",
            "logo",
            "website",
            "contact_email",
            "contact_phone",
            "address",
            "join_policy",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("비워 두면 이름에서 만듭니다.")


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "region", "member_count", "join_policy", "is_active"]
    list_filter = [
        "kind",
        ("region", admin.RelatedOnlyFieldListFilter),
        "join_policy",
        "is_active",
    ]
    search_fields = ["name", "slug", "summary"]
    list_select_related = ["region"]
    filter_horizontal = ["topics"]
    readonly_fields = ["member_count", "created_at", "updated_at"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "region", "topics", "is_active"]}),
        (_("소개"), {"fields": ["summary", "description", "logo"]}),
        (_("연락처"), {"fields": ["website", "contact_email", "contact_phone", "address"]}),
        (_("구성원"), {"fields": ["join_policy", "member_count"]}),
        (_("기록"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = managed_region_ids(request.user)
        return queryset if allowed is None else queryset.filter(region_id__in=allowed)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return [*self.readonly_fields, "slug"]
        return self.readonly_fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "region":
            regions = Region.objects.active().select_related("parent")
            allowed = managed_region_ids(request.user)
            if allowed is not None:
                regions = regions.filter(pk__in=allowed)
            kwargs["queryset"] = regions
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request) -> bool:
        return _is_operator(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return _is_operator(request.user)
        return _is_operator(request.user) and request.user.has_perm(
            "organizations.change_organization", obj
        )

    def has_add_permission(self, request) -> bool:
        return _is_operator(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting takes every membership with it; region admins switch "활동 중" off instead.
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if not obj.slug:
            organization_save_with_unique_slug(obj)
        else:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        organization_recount_members(organization=form.instance)


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["organization", "user", "status", "created_at", "decided_at"]
    list_filter = [
        "status",
        "organization__kind",
        ("organization__region", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["organization__name", "user__nickname"]
    list_select_related = ["organization", "user"]
    fields = [
        "organization",
        "user",
        "message",
        "is_public",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = managed_region_ids(request.user)
        return queryset if allowed is None else queryset.filter(organization__region_id__in=allowed)

    def has_module_permission(self, request) -> bool:
        return _is_operator(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        if obj is None:
            return _is_operator(request.user)
        return _is_operator(request.user) and request.user.has_perm(
            "organizations.view_join_requests", obj.organization
        )

    # Requests are made and decided on the site, where the services keep the counts right.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser
