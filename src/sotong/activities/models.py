"""Local activities: gatherings, events, performances and classes, their sign-ups and reviews."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sotong.core.models import latitude_validators, longitude_validators

# A series never creates more rows than this, however long it runs.
MAX_OCCURRENCES = 100
# The longest an activity may run. Lists order by starts_at, so an upcoming list can bound
# starts_at from below (now - MAX_DURATION) and read only a short range of its index.
MAX_DURATION = timedelta(days=31)


class Audience(models.TextChoices):
    KIDS = "kids", _("어린이")
    YOUTH = "youth", _("청소년")
    ADULTS = "adults", _("성인")
    SENIORS = "seniors", _("어르신")
    FAMILIES = "families", _("가족")
    EVERYONE = "everyone", _("누구나")


def encode_audience(codes) -> str:
    """Stores the chosen audiences as ",kids,families," so `contains=",kids,"` is exact."""
    chosen = [code for code in Audience.values if code in set(codes or [])]
    return f",{','.join(chosen)}," if chosen else ""


def decode_audience(value: str) -> list[str]:
    return [code for code in (value or "").split(",") if code]


def validate_audience(value: str) -> None:
    unknown = [code for code in decode_audience(value) if code not in Audience.values]
    if unknown or (value and not (value.startswith(",") and value.endswith(","))):
        raise ValidationError(_("대상을 목록에서 골라 주세요."), code="bad_audience")


class ActivitySeries(models.Model):
    """A regular gathering (정규 모임): each occurrence is its own Activity that people join."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("매주")
        BIWEEKLY = "biweekly", _("격주")
        MONTHLY_WEEKDAY = "monthly_weekday", _("매월 같은 주 같은 요일")

    frequency = models.CharField(_("반복"), max_length=20, choices=Frequency.choices)
    until = models.DateField(_("반복 종료일"))
    exception_dates = models.JSONField(
        _("건너뛰는 날짜"), default=list, blank=True, help_text=_("YYYY-MM-DD 형식 날짜 목록")
    )
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("주최자"),
        on_delete=models.PROTECT,
        related_name="activity_series",
    )
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)

    class Meta:
        verbose_name = _("정규 활동")
        verbose_name_plural = _("정규 활동")

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} ~ {self.until}"


class ActivityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Activity.Status.PUBLISHED)

    def upcoming(self, now=None):
        """Not ended yet. The starts_at bound changes no answer (no activity runs longer than
        MAX_DURATION) but lets the database skip the whole past in a starts_at index."""
        now = now or timezone.now()
        return self.filter(ends_at__gte=now, starts_at__gte=now - MAX_DURATION)

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(ends_at__lt=now, starts_at__lt=now)

    def with_seats_left(self):
        return self.filter(Q(capacity__isnull=True) | Q(confirmed_count__lt=F("capacity")))


