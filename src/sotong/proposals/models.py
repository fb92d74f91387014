"""Proposals (제안), their supporters (공감), comments, the public timeline, official answers
and roundtables (원탁회의) that deliberate on them.

Statuses move only through `services.proposal_transition`; the models hold data and the
few facts computed from it (overdue, the region's policy).
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sotong.core.models import latitude_validators, longitude_validators

DEFAULT_ANSWER_DAYS = 30
# Used when a region has not set its own (민주주의 서울's three levels).
DEFAULT_LEVELS = ((50, _("부서 답변")), (500, _("공개 토론")), (5000, _("시장 답변")))


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("제출됨")
    UNDER_REVIEW = "under_review", _("검토 중")
    ROUNDTABLE = "roundtable", _("원탁회의")
    ANSWERED = "answered", _("답변 완료")
    IN_PROGRESS = "in_progress", _("추진 중")
    DONE = "done", _("완료")
    NOT_ACCEPTED = "not_accepted", _("불수용")
    WITHDRAWN = "withdrawn", _("철회됨")


# Statuses in which the city still owes an answer (the deadline clock runs).
AWAITING_ANSWER = (Status.SUBMITTED, Status.UNDER_REVIEW, Status.ROUNDTABLE)


class RegionPolicy(models.Model):
    """A city's support thresholds and answer deadline; its neighbourhoods share it."""

    region = models.OneToOneField(
        "core.Region",
        verbose_name=_("지역"),
        on_delete=models.CASCADE,
        related_name="proposal_policy",
        limit_choices_to={"parent__isnull": True},
    )
    answer_days = models.PositiveSmallIntegerField(
        _("답변 기한(일)"),
        default=DEFAULT_ANSWER_DAYS,
        validators=[
            MinValueValidator(1, message=_("답변 기한은 1일 이상이어야 합니다.")),
            MaxValueValidator(365, message=_("답변 기한은 365일 이하여야 합니다.")),
        ],
        help_text=_("첫 번째 공감 기준에 이른 날부터 셉니다."),
    )
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    class Meta:
        verbose_name = _("제안 운영 기준")
        verbose_name_plural = _("제안 운영 기준")

    def __str__(self) -> str:
        return str(self.region)


class ThresholdLevel(models.Model):
    policy = models.ForeignKey(
        RegionPolicy, verbose_name=_("운영 기준"), on_delete=models.CASCADE, related_name="levels"
    )
    supports = models.PositiveIntegerField(
        _("공감 수"),
        validators=[MinValueValidator(1, message=_("공감 수는 1 이상이어야 합니다."))],
    )
    label = models.CharField(_("이르면 하는 일"), max_length=60)

    class Meta:
        verbose_name = _("공감 기준")
        verbose_name_plural = _("공감 기준")
        ordering = ["supports"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "supports"], name="unique_threshold_level"),
        ]

    def __str__(self) -> str:
        return f"{self.supports} → {self.label}"


class ProposalQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(status=Status.WITHDRAWN)

    def overdue(self, now=None):
        return self.filter(status__in=AWAITING_ANSWER, due_at__lt=now or timezone.now())


