"""Notices and public hearings (공지·공청회) a region's departments publish, with their
documents and the questions residents ask under them."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sotong.core.models import latitude_validators, longitude_validators

DOCUMENT_EXTENSIONS = (
    "pdf", "hwp", "hwpx", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "txt",
    "jpg", "jpeg", "png", "zip",
)  # fmt: skip
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024


def validate_document_file(upload) -> None:
    extension = Path(upload.name or "").suffix.lower().lstrip(".")
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("첨부할 수 있는 파일 형식은 %(kinds)s입니다.")
            % {"kinds": ", ".join(DOCUMENT_EXTENSIONS)},
            code="bad_document_type",
        )
    if upload.size is not None and upload.size > DOCUMENT_MAX_BYTES:
        raise ValidationError(_("첨부 파일은 20MB 이하여야 합니다."), code="document_too_large")
    if upload.size == 0:
        raise ValidationError(_("빈 파일은 첨부할 수 없습니다."), code="document_empty")


class NoticeQuerySet(models.QuerySet):
    def open(self, now=None):
        """Not closed by hand, and the comment period (if any) has not ended."""
        now = now or timezone.now()
        return self.filter(closed_at__isnull=True).filter(
            Q(comment_closes_at__isnull=True) | Q(comment_closes_at__gt=now)
        )

    def closed(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(closed_at__isnull=False) | Q(comment_closes_at__lte=now))


class Notice(models.Model):
    class Kind(models.TextChoices):
        NOTICE = "notice", _("공지")
        HEARING = "hearing", _("공청회")
        BRIEFING = "briefing", _("설명회")
        CONSULTATION = "consultation", _("의견수렴")

    kind = models.CharField(_("종류"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("제목"), max_length=150)
    body = models.TextField(_("내용"), max_length=20000, help_text=_("마크다운을 쓸 수 있습니다."))
    region = models.ForeignKey(
        "core.Region", verbose_name=_("지역"), on_delete=models.PROTECT, related_name="notices"
    )
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제"), blank=True, related_name="notices"
    )
    department = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("담당 부서"),
        on_delete=models.PROTECT,
        related_name="notices",
        limit_choices_to={"kind": "government"},
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.PROTECT,
        related_name="notices",
    )
    # For hearings, briefings and consultations held somewhere.
    starts_at = models.DateTimeField(_("일시"), null=True, blank=True)
    place_name = models.CharField(_("장소 이름"), max_length=100, blank=True)
    address = models.CharField(_("주소"), max_length=200, blank=True)
    latitude = models.FloatField(_("위도"), null=True, blank=True, validators=latitude_validators)
    longitude = models.FloatField(_("경도"), null=True, blank=True, validators=longitude_validators)
    comment_opens_at = models.DateTimeField(_("의견 접수 시작"), null=True, blank=True)
    comment_closes_at = models.DateTimeField(_("의견 접수 마감"), null=True, blank=True)
    is_pinned = models.BooleanField(
        _("중요 공지로 고정"),
        default=False,
        help_text=_("마감될 때까지 지역 첫 화면 맨 위에 보입니다."),
    )
    closed_at = models.DateTimeField(_("마감일"), null=True, blank=True)
    question_count = models.PositiveIntegerField(_("질문 수"), default=0, editable=False)
    published_at = models.DateTimeField(_("게시일"), default=timezone.now)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("공지")
        verbose_name_plural = _("공지")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["region", "-published_at", "-id"], name="notice_region_newest"),
            models.Index(fields=["-published_at", "-id"], name="notice_newest"),
            models.Index(fields=["is_pinned", "closed_at"], name="notice_pinned"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(comment_opens_at__isnull=True)
                | Q(comment_closes_at__isnull=True)
                | Q(comment_closes_at__gt=F("comment_opens_at")),
                name="notice_comment_period_ordered",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="notice_point_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("notices:detail", kwargs={"notice_id": self.pk})

    @property
    def is_closed(self) -> bool:
        if self.closed_at is not None:
            return True
        return self.comment_closes_at is not None and self.comment_closes_at <= timezone.now()

    @property
    def has_comment_period(self) -> bool:
        return self.comment_closes_at is not None

    @property
    def accepts_questions(self) -> bool:
        """Residents ask during the comment period; a notice without one takes questions
        until it is closed."""
        if self.is_closed:
            return False
        return self.comment_opens_at is None or self.comment_opens_at <= timezone.now()

    @property
    def comment_period_not_started(self) -> bool:
        return self.comment_opens_at is not None and self.comment_opens_at > timezone.now()

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def is_gathering(self) -> bool:
        """Hearings and briefings happen at a date and place."""
        return self.kind in (self.Kind.HEARING, self.Kind.BRIEFING, self.Kind.CONSULTATION)


def document_upload_to(document: "NoticeDocument", filename: str) -> str:
    return f"notices/{timezone.now():%Y/%m}/{Path(filename).name}"


class NoticeDocument(models.Model):
    notice = models.ForeignKey(
        Notice, verbose_name=_("공지"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("자료 이름"), max_length=150)
    file = models.FileField(
        _("파일"), upload_to=document_upload_to, validators=[validate_document_file]
    )
    size = models.PositiveIntegerField(_("크기(바이트)"), default=0, editable=False)
    created_at = models.DateTimeField(_("올린 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("공지 자료")
        verbose_name_plural = _("공지 자료")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return Path(self.file.name).suffix.lstrip(".").upper()


class NoticeQuestion(models.Model):
    """A resident's question under a notice, with the department's answer in place."""

    notice = models.ForeignKey(
        Notice, verbose_name=_("공지"), on_delete=models.CASCADE, related_name="questions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("질문한 사람"),
        on_delete=models.PROTECT,
        related_name="notice_questions",
    )
    body = models.TextField(_("질문"), max_length=3000)
    created_at = models.DateTimeField(_("질문한 때"), auto_now_add=True)
    answer = models.TextField(_("답변"), max_length=5000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("답변한 사람"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notice_answers",
    )
    answered_at = models.DateTimeField(_("답변한 때"), null=True, blank=True)
    answer_updated_at = models.DateTimeField(_("답변 수정일"), null=True, blank=True)

    class Meta:
        verbose_name = _("공지 질문")
        verbose_name_plural = _("공지 질문")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["notice", "created_at"], name="notice_question_order")]

    def __str__(self) -> str:
        return f"{self.notice} · {self.body[:30]}"

    def get_absolute_url(self) -> str:
        return f"{self.notice.get_absolute_url()}#question-{self.pk}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)
