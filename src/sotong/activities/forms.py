import re
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sotong.activities.models import Activity, ActivitySeries, Audience
from sotong.activities.selectors import HOST_KINDS, ActivityFilters
from sotong.activities.services import EDITABLE_FIELDS, Recurrence, duration_error
from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.models import KOREA_BOUNDS, Region, Topic
from sotong.organizations.models import Organization

MAX_EXCEPTION_DATES = 50


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class RegionSelect(forms.Select):
    """Each region option carries its city's bounds, so the place picker map can follow it."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        region = getattr(value, "instance", None)
        if isinstance(region, Region):
            option["attrs"]["data-bounds"] = ",".join(str(side) for side in region.city.bounds)
        return option


class ActivityForm(forms.Form):
    """What a host fills in to post or edit an activity; the services check the rest."""

    kind = forms.ChoiceField(
        label=_("종류"),
        choices=Activity.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("알 수 없는 종류입니다. 목록에서 골라 주세요.")},
    )
    title = forms.CharField(
        label=_("제목"),
        max_length=120,
        error_messages={"max_length": _("제목은 120자까지 쓸 수 있습니다.")},
    )
    description = forms.CharField(
        label=_("소개"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "무엇을 하는지, 준비물, 찾아오는 길을 적어 주세요. "
            "마크다운을 쓸 수 있습니다: **굵게**, - 목록, [링크](https://…)."
        ),
        error_messages={"max_length": _("소개는 10,000자까지 쓸 수 있습니다.")},
    )
    topics = TopicChoiceField(
        label=_("주제"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 주제입니다. 목록에서 골라 주세요.")},
    )
    audience = forms.MultipleChoiceField(
        label=_("대상"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 대상입니다. 목록에서 골라 주세요.")},
    )
    region = RegionChoiceField(
        label=_("지역"),
        queryset=Region.objects.none(),
        widget=RegionSelect,
        empty_label=_("지역을 골라 주세요"),
        error_messages={"invalid_choice": _("알 수 없는 지역입니다. 목록에서 골라 주세요.")},
    )
    is_online = forms.BooleanField(label=_("온라인으로 열립니다"), required=False)
    place_name = forms.CharField(
        label=_("장소 이름"),
        max_length=100,
        required=False,
        help_text=_("예: 동충동 마을회관 2층"),
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
    starts_at = forms.DateTimeField(
        label=_("시작"),
        widget=DateTimeLocalInput(),
        error_messages={"invalid": _("시작 날짜와 시간을 2025-05-01 10:00 형식으로 적어 주세요.")},
    )
    ends_at = forms.DateTimeField(
        label=_("끝"),
        widget=DateTimeLocalInput(),
        error_messages={
            "invalid": _("끝나는 날짜와 시간을 2025-05-01 12:00 형식으로 적어 주세요.")
        },
    )
    repeat = forms.ChoiceField(
        label=_("반복"),
        required=False,
        choices=[("", _("반복하지 않음")), *ActivitySeries.Frequency.choices],
        help_text=_("정규 모임은 날짜마다 따로 신청할 수 있는 활동이 만들어집니다."),
        error_messages={"invalid_choice": _("반복 방식을 목록에서 골라 주세요.")},
    )
    repeat_until = forms.DateField(
        label=_("반복 종료일"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("반복 종료일을 2025-12-31 형식으로 적어 주세요.")},
    )
    repeat_exceptions = forms.CharField(
        label=_("건너뛰는 날짜"),
        required=False,
        max_length=600,
        help_text=_("쉬는 날을 쉼표로 나누어 적어 주세요. 예: 2025-06-06, 2025-08-15"),
        error_messages={"max_length": _("건너뛰는 날짜가 너무 깁니다.")},
    )
    requires_signup = forms.BooleanField(
        label=_("참가 신청을 받습니다"),
        required=False,
        initial=True,
        help_text=_("끄면 신청 없이 누구나 오는 활동이 됩니다(정원 없음)."),
    )
    capacity = forms.IntegerField(
        label=_("정원"),
        required=False,
        min_value=1,
        max_value=100000,
        help_text=_("비워 두면 인원 제한이 없습니다. 정원이 차면 대기자로 신청받습니다."),
        error_messages={
            "invalid": _("정원은 숫자로 적어 주세요."),
            "min_value": _("정원은 1명 이상이어야 합니다. 제한이 없으면 비워 두세요."),
            "max_value": _("정원은 100,000명 이하로 적어 주세요."),
        },
    )
    fee = forms.IntegerField(
        label=_("참가비(원)"),
        min_value=0,
        max_value=10_000_000,
        initial=0,
        help_text=_("무료면 0"),
        error_messages={
            "invalid": _("참가비는 숫자로 적어 주세요."),
            "min_value": _("참가비는 0원 이상이어야 합니다."),
            "max_value": _("참가비는 1천만 원 이하여야 합니다."),
        },
    )
    host_organization = forms.ModelChoiceField(
        label=_("주최"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("나 개인으로"),
        help_text=_("구성원인 단체의 이름으로 올릴 수 있습니다."),
        error_messages={"invalid_choice": _("구성원인 단체만 고를 수 있습니다.")},
    )
    host_contact = forms.CharField(
        label=_("주최자 연락처"),
        max_length=200,
        required=False,
        help_text=_("참가가 확정된 사람에게만 보입니다. 예: 오픈채팅 주소, 전화번호"),
        error_messages={"max_length": _("연락처는 200자까지 쓸 수 있습니다.")},
    )
    image = forms.FileField(
        label=_("대표 사진"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("JPEG, PNG, WebP, GIF. 올리면 크기를 줄이고 사진 정보(EXIF)를 지웁니다."),
    )
    external_url = forms.URLField(
        label=_("관련 링크"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": _("http:// 또는 https://로 시작하는 주소를 적어 주세요."),
            "max_length": _("링크는 500자까지 쓸 수 있습니다."),
        },
    )

    def __init__(self, *args, user, topics: list[Topic], editing: Activity | None = None, **kw):
        super().__init__(*args, **kw)
        self.editing = editing
        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])
        self.fields["region"].queryset = Region.objects.active().select_related("parent")
        organizations = Organization.objects.filter(
            memberships__user=user, is_active=True
        ).order_by("name")
        if editing is not None and editing.host_organization_id:
            organizations = Organization.objects.filter(
                pk__in=[*organizations.values_list("pk", flat=True), editing.host_organization_id]
            ).order_by("name")
        self.fields["host_organization"].queryset = organizations
        if editing is not None:
            for name in ("repeat", "repeat_until", "repeat_exceptions"):
                del self.fields[name]

    @property
    def place_picker_config(self) -> dict:
        """What the place picker map (activities/place_picker.js) needs; the fields work alone."""
        return {
            "tileUrl": settings.MAP_TILE_URL,
            "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
            "korea": [KOREA_BOUNDS[side] for side in ("south", "west", "north", "east")],
            "messages": {
                "label": str(_("장소 고르기 지도")),
                "hint": str(
                    _(
                        "지도를 누르면 그 자리가 장소로 정해지고 위도·경도 칸이 채워집니다. "
                        "표시를 끌어 옮길 수 있고, 위도·경도를 직접 적어도 됩니다."
                    )
                ),
                "centre": str(_("지도 가운데를 장소로 정하기")),
                "clear": str(_("위치 지우기")),
                "set": str(_("위치를 정했습니다: 위도 %(lat)s, 경도 %(lng)s")),
                "cleared": str(_("위치를 지웠습니다.")),
                "marker": str(_("고른 장소")),
            },
        }

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_repeat_exceptions(self) -> list[date]:
        raw = self.cleaned_data.get("repeat_exceptions") or ""
        parts = [part for part in re.split(r"[\s,]+", raw) if part]
        if len(parts) > MAX_EXCEPTION_DATES:
            raise ValidationError(
                _("건너뛰는 날짜는 %(max)d개까지 적을 수 있습니다.") % {"max": MAX_EXCEPTION_DATES}
            )
        dates = []
        for part in parts:
            try:
                dates.append(date.fromisoformat(part))
            except ValueError:
                raise ValidationError(
                    _("‘%(value)s’은(는) 날짜가 아닙니다. 2025-06-06 형식으로 적어 주세요.")
                    % {"value": part[:20]}
                ) from None
        return dates

    def clean(self):
        data = super().clean()
        if data.get("repeat") and not data.get("repeat_until"):
            self.add_error("repeat_until", _("반복하려면 반복 종료일을 정해 주세요."))
        if too_long := duration_error(data.get("starts_at"), data.get("ends_at")):
            self.add_error("ends_at", too_long)
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        names = [name for name in EDITABLE_FIELDS if name != "image"]
        fields = {name: data[name] for name in names}
        if "image" in self.changed_data:
            fields["image"] = data["image"] or ""
        return fields

    def recurrence(self) -> Recurrence | None:
        if not self.cleaned_data.get("repeat"):
            return None
        return Recurrence(
            frequency=self.cleaned_data["repeat"],
            until=self.cleaned_data["repeat_until"],
            exception_dates=self.cleaned_data["repeat_exceptions"],
        )

    @staticmethod
    def initial_for(activity: Activity) -> dict:
        return {
            "kind": activity.kind,
            "title": activity.title,
            "description": activity.description,
            "topics": list(activity.topics.all()),
            "audience": activity.audience_codes,
            "region": activity.region_id,
            "is_online": activity.is_online,
            "place_name": activity.place_name,
            "address": activity.address,
            "latitude": activity.latitude,
            "longitude": activity.longitude,
            "starts_at": timezone.localtime(activity.starts_at),
            "ends_at": timezone.localtime(activity.ends_at),
            "requires_signup": activity.requires_signup,
            "capacity": activity.capacity,
            "fee": activity.fee,
            "host_organization": activity.host_organization_id,
            "host_contact": activity.host_contact,
            "image": activity.image,
            "external_url": activity.external_url,
        }


OUTSIDE_KOREA = {
    key: _("내 위치가 한국 밖이어서 가까운 순으로 볼 수 없습니다.")
    for key in ("invalid", "min_value", "max_value")
}


class ActivityFilterForm(forms.Form):
    """The list's filters, all in the URL so a filtered list can be bookmarked and shared."""

    when = forms.ChoiceField(
        label=_("언제"),
        required=False,
        choices=[
            ("", _("다가오는 활동")),
            ("today", _("오늘")),
            ("weekend", _("이번 주말")),
            ("month", _("이번 달")),
            ("past", _("지난 활동")),
        ],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("알 수 없는 기간입니다.")},
    )
    date_from = forms.DateField(
        label=_("시작일"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("날짜를 2025-05-01 형식으로 적어 주세요.")},
    )
    date_to = forms.DateField(
        label=_("종료일"),
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("날짜를 2025-05-31 형식으로 적어 주세요.")},
    )
    region = forms.ChoiceField(
        label=_("지역"),
        required=False,
        error_messages={"invalid_choice": _("알 수 없는 지역입니다. 목록에서 골라 주세요.")},
    )
    topic = forms.MultipleChoiceField(
        label=_("주제"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 주제입니다. 목록에서 골라 주세요.")},
    )
    kind = forms.MultipleChoiceField(
        label=_("종류"),
        required=False,
        choices=Activity.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 종류입니다. 목록에서 골라 주세요.")},
    )
    audience = forms.ChoiceField(
        label=_("대상"),
        required=False,
        choices=[("", _("모든 대상")), *Audience.choices],
        error_messages={"invalid_choice": _("알 수 없는 대상입니다. 목록에서 골라 주세요.")},
    )
    host = forms.ChoiceField(
        label=_("주최"),
        required=False,
        choices=[
            ("", _("모든 주최")),
            ("resident", _("주민")),
            ("group", _("단체")),
            ("city", _("행정기관")),
        ],
        error_messages={"invalid_choice": _("알 수 없는 주최 종류입니다.")},
    )
    free = forms.BooleanField(label=_("무료만"), required=False)
    seats = forms.BooleanField(label=_("자리 남은 활동만"), required=False)
    sort = forms.ChoiceField(
        label=_("정렬"),
        required=False,
        choices=[
            ("soon", _("날짜순")),
            ("new", _("최근 등록순")),
            ("popular", _("참가자 많은 순")),
            ("near", _("가까운 순")),
        ],
        error_messages={"invalid_choice": _("알 수 없는 정렬 방식입니다.")},
    )
    # "가까운 순" measures from here (the map's 내 주변 passes the visitor's position), else
    # from the centre of the chosen region.
    near_lat = forms.FloatField(
        required=False,
        error_messages=OUTSIDE_KOREA,
        min_value=KOREA_BOUNDS["south"],
        max_value=KOREA_BOUNDS["north"],
        widget=forms.HiddenInput,
    )
    near_lng = forms.FloatField(
        required=False,
        error_messages=OUTSIDE_KOREA,
        min_value=KOREA_BOUNDS["west"],
        max_value=KOREA_BOUNDS["east"],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, regions: list[Region], topics: list[Topic], **kwargs):
        super().__init__(*args, **kwargs)
        self.regions_by_slug = {region.slug: region for region in regions}
        self.topics_by_slug = {topic.slug: topic for topic in topics}
        self.fields["region"].choices = [
            ("", _("모든 지역")),
            *(
                (region.slug, f"— {region.name}" if region.parent_id else region.name)
                for region in regions
            ),
        ]
        self.fields["topic"].choices = [
            (topic.slug, f"{topic.icon} {topic.name}".strip()) for topic in topics
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("종료일은 시작일과 같거나 뒤여야 합니다."))
        return data

    def filters(self) -> ActivityFilters:
        """The valid filters only: a wrong value is reported on the page and otherwise ignored."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
        region = self.regions_by_slug.get(data.get("region") or "")
        sort = data.get("sort") or "soon"
        host = data.get("host") or ""
        near = None
        if data.get("near_lat") is not None and data.get("near_lng") is not None:
            near = (data["near_lat"], data["near_lng"])
        elif region is not None:
            near = (region.latitude, region.longitude)
        return ActivityFilters(
            when=data.get("when") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            regions=region.family_ids() if region else None,
            topics=[
                self.topics_by_slug[s] for s in data.get("topic") or [] if s in self.topics_by_slug
            ],
            kinds=list(data.get("kind") or []),
            audience=data.get("audience") or "",
            free=bool(data.get("free")),
            seats_left=bool(data.get("seats")),
            host_kind=host if host in HOST_KINDS else "",
            sort=sort if sort != "near" or near else "soon",
            near=near,
        )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("취소 사유"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("활동 페이지에 보입니다. 500자까지."),
        error_messages={"max_length": _("취소 사유는 500자까지 쓸 수 있습니다.")},
    )


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("별점"),
        coerce=int,
        choices=[(n, "★" * n) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("별점은 1~5 사이에서 골라 주세요.")},
    )
    text = forms.CharField(
        label=_("후기 내용"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": _("후기는 5,000자까지 쓸 수 있습니다.")},
    )
    photo = forms.FileField(
        label=_("사진 (선택)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        help_text=_("JPEG, PNG, WebP, GIF. 사진 정보(EXIF)는 지워집니다."),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("답글"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("답글은 2,000자까지 쓸 수 있습니다.")},
    )


class CheckinForm(forms.Form):
    present = forms.BooleanField(required=False)
