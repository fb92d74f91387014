from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sotong.activities.forms import ActivityForm, DateTimeLocalInput, RegionSelect
from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.models import Region, RegionRole, Topic
from sotong.notices.models import DOCUMENT_MAX_BYTES, Notice, NoticeDocument, validate_document_file
from sotong.notices.selectors import NoticeFilters
from sotong.notices.services import MAX_DOCUMENTS
from sotong.organizations.models import Organization


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """Several files at once; each is checked for type and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(uploads) > MAX_DOCUMENTS:
            raise ValidationError(
                _("자료는 %(max)d개까지 올릴 수 있습니다.") % {"max": MAX_DOCUMENTS}
            )
        cleaned = []
        for upload in uploads:
            upload = super().clean(upload, initial)
            if upload:
                validate_document_file(upload)
                cleaned.append(upload)
        return cleaned


def departments_for(user):
    """The government departments the user may publish for."""
    departments = Organization.objects.filter(
        kind=Organization.Kind.GOVERNMENT, is_active=True
    ).select_related("region__parent")
    if user.is_superuser:
        return departments.order_by("name")
    admin_cities = RegionRole.objects.filter(user=user, role=RegionRole.Role.ADMIN).values("region")
    return (
        departments.filter(
            Q(memberships__user=user)
            | Q(region__in=admin_cities)
            | Q(region__parent__in=admin_cities)
        )
        .distinct()
        .order_by("name")
    )


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, department: Organization) -> str:
        return f"{department.name} ({department.region.city.name})"


class NoticeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("종류"),
        choices=Notice.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("알 수 없는 종류입니다. 목록에서 골라 주세요.")},
    )
    title = forms.CharField(
        label=_("제목"),
        max_length=150,
        error_messages={"max_length": _("제목은 150자까지 쓸 수 있습니다.")},
    )
    body = forms.CharField(
        label=_("내용"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("마크다운을 쓸 수 있습니다: **굵게**, - 목록, [링크](https://…)."),
        error_messages={"max_length": _("내용은 20,000자까지 쓸 수 있습니다.")},
    )
    region = RegionChoiceField(
        label=_("지역"),
        queryset=Region.objects.none(),
        widget=RegionSelect,
        empty_label=_("지역을 골라 주세요"),
        error_messages={"invalid_choice": _("알 수 없는 지역입니다. 목록에서 골라 주세요.")},
    )
    department = DepartmentChoiceField(
        label=_("담당 부서"),
        queryset=Organization.objects.none(),
        empty_label=_("부서를 골라 주세요"),
        help_text=_("질문에는 이 부서의 공무원이 답합니다."),
        error_messages={"invalid_choice": _("내가 공지를 올릴 수 있는 부서만 고를 수 있습니다.")},
    )
    topics = TopicChoiceField(
        label=_("주제"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 주제입니다. 목록에서 골라 주세요.")},
    )
    starts_at = forms.DateTimeField(
        label=_("일시"),
        required=False,
        widget=DateTimeLocalInput(),
        help_text=_("공청회·설명회가 열리는 때"),
        error_messages={"invalid": _("일시를 2026-12-01 14:00 형식으로 적어 주세요.")},
    )
    place_name = forms.CharField(
        label=_("장소 이름"),
        max_length=100,
        required=False,
        help_text=_("예: 남원시청 3층 대회의실"),
        error_messages={"max_length": _("장소 이름은 100자까지 쓸 수 있습니다.")},
    )
    address = forms.CharField(
        label=_("주소"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("주소는 200자까지 쓸 수 있습니다.")},
    )
    latitude = forms.FloatField(
        label=_("위도"),
        required=False,
        widget=forms.NumberInput(attrs={"step": "any", "data-place-picker": "latitude"}),
        help_text=_("지도에 표시할 위치입니다. 예: 35.4164"),
        error_messages={"invalid": _("위도는 숫자로 적어 주세요.")},
    )
    longitude = forms.FloatField(
        label=_("경도"),
        required=False,
        widget=forms.NumberInput(attrs={"step": "any", "data-place-picker": "longitude"}),
        help_text=_("예: 127.3905"),
        error_messages={"invalid": _("경도는 숫자로 적어 주세요.")},
    )
    comment_opens_at = forms.DateTimeField(
        label=_("의견 접수 시작"),
        required=False,
        widget=DateTimeLocalInput(),
        help_text=_("비워 두면 게시하는 때부터 받습니다."),
        error_messages={"invalid": _("날짜와 시간을 2026-12-01 09:00 형식으로 적어 주세요.")},
    )
    comment_closes_at = forms.DateTimeField(
        label=_("의견 접수 마감"),
        required=False,
        widget=DateTimeLocalInput(),
        help_text=_("마감이 지나면 질문을 더 받지 않고 첫 화면 고정도 풀립니다."),
        error_messages={"invalid": _("날짜와 시간을 2026-12-15 18:00 형식으로 적어 주세요.")},
    )
    is_pinned = forms.BooleanField(
        label=_("중요 공지로 고정"),
        required=False,
        help_text=_("마감될 때까지 지역 첫 화면 맨 위에 보입니다."),
    )
    documents = DocumentsField(
        label=_("자료 첨부"),
        required=False,
        help_text=_("PDF, HWP, 오피스 문서, 그림, ZIP. 한 파일에 %(size)dMB, %(max)d개까지.")
        % {"size": DOCUMENT_MAX_BYTES // (1024 * 1024), "max": MAX_DOCUMENTS},
    )
    remove_documents = forms.ModelMultipleChoiceField(
        label=_("지울 자료"),
        queryset=NoticeDocument.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    # The activities form's place picker settings serve this form's map as well.
    place_picker_config = ActivityForm.place_picker_config

    def __init__(self, *args, user, topics: list[Topic], editing: Notice | None = None, **kw):
        super().__init__(*args, **kw)
        self.editing = editing
        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])
        self.fields["region"].queryset = Region.objects.active().select_related("parent")
        departments = departments_for(user)
        if editing is not None:
            departments = (
                Organization.objects.filter(
                    Q(pk__in=departments.values("pk")) | Q(pk=editing.department_id)
                )
                .select_related("region__parent")
                .order_by("name")
            )
            self.fields["remove_documents"].queryset = editing.documents.all()
        else:
            del self.fields["remove_documents"]
        self.fields["department"].queryset = departments

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def service_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in (
                "kind", "title", "body", "region", "department", "starts_at", "place_name",
                "address", "latitude", "longitude", "comment_opens_at", "comment_closes_at",
                "is_pinned",
            )
        }  # fmt: skip

    @staticmethod
    def initial_for(notice: Notice) -> dict:
        def local(value):
            return timezone.localtime(value) if value else None

        return {
            "kind": notice.kind,
            "title": notice.title,
            "body": notice.body,
            "region": notice.region_id,
            "department": notice.department_id,
            "topics": list(notice.topics.all()),
            "starts_at": local(notice.starts_at),
            "place_name": notice.place_name,
            "address": notice.address,
            "latitude": notice.latitude,
            "longitude": notice.longitude,
            "comment_opens_at": local(notice.comment_opens_at),
            "comment_closes_at": local(notice.comment_closes_at),
            "is_pinned": notice.is_pinned,
        }


class QuestionForm(forms.Form):
    body = forms.CharField(
        label=_("질문"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("담당 부서가 이 자리에서 답합니다. 연락처 같은 개인정보는 적지 마세요."),
        error_messages={
            "required": _("질문을 적어 주세요."),
            "max_length": _("질문은 3,000자까지 쓸 수 있습니다."),
        },
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("답변"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("답변을 적어 주세요."),
            "max_length": _("답변은 5,000자까지 쓸 수 있습니다."),
        },
    )


class NoticeFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("지역"), required=False)
    kind = forms.MultipleChoiceField(
        label=_("종류"),
        choices=Notice.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    state = forms.ChoiceField(
        label=_("상태"),
        required=False,
        choices=[("", _("전체")), ("open", _("진행 중")), ("closed", _("마감"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, regions: list[Region], **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = regions
        self.fields["region"].choices = [
            ("", _("모든 지역")),
            *((region.slug, region.full_name) for region in regions),
        ]

    def filters(self) -> NoticeFilters:
        data = self.cleaned_data if self.is_valid() else {}
        filters = NoticeFilters(kinds=data.get("kind") or None, state=data.get("state") or "")
        slug = data.get("region")
        region = next((r for r in self.regions if r.slug == slug), None) if slug else None
        if region is not None:
            filters.regions = [region.pk] + [r.pk for r in self.regions if r.parent_id == region.pk]
        return filters
