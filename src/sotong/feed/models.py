"""Saved filters (저장한 조건): a person's topics, regions, organisations and activity kinds,
each with RSS, Atom and iCal feeds behind a secret token the owner can regenerate."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sotong.activities.models import Activity


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SavedFilter(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("만든 회원"),
        on_delete=models.CASCADE,
        related_name="saved_filters",
    )
    name = models.CharField(_("이름"), max_length=60)
    topics = models.ManyToManyField("core.Topic", verbose_name=_("주제"), blank=True)
    regions = models.ManyToManyField("core.Region", verbose_name=_("지역"), blank=True)
    organizations = models.ManyToManyField(
        "organizations.Organization", verbose_name=_("단체"), blank=True
    )
    kinds = models.JSONField(_("활동 종류"), default=list, blank=True)
    # Whoever holds the feed address can read it: regenerating makes the old address stop.
    token = models.CharField(_("피드 비밀 주소"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("만든 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("저장한 조건")
        verbose_name_plural = _("저장한 조건")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_labels(self) -> list[str]:
        return [Activity.Kind(k).label for k in self.kinds if k in Activity.Kind.values]
