"""The question library (질문도서관): residents' questions about local life and the answers
neighbours give, the most helpful one marked by the asker."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Question(models.Model):
    title = models.CharField(_("질문"), max_length=150)
    body = models.TextField(
        _("자세한 내용"), max_length=5000, blank=True, help_text=_("마크다운을 쓸 수 있습니다.")
    )
    region = models.ForeignKey(
        "core.Region", verbose_name=_("지역"), on_delete=models.PROTECT, related_name="questions"
    )
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제"), blank=True, related_name="questions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("질문한 사람"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    accepted_answer = models.ForeignKey(
        "Answer",
        verbose_name=_("가장 도움이 된 답변"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer_count = models.PositiveIntegerField(_("답변 수"), default=0, editable=False)
    # The sum of the helpful votes on its answers: "most helpful" sorts by it.
    helpful_count = models.PositiveIntegerField(_("도움이 돼요 수"), default=0, editable=False)
    created_at = models.DateTimeField(_("질문한 때"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    class Meta:
        verbose_name = _("질문")
        verbose_name_plural = _("질문")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="question_newest"),
            models.Index(fields=["-helpful_count", "-id"], name="question_most_helpful"),
            models.Index(fields=["region", "-created_at", "-id"], name="question_region_newest"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("questions:detail", kwargs={"question_id": self.pk})

    @property
    def is_answered(self) -> bool:
        return self.answer_count > 0


class Answer(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("질문"), on_delete=models.CASCADE, related_name="answers"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("답한 사람"),
        on_delete=models.PROTECT,
        related_name="question_answers",
    )
    body = models.TextField(_("답변"), max_length=5000, help_text=_("마크다운을 쓸 수 있습니다."))
    helpful_count = models.PositiveIntegerField(_("도움이 돼요 수"), default=0, editable=False)
    created_at = models.DateTimeField(_("답한 때"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    class Meta:
        verbose_name = _("답변")
        verbose_name_plural = _("답변")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["question", "created_at"], name="answer_question_order")]

    def __str__(self) -> str:
        return f"{self.question} · {self.author}"

    def get_absolute_url(self) -> str:
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"


class HelpfulVote(models.Model):
    """ "도움이 돼요": once per person and answer."""

    answer = models.ForeignKey(
        Answer, verbose_name=_("답변"), on_delete=models.CASCADE, related_name="helpful_votes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("회원"),
        on_delete=models.CASCADE,
        related_name="helpful_votes",
    )
    created_at = models.DateTimeField(_("누른 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("도움이 돼요")
        verbose_name_plural = _("도움이 돼요")
        constraints = [
            models.UniqueConstraint(fields=["answer", "user"], name="one_helpful_vote_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.answer} · {self.user}"
