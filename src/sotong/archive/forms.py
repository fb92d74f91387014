"""The archive's forms: browse filters (GET) and the record and document editors."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sotong.archive import selectors
from sotong.archive.models import Document, Licence, MeetingRecord, Visibility
from sotong.archive.selectors import Filters
from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization
from sotong.proposals.models import Proposal

ORGANIZATION_NAME_MAX_LENGTH = 50
ORGANIZATION_NAME_MAX_WORDS = 5
UNKNOWN_ORGANIZATION_LINK = _(
    "이 주소의 단체를 찾지 못했습니다. 이름이 바뀌었거나 없어진 단체일 수 있습니다. "
    "‘단체 이름’에 이름을 적어 찾아보세요."
)


class BrowseForm(forms.Form):
    """Browse by region, topic, year and organisation; a wrong value is reported, then
    ignored, and the other filters still apply.

    Organisations are not a list to pick from: every organisation that ever hosted or joined
    a published record made a <select> of 2,000 names (200 KB of HTML) at city scale, which
    nobody can use and which grew with the archive. Instead, two bounded ways that work
    without JavaScript:

    - `organization=<slug>`: one organisation, as the organisation's page and a record page
      link here. One lookup on the unique slug index; shown as a removable choice
      ("단체: 이름 ✕") whose link keeps the other filters. An unknown slug (a renamed or
      removed organisation) is said in Korean and ignored.
    - `organization_name` (단체 이름): the words typed; the records of the organisations whose
      name holds every word. At most `selectors.ORGANIZATIONS_BY_NAME` organisations are
      resolved (in name order), and the field says so when more match, asking for more
      words. No match is an error (the list is not narrowed to nothing in silence). The text
      stays in the box whatever happens.

    Given both, each narrows the list further, like every other filter here.
    """

    region = forms.ChoiceField(label=_("지역"), required=False)
    topic = forms.ChoiceField(label=_("주제 분야"), required=False)
    year = forms.ChoiceField(label=_("연도"), required=False)
    organization = forms.CharField(required=False, widget=forms.HiddenInput)
    organization_name = forms.CharField(
        label=_("단체 이름"),
        required=False,
        max_length=ORGANIZATION_NAME_MAX_LENGTH,
        help_text=_("이름의 일부를 적으면 그 낱말이 모두 들어간 단체의 기록을 찾습니다."),
        error_messages={
            "max_length": _("단체 이름은 %(limit_value)d자까지 적을 수 있습니다."),
        },
    )

    def __init__(self, *args, regions, topics, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.by_slug = {
            "region": {region.slug: region for region in regions},
            "topic": {topic.slug: topic for topic in topics},
        }
        self.more_organizations_named = False
        invalid = {"invalid_choice": _("목록에 없는 값입니다. 목록에서 골라 주세요.")}
        for name in ("region", "topic", "year"):
            self.fields[name].error_messages.update(invalid)
        self.fields["region"].choices = [
            ("", _("모든 지역")),
            *((region.slug, region.full_name) for region in regions),
        ]
        self.fields["topic"].choices = [
            ("", _("모든 분야")),
            *((topic.slug, f"{topic.icon} {topic.name}".strip()) for topic in topics),
        ]
        self.fields["year"].choices = [("", _("모든 연도")), *((str(y), str(y)) for y in years)]

    def clean_organization(self) -> Organization | None:
        slug = self.cleaned_data["organization"]
        if not slug:
            return None
        # a slug is at most 80 characters: a longer one is not looked up
        found = selectors.organization_by_slug(slug) if len(slug) <= 80 else None
        if found is None:
            raise ValidationError(UNKNOWN_ORGANIZATION_LINK, code="unknown_organization")
        return found

    def clean_organization_name(self) -> list[Organization] | None:
        words = self.cleaned_data["organization_name"].split()
        if not words:
            return None
        if len(words) > ORGANIZATION_NAME_MAX_WORDS:
            raise ValidationError(
                _("단체 이름은 낱말 %(limit)d개까지 적을 수 있습니다."),
                code="too_many_words",
                params={"limit": ORGANIZATION_NAME_MAX_WORDS},
            )
        found, more = selectors.organizations_named(words)
        typed = " ".join(words)
        if not found:
            raise ValidationError(
                _("이름에 ‘%(name)s’이(가) 들어간 단체가 없습니다. 다른 낱말로 찾아보세요."),
                code="no_organization",
                params={"name": typed},
            )
        if more:
            self.more_organizations_named = True
            # the bound field copied the help text when it was made: tell both
            self.fields["organization_name"].help_text = self["organization_name"].help_text = _(
                "이름에 ‘%(name)s’이(가) 들어간 단체가 %(limit)d곳이 넘어, 이름순으로 앞의 "
                "%(limit)d곳의 기록만 보여 드립니다. 낱말을 더 적어 좁혀 보세요."
            ) % {"name": typed, "limit": len(found)}
        return found

    def filters(self) -> Filters:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        year = data.get("year")
        return Filters(
            region=self.by_slug["region"].get(data.get("region") or ""),
            topic=self.by_slug["topic"].get(data.get("topic") or ""),
            year=int(year) if year else None,
            organization=data.get("organization"),
            named_organizations=data.get("organization_name"),
        )

    @property
    def chosen_organization(self) -> Organization | None:
        """The organisation the link chose, when it exists (after `filters()`)."""
        return getattr(self, "cleaned_data", {}).get("organization")

    @property
    def narrowed(self) -> bool:
        return any(self.data.get(name) for name in self.fields)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class OrganizationsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


def _organization_choices(user, region: Region | None, current: list[int]):
    """The organisations a person can pick: their own, those of the region, the chosen ones."""
    scope = Q(pk__in=current) | Q(memberships__user=user)
    if region is not None:
        scope |= Q(region_id__in=region.city.family_ids())
    return Organization.objects.filter(scope, is_active=True).distinct().order_by("name")


class ArchiveItemForm(forms.ModelForm):
    topics = TopicChoiceField(
        label=_("주제 분야"),
        queryset=Topic.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organizations = OrganizationsField(
        label=_("함께한 단체"), queryset=Organization.objects.none(), required=False
    )
    licence = forms.ChoiceField(
        label=_("이용 허락"),
        choices=Licence.choices,
        initial=Licence.CC_BY,
        widget=forms.RadioSelect,
        help_text=_("CC BY 4.0이면 누구나 출처를 밝히고 자유롭게 쓸 수 있습니다."),
    )
    visibility = forms.ChoiceField(
        label=_("공개 여부"),
        choices=Visibility.choices,
        initial=Visibility.PUBLISHED,
        widget=forms.RadioSelect,
        help_text=_("비공개 초안은 나와 함께 고칠 수 있는 사람에게만 보입니다."),
    )
    new_files = MultipleFileField(
        label=_("첨부 파일 올리기"),
        help_text=_("PDF, 한글, 오피스 문서 등. 파일 하나에 20MB까지."),
    )

    relation_names = ("topics", "organizations")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        self.fields["region"] = RegionChoiceField(
            label=_("지역"),
            queryset=Region.objects.active().select_related("parent").order_by("order", "name"),
            error_messages={"required": _("지역을 골라 주세요.")},
        )
        if instance.pk:
            self.fields["region"].initial = instance.region_id
        region = instance.region if instance.region_id else user.home_region
        current_orgs = []
        if instance.pk:
            current_orgs = list(instance.organizations.values_list("pk", flat=True))
        if instance.host_organization_id:
            current_orgs.append(instance.host_organization_id)
        choices = _organization_choices(user, region, current_orgs)
        self.fields["organizations"].queryset = choices
        hosts = Organization.objects.filter(
            Q(memberships__user=user) | Q(pk=instance.host_organization_id or 0)
        ).distinct()
        self.fields["host_organization"].queryset = hosts.order_by("name")
        self.fields["host_organization"].empty_label = _("단체 없음 (개인)")
        self.fields["host_organization"].help_text = _("내가 속한 단체만 고를 수 있습니다.")
        self.fields["host_organization"].error_messages["invalid_choice"] = _(
            "내가 속한 단체만 주최 단체로 고를 수 있습니다."
        )
        if instance.pk:
            self.fields["topics"].initial = list(instance.topics.all())
            self.fields["organizations"].initial = current_orgs

    def relations(self) -> dict:
        return {name: self.cleaned_data.get(name) or [] for name in self.relation_names}

    def service_fields(self, names) -> dict:
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


TEXT_ERRORS = {
    "title": {
        "required": _("주제를 적어 주세요."),
        "max_length": _("주제는 200자까지 쓸 수 있습니다."),
    },
    "participants_count": {
        "required": _("참석 인원을 적어 주세요."),
        "invalid": _("참석 인원은 숫자로 적어 주세요."),
        "min_value": _("참석 인원은 0명 이상이어야 합니다."),
    },
    "held_on": {
        "required": _("모임 날짜를 적어 주세요."),
        "invalid": _("날짜는 2026-11-22처럼 적어 주세요."),
    },
    "summary": {
        "required": _("요약을 적어 주세요."),
        "max_length": _("요약은 3,000자까지 쓸 수 있습니다."),
    },
    "discussion": {"max_length": _("나눈 이야기는 10,000자까지 쓸 수 있습니다.")},
    "outcomes": {"max_length": _("결과는 5,000자까지 쓸 수 있습니다.")},
    "next_steps": {"max_length": _("다음 할 일은 5,000자까지 쓸 수 있습니다.")},
    "place": {"max_length": _("장소는 200자까지 쓸 수 있습니다.")},
    "host_name": {"max_length": _("주최자 이름은 80자까지 쓸 수 있습니다.")},
}


class RecordForm(ArchiveItemForm):
    proposals = forms.ModelMultipleChoiceField(
        label=_("이어진 제안"),
        queryset=Proposal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_photos = MultipleFileField(
        label=_("사진 올리기"),
        help_text=_(
            "JPEG, PNG, WebP, GIF. 위치 정보는 지워집니다. 얼굴이 나온 사진은 동의를 받아 주세요."
        ),
    )
    photo_caption = forms.CharField(
        label=_("사진 설명"),
        required=False,
        max_length=200,
        help_text=_("화면을 볼 수 없는 분께 읽어 드리는 설명입니다."),
        error_messages={"max_length": _("사진 설명은 200자까지 쓸 수 있습니다.")},
    )

    relation_names = ("topics", "organizations", "proposals")

    class Meta:
        model = MeetingRecord
        fields = [
            "title",
            "held_on",
            "place",
            "participants_count",
            "host_organization",
            "host_name",
            "summary",
            "discussion",
            "outcomes",
            "next_steps",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "discussion": forms.Textarea(attrs={"rows": 8}),
            "outcomes": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "title": _("이날 나눈 이야기의 주제"),
            "participants_count": _("실제로 온 사람 수"),
            "summary": _("처음 보는 사람도 알 수 있게 짧게 적어 주세요. 3,000자까지."),
            "discussion": _("오간 의견을 적어 주세요. 개인 연락처는 적지 마세요."),
            "next_steps": _("누가 언제까지 무엇을 할지"),
        }
        error_messages = TEXT_ERRORS

    field_order = [
        "title",
        "held_on",
        "place",
        "region",
        "participants_count",
        "host_organization",
        "host_name",
        "summary",
        "discussion",
        "outcomes",
        "next_steps",
        "topics",
        "organizations",
        "proposals",
        "new_photos",
        "photo_caption",
        "new_files",
        "licence",
        "visibility",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        instance = self.instance
        current = list(instance.proposals.values_list("pk", flat=True)) if instance.pk else []
        region = instance.region if instance.region_id else user.home_region
        scope = Q(pk__in=current)
        if region is not None:
            recent = Proposal.objects.filter(region_id__in=region.city.family_ids())
            scope |= Q(pk__in=recent.order_by("-pk").values("pk")[:50])
        self.fields["proposals"].queryset = Proposal.objects.filter(scope).order_by("-pk")
        if instance.pk:
            self.fields["proposals"].initial = current
        self.order_fields(self.field_order)


class DocumentForm(ArchiveItemForm):
    class Meta:
        model = Document
        fields = ["kind", "title", "issued_on", "host_organization", "host_name", "summary"]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "title": {
                "required": _("제목을 적어 주세요."),
                "max_length": _("제목은 200자까지 쓸 수 있습니다."),
            },
            "issued_on": {
                "required": _("발행일을 적어 주세요."),
                "invalid": _("날짜는 2026-11-22처럼 적어 주세요."),
            },
            "summary": {
                "required": _("소개를 적어 주세요."),
                "max_length": _("소개는 5,000자까지 쓸 수 있습니다."),
            },
            "host_name": {"max_length": _("주최자 이름은 80자까지 쓸 수 있습니다.")},
        }

    field_order = [
        "kind",
        "title",
        "issued_on",
        "region",
        "host_organization",
        "host_name",
        "summary",
        "topics",
        "organizations",
        "new_files",
        "licence",
        "visibility",
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.order_fields(self.field_order)
