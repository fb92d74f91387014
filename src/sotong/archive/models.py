"""The archive: meeting records (대화모임 기록) and documents (reports, research, project
outputs), with the key words (핵심 키워드) computed from their text."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

ATTACHMENT_EXTENSIONS = (
    "pdf",
    "hwp",
    "hwpx",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "txt",
    "csv",
    "zip",
)
ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024


def validate_attachment(upload) -> None:
    """Office documents, PDF, HWP, text and zip files up to 20 MB; nothing that runs."""
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            _("PDF, 한글(HWP), 오피스 문서, 텍스트, ZIP 파일만 올릴 수 있습니다."),
            code="bad_extension",
        )
    if upload.size is not None and upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(_("첨부 파일은 20MB 이하만 올릴 수 있습니다."), code="too_large")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0 (출처를 밝히면 누구나 이용)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("저작권 보유 (허락 없이 이용 불가)")


class Visibility(models.TextChoices):
    DRAFT = "draft", _("비공개 초안")
    PUBLISHED = "published", _("공개")


class ArchiveItemQuerySet(models.QuerySet):
    def published(self):
        return self.filter(visibility=Visibility.PUBLISHED)


class ArchiveItem(models.Model):
    """What meeting records and documents share: where, about what, who, under which licence."""

    region = models.ForeignKey(
        "core.Region", verbose_name=_("지역"), on_delete=models.PROTECT, related_name="+"
    )
    host_organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("주최 단체"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    host_name = models.CharField(
        _("주최자 이름"),
        max_length=80,
        blank=True,
        help_text=_("단체가 Sotong에 없거나 개인이 주최했다면 이름을 적어 주세요."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("작성자"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    licence = models.CharField(
        _("이용 허락"), max_length=30, choices=Licence.choices, default=Licence.CC_BY
    )
    visibility = models.CharField(
        _("공개 여부"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED
    )
    published_at = models.DateTimeField(_("공개일"), null=True, blank=True)
    created_at = models.DateTimeField(_("작성일"), auto_now_add=True)
    updated_at = models.DateTimeField(_("수정일"), auto_now=True)

    objects = ArchiveItemQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.visibility == Visibility.PUBLISHED

    @property
    def host_display(self) -> str:
        if self.host_organization_id:
            return self.host_organization.name
        return self.host_name or self.created_by.nickname

    @property
    def licence_is_open(self) -> bool:
        return self.licence == Licence.CC_BY


class MeetingRecord(ArchiveItem):
    """The record of a dialogue meeting (대화모임 기록): the meeting of an activity on Sotong,
    or one held elsewhere (the 2019 dialogue meetings were written up in a booklet)."""

    activity = models.OneToOneField(
        "activities.Activity",
        verbose_name=_("활동"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_record",
    )
    title = models.CharField(_("주제"), max_length=200)
    held_on = models.DateField(_("모임 날짜"))
    place = models.CharField(_("장소"), max_length=200, blank=True)
    participants_count = models.PositiveIntegerField(
        _("참석 인원"),
        validators=[
            MaxValueValidator(100_000, message=_("참석 인원은 100,000명 이하여야 합니다."))
        ],
    )
    summary = models.TextField(_("요약"), max_length=3000)
    discussion = models.TextField(_("나눈 이야기"), max_length=10000, blank=True)
    outcomes = models.TextField(_("결과"), max_length=5000, blank=True)
    next_steps = models.TextField(_("다음 할 일"), max_length=5000, blank=True)
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제 분야"), blank=True, related_name="meeting_records"
    )
    organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("함께한 단체"),
        blank=True,
        related_name="meeting_records",
    )
    proposals = models.ManyToManyField(
        "proposals.Proposal",
        verbose_name=_("이어진 제안"),
        blank=True,
        related_name="meeting_records",
    )

    class Meta:
        verbose_name = _("대화모임 기록")
        verbose_name_plural = _("대화모임 기록")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["visibility", "held_on", "id"], name="record_browse"),
            models.Index(fields=["region", "held_on"], name="record_region_year"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:record", kwargs={"record_id": self.pk})

    def text_for_keywords(self) -> str:
        return "\n".join(
            [self.title, self.summary, self.discussion, self.outcomes, self.next_steps]
        )


class RecordPhoto(models.Model):
    record = models.ForeignKey(
        MeetingRecord, verbose_name=_("기록"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("사진"), upload_to="archive/photos/%Y/%m/")
    caption = models.CharField(_("사진 설명"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("올린 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("기록 사진")
        verbose_name_plural = _("기록 사진")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption or PurePath(self.image.name).name


class RecordAttachment(models.Model):
    record = models.ForeignKey(
        MeetingRecord,
        verbose_name=_("기록"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("파일"), upload_to="archive/files/%Y/%m/", validators=[validate_attachment]
    )
    title = models.CharField(_("파일 이름"), max_length=200)
    created_at = models.DateTimeField(_("올린 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("기록 첨부 파일")
        verbose_name_plural = _("기록 첨부 파일")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class Document(ArchiveItem):
    """A report, a piece of research or a project's output, kept with its files."""

    class Kind(models.TextChoices):
        REPORT = "report", _("보고서")
        RESEARCH = "research", _("연구")
        OUTPUT = "output", _("사업 결과물")
        OTHER = "other", _("기타 자료")

    kind = models.CharField(_("종류"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    title = models.CharField(_("제목"), max_length=200)
    issued_on = models.DateField(_("발행일"))
    summary = models.TextField(_("소개"), max_length=5000)
    topics = models.ManyToManyField(
        "core.Topic", verbose_name=_("주제 분야"), blank=True, related_name="archive_documents"
    )
    organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("함께한 단체"),
        blank=True,
        related_name="archive_documents",
    )

    class Meta:
        verbose_name = _("자료")
        verbose_name_plural = _("자료")
        ordering = ["-issued_on", "-pk"]
        indexes = [
            models.Index(fields=["visibility", "issued_on", "id"], name="document_browse"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:document", kwargs={"document_id": self.pk})

    def text_for_keywords(self) -> str:
        return "\n".join([self.title, self.summary])


class DocumentFile(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("자료"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        _("파일"), upload_to="archive/documents/%Y/%m/", validators=[validate_attachment]
    )
    title = models.CharField(_("파일 이름"), max_length=200)
    created_at = models.DateTimeField(_("올린 때"), auto_now_add=True)

    class Meta:
        verbose_name = _("자료 파일")
        verbose_name_plural = _("자료 파일")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title


class Term(models.Model):
    """A noun of a record's or a document's text with its count and TF-IDF score; the best
    scored few are the item's key words (핵심 키워드)."""

    # No index of their own: the unique (record, term) and (document, term) indexes below
    # serve every lookup by record or document. A plain record index made PostgreSQL walk
    # all the newest records' words to find a common word's newest rows, instead of
    # reading them off `term_record` (4 ms against 0.1 ms a word).
    record = models.ForeignKey(
        MeetingRecord,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="terms",
        db_index=False,
    )
    document = models.ForeignKey(
        Document,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="terms",
        db_index=False,
    )
    term = models.CharField(_("낱말"), max_length=60)
    count = models.PositiveIntegerField(_("나온 횟수"))
    score = models.FloatField(_("점수"), default=0)
    is_keyword = models.BooleanField(_("핵심 키워드"), default=False)

    class Meta:
        verbose_name = _("키워드")
        verbose_name_plural = _("키워드")
        constraints = [
            models.CheckConstraint(
                condition=(Q(record__isnull=False) & Q(document__isnull=True))
                | (Q(record__isnull=True) & Q(document__isnull=False)),
                name="term_of_one_item",
            ),
            models.UniqueConstraint(fields=["record", "term"], name="one_term_per_record"),
            models.UniqueConstraint(fields=["document", "term"], name="one_term_per_document"),
        ]
        indexes = [
            # a word's rows in record order: a key word's page walks records by date and
            # probes this; related records take a word's newest few records off its end
            models.Index(fields=["term", "record", "is_keyword"], name="term_record"),
            # a record's key words with what the year's chart adds up, read from the index
            # alone on PostgreSQL (SQLite keeps the partial index without the extra columns):
            # a neighbourhood's year went from a scan of every word of the archive (60 ms at
            # city scale) to 5 ms
            models.Index(
                fields=["record"],
                include=["term", "score"],
                condition=Q(is_keyword=True),
                name="term_keywords_of_record",
            ),
        ]

    def __str__(self) -> str:
        return self.term
