"""In-app notifications, e-mail preferences per kind, fan-out progress and the scheduler's log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("즉시")
    DAILY = "daily", _("매일 요약")
    WEEKLY = "weekly", _("매주 요약")
    OFF = "off", _("받지 않음")


class Notification(models.Model):
    """One event told to one person. (recipient, event_key) is unique, so a fan-out that runs
    again after a crash adds nothing. `delivery` is the person's choice for this kind when the
    notification was made; `emailed_at` is set in the transaction that sends it (alone, or in
    a digest), so no e-mail goes out twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("받는 사람"),
    )
    kind = models.CharField(_("종류"), max_length=64)
    event_key = models.CharField(_("사건 키"), max_length=200)
    params = models.JSONField(_("내용 값"), default=dict, blank=True)
    url = models.CharField(_("주소"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("한 사람"),
    )
    created_at = models.DateTimeField(_("만든 때"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("읽은 때"), null=True, blank=True)
    delivery = models.CharField(
        _("이메일"), max_length=10, choices=Delivery.choices, default=Delivery.IMMEDIATE
    )
    emailed_at = models.DateTimeField(_("이메일 보낸 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("알림")
        verbose_name_plural = _("알림")
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"], name="notification_once_per_event"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["delivery", "emailed_at", "recipient"], name="notification_mail"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def text(self) -> str:
        from sotong.notifications.rendering import notification_text

        return notification_text(self)


class Preference(models.Model):
    """How a person wants e-mail about one kind of notification; no row means the default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("회원"),
    )
    kind = models.CharField(_("종류"), max_length=64)
    delivery = models.CharField(_("이메일"), max_length=10, choices=Delivery.choices)
    updated_at = models.DateTimeField(_("바꾼 때"), auto_now=True)

    class Meta:
        verbose_name = _("알림 설정")
        verbose_name_plural = _("알림 설정")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="preference_once_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"


class FanOut(models.Model):
    """How far the fan-out of one event got, committed with each batch, so a worker that
    dies mid-way resumes after the last committed recipient instead of starting over."""

    event_key = models.CharField(_("사건 키"), max_length=200, unique=True)
    kind = models.CharField(_("종류"), max_length=64)
    cursor = models.BigIntegerField(_("마지막 받는 사람 번호"), default=0)
    created_count = models.PositiveIntegerField(_("만든 알림 수"), default=0)
    started_at = models.DateTimeField(_("시작"), auto_now_add=True)
    finished_at = models.DateTimeField(_("끝"), null=True, blank=True)

    class Meta:
        verbose_name = _("알림 배포")
        verbose_name_plural = _("알림 배포")

    def __str__(self) -> str:
        return self.event_key


class ScheduledRun(models.Model):
    """A periodic job enqueued once per period, whichever worker gets there first."""

    job = models.CharField(_("작업"), max_length=64)
    period = models.CharField(_("기간"), max_length=32)
    enqueued_at = models.DateTimeField(_("넣은 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("정기 작업 실행")
        verbose_name_plural = _("정기 작업 실행")
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="scheduled_run_once")]

    def __str__(self) -> str:
        return f"{self.job} {self.period}"
