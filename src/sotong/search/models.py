from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One findable thing (an activity, an organisation, a notice …) as the index sees it.

    `title_terms` and `body_terms` hold the analysed terms (see `analysis.terms`), joined by
    spaces; SQLite indexes them in the FTS5 table `search_fts`, PostgreSQL in the generated
    `tsvector` column `vector` (both made by migration 0001, only on their database)."""

    kind = models.CharField(_("종류"), max_length=40)
    object_id = models.PositiveBigIntegerField(_("대상 번호"))
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("지역"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제"), blank=True, related_name="+"
    )
    date = models.DateTimeField(_("날짜"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("연도"), null=True, blank=True)
    title = models.CharField(_("제목"), max_length=300)
    snippet_source = models.TextField(_("요약 원문"), blank=True)
    url = models.CharField(_("주소"), max_length=500)
    title_terms = models.TextField(_("제목 색인어"), blank=True)
    body_terms = models.TextField(_("본문 색인어"), blank=True)
    is_public = models.BooleanField(_("공개"), default=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # No foreign key: search sits below the organisations app. Its admins may find the
    # document when it is not public (see registry.register_finder).
    organization_id = models.PositiveBigIntegerField(_("주최 단체 번호"), null=True, blank=True)
    popularity = models.PositiveIntegerField(_("인기도"), default=0)
    indexed_at = models.DateTimeField(_("색인 시각"), auto_now=True)

    class Meta:
        verbose_name = _("검색 문서")
        verbose_name_plural = _("검색 문서")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        indexes = [models.Index(fields=["kind", "year"], name="search_document_kind_year")]

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """Every term ever indexed, for "did you mean" suggestions."""

    term = models.CharField(_("색인어"), max_length=100, unique=True)
    length = models.PositiveSmallIntegerField(_("글자 수"), db_index=True)

    class Meta:
        verbose_name = _("색인어")
        verbose_name_plural = _("색인어")

    def __str__(self) -> str:
        return self.term
