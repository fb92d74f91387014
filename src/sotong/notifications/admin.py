from django.contrib import admin

from sotong.notifications.models import FanOut, Notification, Preference, ScheduledRun


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("id", "recipient", "kind", "created_at", "read_at", "delivery", "emailed_at")
    list_filter = ("kind", "delivery")
    search_fields = ("event_key",)
    raw_id_fields = ("recipient", "actor")
    date_hierarchy = "created_at"
    show_full_result_count = False  # the table is large; counting it all is slow


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "delivery", "updated_at")
    list_filter = ("kind", "delivery")
    raw_id_fields = ("user",)


@admin.register(FanOut)
class FanOutAdmin(admin.ModelAdmin):
    list_display = ("event_key", "kind", "cursor", "created_count", "started_at", "finished_at")
    readonly_fields = ("event_key", "kind", "cursor", "created_count", "started_at", "finished_at")
    search_fields = ("event_key",)


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ("job", "period", "enqueued_at")
    list_filter = ("job",)
