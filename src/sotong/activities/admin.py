from django.contrib import admin

from sotong.activities.models import (
    Activity,
    ActivitySeries,
    ParticipantMessage,
    Review,
    Rsvp,
)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "region", "starts_at", "status", "confirmed_count"]
    list_filter = ["status", "kind", "region"]
    search_fields = ["title", "place_name"]
    raw_id_fields = ["host", "host_organization", "series"]
    readonly_fields = ["confirmed_count", "waiting_count"]
    date_hierarchy = "starts_at"


@admin.register(ActivitySeries)
class ActivitySeriesAdmin(admin.ModelAdmin):
    list_display = ["pk", "frequency", "until", "host"]
    raw_id_fields = ["host"]


@admin.register(Rsvp)
class RsvpAdmin(admin.ModelAdmin):
    list_display = ["activity", "user", "status", "position", "checked_in_at"]
    list_filter = ["status"]
    raw_id_fields = ["activity", "user"]
    # Seats and the waiting list change only through the services, which keep counters right.
    readonly_fields = ["status", "position"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["activity", "author", "rating", "created_at"]
    raw_id_fields = ["activity", "author"]


@admin.register(ParticipantMessage)
class ParticipantMessageAdmin(admin.ModelAdmin):
    list_display = ["activity", "subject", "sender", "recipients_count", "sent_at"]
    search_fields = ["subject", "activity__title"]
    raw_id_fields = ["activity", "sender"]
    # A sent message is a record of what participants received: read it, never rewrite it.
    readonly_fields = [f.name for f in ParticipantMessage._meta.fields]
