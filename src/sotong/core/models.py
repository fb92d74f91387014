from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Mainland Korea, Jeju and the islands: every point and bound must lie inside this box.
KOREA_BOUNDS = {"south": 33.0, "west": 124.5, "north": 38.7, "east": 132.0}

latitude_validators = [
    MinValueValidator(KOREA_BOUNDS["south"], message=_("위도는 한국 안(33.0~38.7)이어야 합니다.")),
    MaxValueValidator(KOREA_BOUNDS["north"], message=_("위도는 한국 안(33.0~38.7)이어야 합니다.")),
]
longitude_validators = [
    MinValueValidator(KOREA_BOUNDS["west"], message=_("경도는 한국 안(124.5~132.0)이어야 합니다.")),
    MaxValueValidator(KOREA_BOUNDS["east"], message=_("경도는 한국 안(124.5~132.0)이어야 합니다.")),
]
slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("주소용 이름은 영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다."),
)


class RegionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def top_level(self):
        return self.filter(parent__isnull=True)


class Region(models.Model):
    """A city or district (시·군·구), or one of its neighbourhoods (읍·면·동)."""

    class Level(models.TextChoices):
        CITY = "city", _("시·군·구")
        NEIGHBOURHOOD = "neighbourhood", _("읍·면·동")

    name = models.CharField(_("이름"), max_length=60)
    slug = models.SlugField(
        _("주소용 이름"), max_length=60, unique=True, validators=[slug_validator]
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("상위 지역"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    level = models.CharField(_("단위"), max_length=20, choices=Level.choices, default=Level.CITY)
    latitude = models.FloatField(_("중심 위도"), validators=latitude_validators)
    longitude = models.FloatField(_("중심 경도"), validators=longitude_validators)
    bound_south = models.FloatField(_("남쪽 경계"), validators=latitude_validators)
    bound_west = models.FloatField(_("서쪽 경계"), validators=longitude_validators)
    bound_north = models.FloatField(_("북쪽 경계"), validators=latitude_validators)
    bound_east = models.FloatField(_("동쪽 경계"), validators=longitude_validators)
    description = models.TextField(_("소개"), blank=True, max_length=2000)
    order = models.PositiveIntegerField(_("순서"), default=0)
    is_active = models.BooleanField(_("사용"), default=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("지역")
        verbose_name_plural = _("지역")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bound_south__lt=models.F("bound_north"))
                & Q(bound_west__lt=models.F("bound_east")),
                name="region_bounds_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:region", kwargs={"slug": self.slug})

    @property
    def city(self) -> "Region":
        """The top-level region this one belongs to (itself for a city)."""
        return self.parent if self.parent_id else self

    @property
    def full_name(self) -> str:
        if self.parent_id:
            return f"{self.parent.name} {self.name}"
        return self.name

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        return (self.bound_south, self.bound_west, self.bound_north, self.bound_east)

    def contains_point(self, latitude: float, longitude: float) -> bool:
        return (
            self.bound_south <= latitude <= self.bound_north
            and self.bound_west <= longitude <= self.bound_east
        )

    def family_ids(self) -> list[int]:
        """This region and its neighbourhoods: what "in this region" means for filters."""
        if self.parent_id:  # a neighbourhood has none below it: no query needed
            return [self.pk]
        return [self.pk, *Region.objects.filter(parent_id=self.pk).values_list("pk", flat=True)]


class TopicQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_region(self, region: Region | None):
        """Topics shared by every region plus those of the region's city."""
        if region is None:
            return self.filter(region__isnull=True)
        return self.filter(Q(region__isnull=True) | Q(region_id=region.city.pk))


class Topic(models.Model):
    """A subject residents follow (관심 주제): 요리, 수공예, 지역의제…"""

    name = models.CharField(_("이름"), max_length=30)
    slug = models.SlugField(
        _("주소용 이름"), max_length=40, unique=True, validators=[slug_validator]
    )
    icon = models.CharField(
        _("아이콘"), max_length=8, blank=True, help_text=_("그림 문자 하나 (예: 🎨)")
    )
    color = models.CharField(
        _("색상"),
        max_length=7,
        default="#256ef4",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("색상은 #RRGGBB 형식이어야 합니다."))],
    )
    description = models.CharField(_("설명"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("지역"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="own_topics",
        help_text=_("비워 두면 모든 지역에서 씁니다."),
    )
    order = models.PositiveIntegerField(_("순서"), default=0)
    is_active = models.BooleanField(_("사용"), default=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("주제")
        verbose_name_plural = _("주제")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class RegionRole(models.Model):
    """A person who runs a region: its admins and its online facilitators (온라인 촉진단)."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("지역 관리자")
        FACILITATOR = "facilitator", _("촉진자")

    region = models.ForeignKey(
        Region, verbose_name=_("지역"), on_delete=models.CASCADE, related_name="roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("회원"),
        on_delete=models.CASCADE,
        related_name="region_roles",
    )
    role = models.CharField(_("역할"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("지정일"), auto_now_add=True)

    class Meta:
        verbose_name = _("지역 역할")
        verbose_name_plural = _("지역 역할")
        constraints = [
            models.UniqueConstraint(fields=["region", "user", "role"], name="unique_region_role"),
        ]

    def __str__(self) -> str:
        return f"{self.region} · {self.get_role_display()} · {self.user}"