class Proposal(models.Model):
    Status = Status

    region = models.ForeignKey(
        "core.Region", verbose_name=_("지역"), on_delete=models.PROTECT, related_name="proposals"
    )
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제"), blank=True, related_name="proposals"
    )
    title = models.CharField(_("제목"), max_length=120)
    problem = models.TextField(_("문제"), max_length=5000)
    idea = models.TextField(_("제안 내용"), max_length=5000)
    expected_effect = models.TextField(_("기대 효과"), max_length=3000, blank=True)
    evidence = models.TextField(_("근거"), max_length=3000, blank=True)
    place_name = models.CharField(_("장소 이름"), max_length=100, blank=True)
    latitude = models.FloatField(_("위도"), null=True, blank=True, validators=latitude_validators)
    longitude = models.FloatField(_("경도"), null=True, blank=True, validators=longitude_validators)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("제안자"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("제안 단체"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    status = models.CharField(
        _("상태"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    support_count = models.PositiveIntegerField(_("공감 수"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("댓글 수"), default=0, editable=False)
    # The highest threshold level (a number of supports) reached so far; 0 for none.
    threshold_reached = models.PositiveIntegerField(
        _("도달한 공감 기준"), default=0, editable=False
    )
    threshold_reached_at = models.DateTimeField(_("첫 공감 기준 도달일"), null=True, blank=True)
    due_at = models.DateTimeField(_("답변 기한"), null=True, blank=True)
    department = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("전담부서"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_proposals",
        limit_choices_to={"kind": "government"},
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("담당자"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals_in_charge",
    )
    assigned_at = models.DateTimeField(_("부서 지정일"), null=True, blank=True)
    answered_at = models.DateTimeField(_("답변일"), null=True, blank=True)
    source_activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("시작된 활동"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    source_notice = models.ForeignKey(
        "notices.Notice",
        verbose_name=_("시작된 공지"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    source_question = models.ForeignKey(
        "questions.Question",
        verbose_name=_("시작된 질문"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    created_at = models.DateTimeField(_("제출일"), default=timezone.now)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("제안")
        verbose_name_plural = _("제안")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["region", "status", "-created_at"], name="proposal_region_status"),
            models.Index(fields=["-created_at", "-id"], name="proposal_newest"),
            models.Index(fields=["-support_count", "-id"], name="proposal_most_supported"),
            models.Index(fields=["status", "due_at"], name="proposal_status_due"),
            models.Index(fields=["latitude", "longitude"], name="proposal_map_point"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="proposal_point_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:detail", kwargs={"proposal_id": self.pk})

    @property
    def is_awaiting_answer(self) -> bool:
        return self.status in AWAITING_ANSWER

    @property
    def is_overdue(self) -> bool:
        return bool(self.is_awaiting_answer and self.due_at and self.due_at < timezone.now())

    @property
    def is_roundtable_candidate(self) -> bool:
        return self.threshold_reached > 0 and self.status in (
            Status.SUBMITTED,
            Status.UNDER_REVIEW,
        )

    @property
    def answered_in_time(self) -> bool | None:
        if self.answered_at is None or self.due_at is None:
            return None
        return self.answered_at <= self.due_at

    @property
    def has_place(self) -> bool:
        return self.latitude is not None

    @property
    def proposer_name(self) -> str:
        if self.organization_id:
            return self.organization.name
        return self.author.nickname


ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_EXTENSIONS = ("pdf", "hwp", "hwpx", "docx", "xlsx", "pptx", "txt", "jpg", "jpeg", "png")


class Attachment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("파일"), upload_to="proposals/%Y/%m/")
    name = models.CharField(_("파일 이름"), max_length=200)
    size = models.PositiveIntegerField(_("크기"), default=0)
    uploaded_at = models.DateTimeField(_("올린 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("첨부 파일")
        verbose_name_plural = _("첨부 파일")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Support(models.Model):
    """A resident's 공감: one row per person and proposal; withdrawing keeps the row."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("회원"),
        on_delete=models.CASCADE,
        related_name="proposal_supports",
    )
    created_at = models.DateTimeField(_("공감한 때"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("취소한 때"), null=True, blank=True)

    class Meta:
        verbose_name = _("공감")
        verbose_name_plural = _("공감")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_support_per_person"),
        ]
        indexes = [models.Index(fields=["user", "withdrawn_at"], name="support_user_active")]

    def __str__(self) -> str:
        return f"{self.proposal} · {self.user}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class Comment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.PROTECT,
        related_name="proposal_comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("답글 대상"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    body = models.TextField(_("내용"), max_length=3000)
    created_at = models.DateTimeField(_("작성일"), default=timezone.now)

    class Meta:
        verbose_name = _("댓글")
        verbose_name_plural = _("댓글")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["proposal", "created_at"], name="comment_proposal_time")]

    def __str__(self) -> str:
        return f"{self.proposal} · {self.author}"


class Step(models.Model):
    """One entry of the public timeline: a status change, a threshold reached or an
    assignment, with who did it, when and why."""

    class Kind(models.TextChoices):
        STATUS = "status", _("상태 변경")
        THRESHOLD = "threshold", _("공감 기준 도달")
        ASSIGNMENT = "assignment", _("전담부서 지정")
        PROGRESS = "progress", _("추진 상황")

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="steps"
    )
    kind = models.CharField(_("종류"), max_length=20, choices=Kind.choices, default=Kind.STATUS)
    from_status = models.CharField(
        _("이전 상태"), max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField(_("상태"), max_length=20, choices=Status.choices)
    level = models.PositiveIntegerField(_("공감 기준"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("처리한 사람"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal_steps",
    )
    actor_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("처리한 부서"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("사유"), max_length=3000, blank=True)
    created_at = models.DateTimeField(_("때"), default=timezone.now)

    class Meta:
        verbose_name = _("진행 단계")
        verbose_name_plural = _("진행 단계")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal} · {self.get_to_status_display()}"


class Answer(models.Model):
    """The department's official answer (답변), always with reasons."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("수용")
        PARTLY = "partly", _("일부 수용")
        NOT_ACCEPTED = "not_accepted", _("불수용")

    proposal = models.OneToOneField(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="answer"
    )
    decision = models.CharField(_("결정"), max_length=20, choices=Decision.choices)
    reasons = models.TextField(_("이유"), max_length=5000)
    plan = models.TextField(_("추진 계획"), max_length=5000, blank=True)
    department = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("답변 부서"),
        on_delete=models.PROTECT,
        related_name="proposal_answers",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.PROTECT,
        related_name="proposal_answers",
    )
    created_at = models.DateTimeField(_("답변일"), default=timezone.now)

    class Meta:
        verbose_name = _("공식 답변")
        verbose_name_plural = _("공식 답변")

    def __str__(self) -> str:
        return f"{self.proposal} · {self.get_decision_display()}"

    @property
    def adopted(self) -> bool:
        return self.decision in (self.Decision.ACCEPTED, self.Decision.PARTLY)


class ProgressUpdate(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="progress_updates"
    )
    body = models.TextField(_("내용"), max_length=3000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.PROTECT,
        related_name="proposal_progress_updates",
    )
    created_at = models.DateTimeField(_("작성일"), default=timezone.now)

    class Meta:
        verbose_name = _("추진 상황")
        verbose_name_plural = _("추진 상황")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal} · {self.created_at:%Y-%m-%d}"


class Roundtable(models.Model):
    """A deliberation session: an activity residents join, taking up one or more proposals."""

    activity = models.OneToOneField(
        "activities.Activity",
        verbose_name=_("활동"),
        on_delete=models.CASCADE,
        related_name="roundtable",
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("진행자"),
        on_delete=models.PROTECT,
        related_name="facilitated_roundtables",
    )
    proposals = models.ManyToManyField(
        Proposal, through="RoundtableItem", related_name="roundtables", verbose_name=_("제안")
    )
    minutes = models.TextField(_("회의록"), max_length=20000, blank=True)
    minutes_recorded_at = models.DateTimeField(_("회의록 작성일"), null=True, blank=True)
    created_at = models.DateTimeField(_("만든 때"), default=timezone.now)

    class Meta:
        verbose_name = _("원탁회의")
        verbose_name_plural = _("원탁회의")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return str(self.activity)

    def get_absolute_url(self) -> str:
        return reverse("proposals:roundtable", kwargs={"roundtable_id": self.pk})


class RoundtableItem(models.Model):
    """One proposal on a roundtable's agenda: the options discussed and the outcome."""

    roundtable = models.ForeignKey(
        Roundtable, verbose_name=_("원탁회의"), on_delete=models.CASCADE, related_name="items"
    )
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("제안"), on_delete=models.CASCADE, related_name="roundtable_items"
    )
    options = models.TextField(_("논의한 대안"), max_length=5000, blank=True)
    outcome = models.TextField(_("결과"), max_length=3000, blank=True)
    votes_for = models.PositiveIntegerField(_("찬성"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("반대"), null=True, blank=True)
    votes_abstain = models.PositiveIntegerField(_("기권"), null=True, blank=True)

    class Meta:
        verbose_name = _("원탁회의 안건")
        verbose_name_plural = _("원탁회의 안건")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["roundtable", "proposal"], name="one_item_per_proposal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roundtable} · {self.proposal}"

    @property
    def has_vote(self) -> bool:
        return self.votes_for is not None


def deadline_from(moment, days: int):
    return moment + timedelta(days=days)
