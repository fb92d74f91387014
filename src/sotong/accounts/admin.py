from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sotong.accounts.models import User
from sotong.accounts.services import user_delete


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "nickname")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class DeletedFilter(admin.SimpleListFilter):
    title = _("탈퇴 여부")
    parameter_name = "deleted"

    def lookups(self, request, model_admin):
        return [("no", _("활동 중인 회원")), ("yes", _("탈퇴한 회원"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(deleted_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(deleted_at__isnull=False)
        return queryset


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    list_display = (
        "nickname",
        "email",
        "home_region",
        "profile_visibility",
        "is_active",
        "is_staff",
        "date_joined",
    )
    list_filter = (DeletedFilter, "is_active", "is_staff", "is_superuser", "home_region")
    list_select_related = ("home_region",)
    search_fields = ("nickname", "email")
    ordering = ("-date_joined",)
    readonly_fields = ("date_joined", "last_login", "deleted_at")
    filter_horizontal = ("interests", "groups", "user_permissions")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (
            _("프로필"),
            {
                "fields": (
                    "nickname",
                    "home_region",
                    "interests",
                    "bio",
                    "avatar",
                    "profile_visibility",
                    "show_interests",
                    "show_organizations",
                )
            },
        ),
        (
            _("권한"),
            {
                "fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions"),
                "classes": ("collapse",),
            },
        ),
        (_("기록"), {"fields": ("date_joined", "last_login", "deleted_at")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "nickname", "usable_password", "password1", "password2"),
            },
        ),
    )
    actions = ["anonymise_and_delete"]

    def has_delete_permission(self, request, obj=None):
        # Removing the row would take the person's contributions with it; operators
        # anonymise instead (the same deletion the person can do themselves).
        return False

    @admin.action(description=_("선택한 회원 탈퇴 처리 (익명화)"))
    def anonymise_and_delete(self, request, queryset):
        done = 0
        for user in queryset.filter(deleted_at__isnull=True):
            if user.pk == request.user.pk:
                self.message_user(
                    request,
                    _("자기 계정은 여기서 탈퇴 처리할 수 없습니다. 내 정보의 탈퇴 화면을 쓰세요."),
                    messages.WARNING,
                )
                continue
            try:
                user_delete(actor=request.user, user=user)
            except PermissionDenied:
                continue
            done += 1
        if done:
            self.message_user(
                request,
                gettext("회원 %(count)d명을 탈퇴 처리했습니다.") % {"count": done},
                messages.SUCCESS,
            )
