from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sotong.core.models import slug_validator

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{6,18}$",
    _("전화번호는 숫자와 하이픈으로 적어 주세요 (예: 063-620-1234)."),
)


class Organization(models.Model):
    """A resident group, civic group, intermediary centre, department, school or shop."""

    class Kind(models.TextChoices):
        RESIDENT_GROUP = "resident_group", _("주민모임")
        CIVIC_GROUP = "civic_group", _("시민단체")
        INTERMEDIARY = "intermediary", _("중간지원조직")
        COOPERATIVE = "cooperative", _("협동조합·사회적경제")
        GOVERNMENT = "government", _("행정기관")
        SCHOOL = "school", _("학교·교육청")
        COMPANY = "company", _("기업·가게")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("누구나 바로 가입")
        APPROVAL = "approval", _("관리자 승인 후 가입")

    name = models.CharField(_("이름"), max_length=80)
    slug = models.SlugField(
        _("주소용 이름"), max_length=80, unique=True, validators=[slug_validator]
    )
    kind = models.CharField(_("종류"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("지역"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제"), blank=True, related_name="organizations"
    )
    summary = models.CharField(_("한 줄 소개"), max_length=200)
    description = models.TextField(_("소개"), blank=True, max_length=10000)
    website = models.URLField(_("누리집"), blank=True)
    contact_email = models.EmailField(_("연락 이메일"), blank=True)
    contact_phone = models.CharField(
        _("연락 전화번호"), max_length=20, blank=True, validators=[phone_validator]
    )
    address = models.CharField(_("주소"), max_length=200, blank=True)
    logo = models.ImageField(_("로고"), upload_to="organizations/%Y/%m/", blank=True)
    join_policy = models.CharField(
        _("가입 방식"), max_length=10, choices=JoinPolicy.choices, default=JoinPolicy.APPROVAL
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="organizations",
        verbose_name=_("구성원"),
    )
    member_count = models.PositiveIntegerField(_("구성원 수"), default=0, editable=False)
    is_active = models.BooleanField(_("활동 중"), default=True)
    created_at = models.DateTimeField(_("등록일"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    class Meta:
        verbose_name = _("단체")
        verbose_name_plural = _("단체")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["region", "kind", "name"]),
            models.Index(fields=["-created_at"], name="organization_newest_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        # Members of a government organisation act as the region's officials: nobody may
        # become one without an admin's approval.
        if self.kind == self.Kind.GOVERNMENT and self.join_policy == self.JoinPolicy.OPEN:
            raise ValidationError(
                {"join_policy": _("행정기관은 관리자 승인 후 가입하는 방식만 쓸 수 있습니다.")}
            )

    @property
    def is_government(self) -> bool:
        return self.kind == self.Kind.GOVERNMENT

    @property
    def joins_at_once(self) -> bool:
        """Whether a resident becomes a member on the spot (else: a request to approve)."""
        return self.join_policy == self.JoinPolicy.OPEN and not self.is_government


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("관리자")
        MEMBER = "member", _("구성원")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("단체"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("회원"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("역할"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    is_public = models.BooleanField(
        _("단체 페이지에 이름 보이기"),
        default=True,
        help_text=_("끄면 단체의 공개 구성원 목록에 나오지 않습니다."),
    )
    joined_at = models.DateTimeField(_("가입일"), auto_now_add=True)

    class Meta:
        verbose_name = _("구성원")
        verbose_name_plural = _("구성원")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="unique_membership"),
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.user}"


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("대기 중")
        APPROVED = "approved", _("승인됨")
        DECLINED = "declined", _("거절됨")
        WITHDRAWN = "withdrawn", _("취소함")

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("단체"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("신청자"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.CharField(_("인사말"), max_length=500, blank=True)
    is_public = models.BooleanField(
        _("단체 페이지에 이름 보이기"),
        default=True,
        help_text=_("승인되면 구성원 공개 여부로 쓰입니다."),
    )
    status = models.CharField(
        _("상태"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("신청일"), auto_now_add=True)
    decided_at = models.DateTimeField(_("처리일"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("처리한 사람"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("가입 신청")
        verbose_name_plural = _("가입 신청")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "user"],
                condition=Q(status="pending"),
                name="one_pending_join_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} ← {self.user} ({self.get_status_display()})"
