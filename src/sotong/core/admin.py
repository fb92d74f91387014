"""The operators' admin for regions, topics and region roles.

Who may do what comes from the same `rules` predicates as the views and the API: an admin
(superuser) manages everything; a region admin with staff access manages their city, its
neighbourhoods, the topics and who holds a role there.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sotong.core.models import Region, RegionRole, Topic
from sotong.core.rules import is_region_admin_anywhere

admin.site.site_header = _("소통 운영 관리")
admin.site.site_title = _("소통 운영 관리")
admin.site.index_title = _("운영 관리")


def managed_region_ids(user) -> set[int] | None:
    """Regions the user may manage here: None means all of them (an admin)."""
    if user.is_superuser:
        return None
    cities = list(
        RegionRole.objects.filter(user=user, role=RegionRole.Role.ADMIN).values_list(
            "region_id", flat=True
        )
    )
    children = Region.objects.filter(parent_id__in=cities).values_list("pk", flat=True)
    return {*cities, *children}


class RegionManagerMixin:
    """Staff who are region admins see and edit only what lies in their regions."""

    def has_module_permission(self, request) -> bool:
        user = request.user
        return user.is_active and user.is_staff and (user.is_superuser or self._manages_any(user))

    @staticmethod
    def _manages_any(user) -> bool:
        return is_region_admin_anywhere(user)


class RegionForm(forms.ModelForm):
    class Meta:
        model = Region
        fields = [
            "name",
            "slug",
            "parent",
            "level",
            "description",
            "order",
            "is_active",
            "latitude",
            "longitude",
            "bound_south",
            "bound_north",
            "bound_west",
            "bound_east",
        ]

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        bounds = [cleaned.get(f"bound_{side}") for side in ("south", "west", "north", "east")]
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if None in bounds or latitude is None or longitude is None:
            return cleaned
        south, west, north, east = bounds
        if not (south < north and west < east):
            raise forms.ValidationError(
                _("남쪽 경계는 북쪽보다, 서쪽 경계는 동쪽보다 작아야 합니다.")
            )
        if not (south <= latitude <= north and west <= longitude <= east):
            raise forms.ValidationError(_("중심점이 경계 안에 있어야 합니다."))
        if parent is not None:
            if parent.parent_id is not None:
                self.add_error("parent", _("상위 지역은 시·군·구여야 합니다."))
            elif not (
                parent.bound_south <= south
                and parent.bound_west <= west
                and north <= parent.bound_north
                and east <= parent.bound_east
            ):
                raise forms.ValidationError(
                    _("경계가 상위 지역(%(parent)s)의 경계 안에 있어야 합니다.")
                    % {"parent": parent.name}
                )
            if cleaned.get("level") == Region.Level.CITY:
                self.add_error("level", _("상위 지역이 있으면 단위는 읍·면·동입니다."))
        elif cleaned.get("level") == Region.Level.NEIGHBOURHOOD:
            self.add_error("parent", _("읍·면·동에는 상위 지역이 있어야 합니다."))
        return cleaned


class NeighbourhoodInline(admin.TabularInline):
    model = Region
    fk_name = "parent"
    fields = ["name", "slug", "order", "is_active"]
    readonly_fields = ["slug"]
    extra = 0
    show_change_link = True
    verbose_name = _("읍·면·동")
    verbose_name_plural = _("읍·면·동")

    def has_add_permission(self, request, obj=None) -> bool:
        # A new neighbourhood needs its centre and bounds: it is added on its own form.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("core.change_region", obj)

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("core.change_region", obj)


@admin.register(Region)
class RegionAdmin(RegionManagerMixin, admin.ModelAdmin):
    form = RegionForm
    list_display = [
        "name",
        "slug",
        "parent",
        "level",
        "latitude",
        "longitude",
        "order",
        "is_active",
    ]
    list_display_links = ["name"]
    list_editable = ["order", "is_active"]
    list_filter = ["level", ("parent", admin.RelatedOnlyFieldListFilter), "is_active"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    ordering = ["parent__order", "parent_id", "order", "name"]
    inlines = [NeighbourhoodInline]
    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", "parent", "level", "description", "order", "is_active"]},
        ),
        (
            _("위치"),
            {
                "fields": [
                    ("latitude", "longitude"),
                    ("bound_south", "bound_north"),
                    ("bound_west", "bound_east"),
                ],
                "description": _("위도·경도는 소수로 적습니다 (예: 남원시청 35.4164, 127.3904)."),
            },
        ),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = managed_region_ids(request.user)
        return queryset if allowed is None else queryset.filter(pk__in=allowed)

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return []
        return ["slug", "parent", "level"]

    def get_inlines(self, request, obj):
        # Only a city has neighbourhoods to list.
        return self.inlines if obj is not None and obj.parent_id is None else []

    def has_view_permission(self, request, obj=None) -> bool:
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return request.user.is_superuser or self._manages_any(request.user)
        return request.user.has_perm("core.change_region", obj)

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(Topic)
class TopicAdmin(RegionManagerMixin, admin.ModelAdmin):
    list_display = ["name", "icon", "slug", "color", "region", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active", ("region", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["region"]
    search_fields = ["name", "slug", "description"]
    ordering = ["order", "name"]
    fields = ["name", "slug", "icon", "color", "description", "region", "order", "is_active"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = managed_region_ids(request.user)
        if allowed is None:
            return queryset
        return queryset.filter(Q(region__isnull=True) | Q(region_id__in=allowed))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = managed_region_ids(request.user)
        if db_field.name == "region":
            regions = Region.objects.top_level()
            if allowed is not None:
                regions = regions.filter(pk__in=allowed)
            kwargs["queryset"] = regions
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may_manage(self, request, obj=None) -> bool:
        if not request.user.has_perm("core.manage_topics"):
            return False
        allowed = managed_region_ids(request.user)
        return allowed is None or obj is None or obj.region_id is None or obj.region_id in allowed

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may_manage(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_manage(request, obj)

    def has_add_permission(self, request) -> bool:
        return self._may_manage(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_manage(request, obj)


class RegionRoleForm(forms.ModelForm):
    member = forms.CharField(
        label=_("회원"),
        max_length=254,
        help_text=_("역할을 맡길 회원의 닉네임이나 이메일을 적습니다."),
    )

    class Meta:
        model = RegionRole
        fields = ["member", "region", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["member"].initial = self.instance.user.nickname

    def clean_member(self):
        value = self.cleaned_data["member"].strip()
        user = (
            get_user_model()
            .objects.filter(Q(nickname__iexact=value) | Q(email__iexact=value))
            .filter(is_active=True, deleted_at__isnull=True)
            .first()
        )
        if user is None:
            raise forms.ValidationError(_("그런 닉네임이나 이메일을 쓰는 회원이 없습니다."))
        return user

    def clean(self):
        cleaned = super().clean()
        user, region, role = cleaned.get("member"), cleaned.get("region"), cleaned.get("role")
        if user and region and role:
            duplicate = RegionRole.objects.filter(user=user, region=region, role=role)
            if duplicate.exclude(pk=self.instance.pk).exists():
                raise forms.ValidationError(
                    _("이 회원은 이미 이 지역에서 그 역할을 맡고 있습니다.")
                )
            self.instance.user = user
        return cleaned


@admin.register(RegionRole)
class RegionRoleAdmin(RegionManagerMixin, admin.ModelAdmin):
    form = RegionRoleForm
    list_display = ["user", "region", "role", "created_at"]
    list_filter = ["role", ("region", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["user", "region"]
    search_fields = ["user__nickname", "user__email", "region__name"]
    fields = ["member", "region", "role", "created_at"]
    ordering = ["region__order", "region__name", "role"]
    readonly_fields = ["created_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        allowed = managed_region_ids(request.user)
        return queryset if allowed is None else queryset.filter(region_id__in=allowed)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        allowed = managed_region_ids(request.user)
        if db_field.name == "region" and allowed is not None:
            kwargs["queryset"] = Region.objects.filter(pk__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may_assign(self, request, obj=None) -> bool:
        if obj is None:
            return request.user.is_superuser or self._manages_any(request.user)
        return request.user.has_perm("core.assign_region_roles", obj.region)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may_assign(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._may_assign(request, obj)

    def has_add_permission(self, request) -> bool:
        return self._may_assign(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._may_assign(request, obj)