class Activity(models.Model):
    class Kind(models.TextChoices):
        GATHERING = "gathering", _("모임")
        EVENT = "event", _("행사")
        PERFORMANCE = "performance", _("공연")
        CLASS = "class", _("강좌")

    class Status(models.TextChoices):
        DRAFT = "draft", _("임시 저장")
        PUBLISHED = "published", _("게시됨")
        CANCELLED = "cancelled", _("취소됨")

    kind = models.CharField(_("종류"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("제목"), max_length=120)
    # Plain text, shown with line breaks and always escaped (no Markdown library yet).
    description = models.TextField(_("소개"), max_length=10000)
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제"), blank=True, related_name="activities"
    )
    audience = models.CharField(
        _("대상"), max_length=80, blank=True, validators=[validate_audience]
    )
    region = models.ForeignKey(
        "core.Region", verbose_name=_("지역"), on_delete=models.PROTECT, related_name="activities"
    )
    is_online = models.BooleanField(_("온라인"), default=False)
    place_name = models.CharField(_("장소 이름"), max_length=100, blank=True)
    address = models.CharField(_("주소"), max_length=200, blank=True)
    latitude = models.FloatField(_("위도"), null=True, blank=True, validators=latitude_validators)
    longitude = models.FloatField(_("경도"), null=True, blank=True, validators=longitude_validators)
    starts_at = models.DateTimeField(_("시작"))
    ends_at = models.DateTimeField(_("끝"))
    capacity = models.PositiveIntegerField(
        _("정원"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, message=_("정원은 1명 이상이어야 합니다."))],
        help_text=_("비워 두면 인원 제한이 없습니다."),
    )
    fee = models.PositiveIntegerField(
        _("참가비(원)"),
        default=0,
        validators=[MaxValueValidator(10_000_000, message=_("참가비는 1천만 원 이하여야 합니다."))],
        help_text=_("무료면 0"),
    )
    requires_signup = models.BooleanField(_("참가 신청 필요"), default=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("주최자"),
        on_delete=models.PROTECT,
        related_name="hosted_activities",
    )
    host_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("주최 단체"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities",
    )
    host_contact = models.CharField(
        _("주최자 연락처"),
        max_length=200,
        blank=True,
        help_text=_("참가가 확정된 사람에게만 보입니다."),
    )
    image = models.ImageField(_("대표 사진"), upload_to="activities/%Y/%m/", blank=True)
    external_url = models.URLField(_("관련 링크"), blank=True, max_length=500)
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    cancel_reason = models.CharField(_("취소 사유"), max_length=500, blank=True)
    cancelled_at = models.DateTimeField(_("취소일"), null=True, blank=True)
    published_at = models.DateTimeField(_("게시일"), null=True, blank=True)
    series = models.ForeignKey(
        ActivitySeries,
        verbose_name=_("정규 활동"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
    )
    confirmed_count = models.PositiveIntegerField(_("확정 인원"), default=0, editable=False)
    waiting_count = models.PositiveIntegerField(_("대기 인원"), default=0, editable=False)
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("활동")
        verbose_name_plural = _("활동")
        ordering = ["starts_at", "pk"]
        indexes = [
            # Lists by start, and the map. Upcoming lists walk starts_at from MAX_DURATION ago;
            # with ends_at beside it the month of activities already over is skipped inside the
            # index (15 → 0.3 ms). The map data also filters and groups on the point and the
            # region: with them here every condition is checked in the index, and the clusters
            # are counted from it alone (an index-only scan on PostgreSQL).
            models.Index(
                fields=["status", "starts_at", "ends_at", "latitude", "longitude", "region"],
                name="activity_status_starts_cover",
            ),
            models.Index(fields=["status", "ends_at"], name="activity_status_ends"),
            models.Index(fields=["region", "status", "starts_at"], name="activity_region_starts"),
            models.Index(fields=["status", "latitude", "longitude"], name="activity_map_point"),
            models.Index(fields=["host", "starts_at"], name="activity_host_starts"),
            # The home feed: the newest published first (sotong.feed.activity_sources).
            models.Index(
                fields=["status", "-published_at", "-id"], name="activity_status_published"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="activity_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1),
                name="activity_capacity_positive",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="activity_point_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", kwargs={"activity_id": self.pk})

    @property
    def audience_codes(self) -> list[str]:
        return decode_audience(self.audience)

    @property
    def audience_labels(self) -> list[str]:
        return [Audience(code).label for code in self.audience_codes]

    @property
    def is_free(self) -> bool:
        return self.fee == 0

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def has_ended(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def seats_left(self) -> int | None:
        """None when there is no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.confirmed_count >= self.capacity

    @property
    def host_kind(self) -> str:
        if self.host_organization_id is None:
            return "resident"
        if self.host_organization.is_government:
            return "city"
        return "group"

    @property
    def host_name(self) -> str:
        if self.host_organization_id:
            return self.host_organization.name
        return self.host.nickname


class Rsvp(models.Model):
    """A person's sign-up (참가 신청): confirmed while seats last, then on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("참가 확정")
        WAITING = "waiting", _("대기 중")
        CANCELLED = "cancelled", _("취소함")

    activity = models.ForeignKey(
        Activity, verbose_name=_("활동"), on_delete=models.CASCADE, related_name="rsvps"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("회원"),
        on_delete=models.CASCADE,
        related_name="rsvps",
    )
    status = models.CharField(_("상태"), max_length=10, choices=Status.choices)
    # 1, 2, 3… on the waiting list, kept without gaps; empty once confirmed or cancelled.
    position = models.PositiveIntegerField(_("대기 순번"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("출석 확인"), null=True, blank=True)
    created_at = models.DateTimeField(_("신청일"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("취소일"), null=True, blank=True)

    class Meta:
        verbose_name = _("참가 신청")
        verbose_name_plural = _("참가 신청")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["activity", "status", "position"], name="rsvp_activity_queue"),
            models.Index(fields=["user", "status"], name="rsvp_user_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "user"],
                condition=~Q(status="cancelled"),
                name="one_active_rsvp_per_person",
            ),
            models.CheckConstraint(
                condition=Q(status="waiting", position__isnull=False)
                | (~Q(status="waiting") & Q(position__isnull=True)),
                name="rsvp_position_only_when_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} · {self.user} ({self.get_status_display()})"


class Review(models.Model):
    """A participant's review (후기) after the activity, which the host may answer."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("활동"), on_delete=models.CASCADE, related_name="reviews"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.CASCADE,
        related_name="activity_reviews",
    )
    rating = models.PositiveSmallIntegerField(
        _("별점"),
        validators=[
            MinValueValidator(1, message=_("별점은 1~5 사이여야 합니다.")),
            MaxValueValidator(5, message=_("별점은 1~5 사이여야 합니다.")),
        ],
    )
    text = models.TextField(_("후기"), max_length=5000)
    photo = models.ImageField(_("사진"), upload_to="reviews/%Y/%m/", blank=True)
    host_reply = models.TextField(_("주최자 답글"), max_length=2000, blank=True)
    replied_at = models.DateTimeField(_("답글 작성일"), null=True, blank=True)
    created_at = models.DateTimeField(_("작성일"), auto_now_add=True)

    class Meta:
        verbose_name = _("후기")
        verbose_name_plural = _("후기")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "author"], name="one_review_per_person"),
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="review_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} · {self.author} · {self.rating}"


class ParticipantMessage(models.Model):
    """A message the organiser sent to everyone signed up: kept to count against the daily
    limit and so the organisers can see what was said."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("활동"),
        on_delete=models.CASCADE,
        related_name="participant_messages",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("보낸 사람"),
        on_delete=models.PROTECT,
        related_name="activity_messages_sent",
    )
    subject = models.CharField(_("제목"), max_length=120)
    body = models.TextField(_("내용"), max_length=5000)
    recipients_count = models.PositiveIntegerField(_("받는 사람 수"), default=0)
    sent_at = models.DateTimeField(_("보낸 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("참가자 알림")
        verbose_name_plural = _("참가자 알림")
        ordering = ["-sent_at", "-pk"]
        indexes = [
            models.Index(fields=["activity", "sent_at"], name="participant_message_sent"),
        ]

    def __str__(self) -> str:
        return f"{self.activity} · {self.subject}"
