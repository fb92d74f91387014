from django.contrib import admin

from sotong.questions.models import Answer, HelpfulVote, Question


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "author", "answer_count", "helpful_count", "created_at"]
    list_filter = ["region"]
    search_fields = ["title", "body"]
    raw_id_fields = ["author", "accepted_answer"]
    readonly_fields = ["answer_count", "helpful_count"]
    date_hierarchy = "created_at"


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "author", "helpful_count", "created_at"]
    search_fields = ["body", "question__title"]
    raw_id_fields = ["question", "author"]
    readonly_fields = ["helpful_count"]


@admin.register(HelpfulVote)
class HelpfulVoteAdmin(admin.ModelAdmin):
    list_display = ["answer", "user", "created_at"]
    raw_id_fields = ["answer", "user"]
    # Votes move only through the services, which keep the counts right.
    readonly_fields = ["answer", "user", "created_at"]
