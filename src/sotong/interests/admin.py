from django.contrib import admin

from sotong.interests.models import Follow


@admin.register(Follow)
class FollowAdmin(admin.ModelAdmin):
    list_display = ("follower", "region", "organization", "person", "created_at")
    list_select_related = ("follower", "region", "organization", "person")
    raw_id_fields = ("follower", "region", "organization", "person")
    search_fields = ("follower__nickname", "organization__name", "region__name", "person__nickname")
    date_hierarchy = "created_at"
