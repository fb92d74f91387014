from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.images import clean_uploaded_image
from sotong.core.models import Region, Topic
from sotong.organizations.models import JoinRequest, Organization
from sotong.organizations.selectors import SORTS

LOGO_MAX_SIDE = 512


def https_by_default(field: models.Field, **kwargs) -> forms.Field | None:
    """Model form fields, with web addresses typed without a scheme read as https://."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class DirectoryFilterForm(forms.Form):
    """The directory's filters, read from the URL (a GET form that works without JavaScript)."""

    q = forms.CharField(
        label=_("검색어"),
        required=False,
        max_length=100,
        help_text=_("단체 이름이나 한 줄 소개에서 찾습니다."),
        error_messages={"max_length": _("검색어는 100자까지 쓸 수 있습니다.")},
    )
    region = forms.ChoiceField(
        label=_("지역"),
        required=False,
        error_messages={"invalid_choice": _("알 수 없는 지역입니다. 목록에서 골라 주세요.")},
    )
    kind = forms.ChoiceField(
        label=_("종류"),
        required=False,
        choices=[("", _("모든 종류")), *Organization.Kind.choices],
        error_messages={"invalid_choice": _("알 수 없는 종류입니다. 목록에서 골라 주세요.")},
    )
    topic = forms.ChoiceField(
        label=_("주제"),
        required=False,
        error_messages={"invalid_choice": _("알 수 없는 주제입니다. 목록에서 골라 주세요.")},
    )
    sort = forms.ChoiceField(
        label=_("정렬"),
        required=False,
        choices=[("name", _("이름순")), ("newest", _("최근 등록순"))],
        error_messages={"invalid_choice": _("알 수 없는 정렬 방식입니다.")},
    )

    def __init__(self, *args, regions: list[Region], topics: list[Topic], **kwargs):
        super().__init__(*args, **kwargs)
        self.regions_by_slug = {region.slug: region for region in regions}
        self.topics_by_slug = {topic.slug: topic for topic in topics}
        self.fields["region"].choices = [
            ("", _("모든 지역")),
            *((region.slug, self._region_label(region)) for region in regions),
        ]
        self.fields["topic"].choices = [
            ("", _("모든 주제")),
            *((topic.slug, f"{topic.icon} {topic.name}".strip()) for topic in topics),
        ]

    @staticmethod
    def _region_label(region: Region) -> str:
        if region.parent_id is None:
            return _("%(city)s 전체") % {"city": region.name}
        return region.full_name

    def filters(self) -> dict:
        """The valid filters only: a wrong value is reported and otherwise ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        sort = data.get("sort") or "name"
        return {
            "region": self.regions_by_slug.get(data.get("region") or ""),
            "kind": data.get("kind") or "",
            "topic": self.topics_by_slug.get(data.get("topic") or ""),
            "query": (data.get("q") or "").strip(),
            "sort": sort if sort in SORTS else "name",
        }


class OrganizationForm(forms.ModelForm):
    """Profile of an organisation; the view hands the cleaned data to the services."""

    region = RegionChoiceField(
        label=_("지역"),
        queryset=Region.objects.none(),
        empty_label=_("지역을 골라 주세요"),
        error_messages={"invalid_choice": _("알 수 없는 지역입니다. 목록에서 골라 주세요.")},
    )
    website = forms.URLField(
        label=_("누리집"),
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text=_("예: https://namwon.example.kr"),
        error_messages={
            "invalid": _("올바른 누리집 주소를 적어 주세요 (예: https://namwon.example.kr)."),
            "max_length": _("누리집 주소는 200자까지 쓸 수 있습니다."),
        },
    )
    topics = TopicChoiceField(
        label=_("주제"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 주제입니다. 목록에서 골라 주세요.")},
    )

    class Meta:
        model = Organization
        formfield_callback = https_by_default
        fields = [
            "name",
            "kind",
            "region",
            "topics",
            "summary",
            "description",
            "join_policy",
            "website",
            "contact_email",
            "contact_phone",
            "address",
            "logo",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "join_policy": forms.RadioSelect,
        }
        help_texts = {
            "name": _("80자까지 쓸 수 있습니다."),
            "kind": _("행정기관은 그 지역의 지역 관리자만 등록할 수 있습니다."),
            "summary": _("단체 목록에 보이는 한 줄 소개입니다. 200자까지."),
            "description": _("줄바꿈은 그대로 보입니다. HTML은 글자로 보입니다."),
            "contact_email": _("단체의 연락처입니다. 로그인한 회원에게만 보입니다."),
            "contact_phone": _("로그인한 회원에게만 보입니다."),
            "logo": _("JPEG, PNG, WebP, GIF. 올리면 크기를 줄이고 사진 정보(EXIF)를 지웁니다."),
        }
        error_messages = {
            "name": {"max_length": _("이름은 80자까지 쓸 수 있습니다.")},
            "summary": {"max_length": _("한 줄 소개는 200자까지 쓸 수 있습니다.")},
            "description": {"max_length": _("소개는 10,000자까지 쓸 수 있습니다.")},
            "kind": {"invalid_choice": _("알 수 없는 종류입니다. 목록에서 골라 주세요.")},
            "join_policy": {"invalid_choice": _("알 수 없는 가입 방식입니다.")},
            "contact_email": {"invalid": _("올바른 이메일 주소를 적어 주세요.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.active().select_related("parent")
        self.fields["topics"].queryset = Topic.objects.active()
        self.fields["kind"].choices = [("", _("종류를 골라 주세요")), *Organization.Kind.choices]

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("이름을 적어 주세요."), code="required")
        return name

    def clean_summary(self) -> str:
        return " ".join(self.cleaned_data["summary"].split())

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            return clean_uploaded_image(logo, max_side=LOGO_MAX_SIDE)
        return logo

    def service_arguments(self) -> dict:
        """Cleaned values for organization_create / organization_update (changed logo only)."""
        data = {field: self.cleaned_data[field] for field in self.Meta.fields if field != "logo"}
        data["topics"] = list(self.cleaned_data["topics"])
        if "logo" in self.changed_data:
            data["logo"] = self.cleaned_data["logo"] or False
        return data


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("인사말 (선택)"),
        required=False,
        max_length=JoinRequest._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("관리자에게 보이는 짧은 소개입니다. 500자까지."),
        error_messages={"max_length": _("인사말은 500자까지 쓸 수 있습니다.")},
    )
    is_public = forms.BooleanField(
        label=_("단체 페이지의 구성원 목록에 내 닉네임 보이기"),
        required=False,
        initial=True,
    )


class VisibilityForm(forms.Form):
    is_public = forms.BooleanField(
        label=_("단체 페이지의 구성원 목록에 내 닉네임 보이기"), required=False
    )
