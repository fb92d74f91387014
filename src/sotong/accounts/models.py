from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import MinLengthValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

nickname_validator = RegexValidator(
    r"^[0-9A-Za-z가-힣_.\-]+$",
    _("닉네임에는 한글, 영문, 숫자, 밑줄(_), 마침표(.), 하이픈(-)만 쓸 수 있습니다."),
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        email = self.normalize_email(email).lower()
        extra.setdefault("nickname", email.split("@")[0][:20])
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person on Sotong. Others only ever see the nickname, never the e-mail."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("모두에게 공개")
        MEMBERS = "members", _("로그인한 회원에게만 공개")
        PRIVATE = "private", _("비공개")

    email = models.EmailField(_("이메일"), max_length=254, unique=True)
    nickname = models.CharField(
        _("닉네임"),
        max_length=20,
        unique=True,
        validators=[MinLengthValidator(2), nickname_validator],
        help_text=_("다른 주민에게 보이는 이름입니다. 2~20자."),
    )
    home_region = models.ForeignKey(
        "core.Region",
        verbose_name=_("사는 지역"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residents",
    )
    interests = models.ManyToManyField(
        "core.Topic", verbose_name=_("관심 주제"), blank=True, related_name="interested_users"
    )
    bio = models.CharField(_("한 줄 소개"), max_length=300, blank=True)
    avatar = models.ImageField(_("프로필 사진"), upload_to="avatars/%Y/%m/", blank=True)
    profile_visibility = models.CharField(
        _("프로필 공개 범위"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
    )
    show_interests = models.BooleanField(_("관심 주제를 프로필에 보이기"), default=True)
    show_organizations = models.BooleanField(_("소속 단체를 프로필에 보이기"), default=True)
    is_staff = models.BooleanField(_("운영자"), default=False)
    is_active = models.BooleanField(_("활성"), default=True)
    date_joined = models.DateTimeField(_("가입일"), default=timezone.now)
    deleted_at = models.DateTimeField(_("탈퇴일"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["nickname"]

    class Meta:
        verbose_name = _("회원")
        verbose_name_plural = _("회원")
        constraints = [
            models.UniqueConstraint(
                Lower("nickname"),
                name="unique_nickname_ignoring_case",
                violation_error_message=_(
                    "이미 쓰고 있는 닉네임입니다. 다른 닉네임을 골라 주세요."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.nickname

    def get_absolute_url(self) -> str:
        return reverse("accounts:profile", kwargs={"user_id": self.pk})

    def get_short_name(self) -> str:
        return self.nickname

    def get_full_name(self) -> str:
        return self.nickname

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
