"""What a resident follows besides topics.

Topic follows stay in `User.interests` (the M2M that sign-up, the profile form, the profile page,
the data export and the demo generators already use): they are the one record of "I follow
#키즈". Every other follow is a `Follow` row pointing at exactly one of a region, an organisation
or another resident. One table with nullable keys (rather than one per target) lets the feed and
the notifications ask "who follows any of these?" in a single indexed query.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

TARGET_FIELDS = ("region", "organization", "person")


class FollowQuerySet(models.QuerySet):
    def regions(self):
        return self.filter(region__isnull=False)

    def organizations(self):
        return self.filter(organization__isnull=False)

    def people(self):
        return self.filter(person__isnull=False)


class Follow(models.Model):
    follower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("팔로우한 회원"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    # A city means the city and all its neighbourhoods; a neighbourhood only itself.
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("지역"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("단체"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="follows",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("주민"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="followed_by",
    )
    created_at = models.DateTimeField(_("팔로우한 때"), auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("팔로우")
        verbose_name_plural = _("팔로우")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(region__isnull=False, organization__isnull=True, person__isnull=True)
                    | Q(region__isnull=True, organization__isnull=False, person__isnull=True)
                    | Q(region__isnull=True, organization__isnull=True, person__isnull=False)
                ),
                name="follow_exactly_one_target",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=True) | ~Q(person=F("follower")),
                name="follow_not_oneself",
            ),
            models.UniqueConstraint(
                fields=["follower", "region"],
                condition=Q(region__isnull=False),
                name="follow_region_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "organization"],
                condition=Q(organization__isnull=False),
                name="follow_organization_once",
            ),
            models.UniqueConstraint(
                fields=["follower", "person"],
                condition=Q(person__isnull=False),
                name="follow_person_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follower} → {self.target}"

    @property
    def target(self):
        return self.region or self.organization or self.person

    @property
    def target_kind(self) -> str:
        return next(field for field in TARGET_FIELDS if getattr(self, f"{field}_id"))
