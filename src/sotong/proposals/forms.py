from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.activities.forms import DateTimeLocalInput
from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization
from sotong.proposals.models import Answer, Proposal, Status
from sotong.proposals.selectors import AGES, SORTS, Filters

CHOOSE = _("목록에서 골라 주세요.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ProposalForm(forms.Form):
    region = RegionChoiceField(
        label=_("지역"),
        queryset=Region.objects.active().select_related("parent"),
        error_messages={"required": _("지역을 골라 주세요."), "invalid_choice": CHOOSE},
    )
    title = forms.CharField(
        label=_("제목"),
        max_length=120,
        help_text=_("무엇을 바라는지 한 줄로 적어 주세요."),
        error_messages={
            "required": _("제목을 적어 주세요."),
            "max_length": _("제목은 120자까지 쓸 수 있습니다."),
        },
    )
    problem = forms.CharField(
        label=_("문제"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("지금 무엇이 불편하거나 어려운지, 누가 겪는지 적어 주세요."),
        error_messages={"required": _("어떤 문제인지 적어 주세요.")},
    )
    idea = forms.CharField(
        label=_("제안 내용"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("무엇을 제안하는지 적어 주세요.")},
    )
    expected_effect = forms.CharField(
        label=_("기대 효과"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence = forms.CharField(
        label=_("근거"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("통계, 기사, 다른 지역의 사례, 주민 의견 등을 적어 주세요."),
    )
    topics = TopicChoiceField(
        label=_("주제"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": CHOOSE},
    )
    place_name = forms.CharField(
        label=_("장소 이름"),
        max_length=100,
        required=False,
        help_text=_(
            "특정 장소에 관한 제안이면 적어 주세요. 위도와 경도를 함께 적으면 지도에 나옵니다."
        ),
    )
    latitude = forms.FloatField(
        label=_("위도"),
        required=False,
        error_messages={"invalid": _("위도는 숫자로 적어 주세요 (예: 35.41).")},
    )
    longitude = forms.FloatField(
        label=_("경도"),
        required=False,
        error_messages={"invalid": _("경도는 숫자로 적어 주세요 (예: 127.39).")},
    )
    organization = forms.ModelChoiceField(
        label=_("단체 이름으로 제안하기"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("개인으로 제안"),
        error_messages={"invalid_choice": _("구성원인 단체만 고를 수 있습니다.")},
    )
    attachments = MultipleFileField(
        label=_("첨부 파일"),
        required=False,
        help_text=_("PDF, 한글(hwp), 워드, 엑셀, 사진 등 5개까지, 하나에 10MB 이하"),
    )

    def __init__(self, *args, user, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])
        self.fields["organization"].queryset = Organization.objects.filter(
            memberships__user=user, is_active=True
        ).order_by("name")

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data.get(name)
            for name in (
                "region",
                "title",
                "problem",
                "idea",
                "expected_effect",
                "evidence",
                "place_name",
                "latitude",
                "longitude",
                "organization",
            )
        } | {
            "expected_effect": data.get("expected_effect") or "",
            "evidence": data.get("evidence") or "",
        }


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("단계"),
        required=False,
        choices=[("", _("모든 단계"))] + [c for c in Status.choices if c[0] != Status.WITHDRAWN],
        error_messages={"invalid_choice": CHOOSE},
    )
    topic = forms.ModelChoiceField(
        label=_("주제"),
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("모든 주제"),
        error_messages={"invalid_choice": CHOOSE},
    )
    region = forms.ModelChoiceField(
        label=_("지역"),
        queryset=Region.objects.active(),
        required=False,
        to_field_name="slug",
        empty_label=_("모든 지역"),
        error_messages={"invalid_choice": CHOOSE},
    )
    min_supports = forms.IntegerField(
        label=_("공감 수 이상"),
        required=False,
        min_value=0,
        max_value=10_000_000,
        error_messages={"invalid": _("공감 수는 숫자로 적어 주세요.")},
    )
    age = forms.ChoiceField(
        label=_("제출 시기"),
        required=False,
        choices=[
            ("", _("전체 기간")),
            ("week", _("최근 1주")),
            ("month", _("최근 1개월")),
            ("quarter", _("최근 3개월")),
            ("year", _("최근 1년")),
        ],
        error_messages={"invalid_choice": CHOOSE},
    )
    overdue = forms.BooleanField(label=_("답변 기한이 지난 제안만"), required=False)
    sort = forms.ChoiceField(
        label=_("정렬"),
        required=False,
        choices=[
            ("newest", _("최신순")),
            ("supports", _("공감 많은 순")),
            ("oldest", _("오래된 순")),
            ("due", _("답변 기한 순")),
        ],
        error_messages={"invalid_choice": CHOOSE},
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])

    def filters(self) -> Filters:
        if not self.is_valid():
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        else:
            data = self.cleaned_data
        sort = data.get("sort") or "newest"
        return Filters(
            region=data.get("region"),
            status=data.get("status") or "",
            topic=data.get("topic"),
            min_supports=data.get("min_supports"),
            age=data.get("age") if data.get("age") in AGES else "",
            overdue=bool(data.get("overdue")),
            sort=sort if sort in SORTS else "newest",
        )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("댓글"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("댓글 내용을 적어 주세요.")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("사유"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("전담부서"),
        queryset=Organization.objects.none(),
        error_messages={"required": _("전담부서를 골라 주세요."), "invalid_choice": CHOOSE},
    )
    contact_person = forms.ChoiceField(
        label=_("담당자"), required=False, error_messages={"invalid_choice": CHOOSE}
    )
    reason = forms.CharField(
        label=_("메모"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("타임라인에 공개됩니다."),
    )

    def __init__(self, *args, departments, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["contact_person"].choices = [("", _("나중에 정하기"))] + [
            (str(user.pk), f"{user.nickname} ({organization})") for user, organization in people
        ]


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("결정"),
        choices=Answer.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("결정을 골라 주세요."), "invalid_choice": CHOOSE},
    )
    reasons = forms.CharField(
        label=_("이유"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("왜 그렇게 결정했는지 주민이 알 수 있게 적어 주세요."),
        error_messages={"required": _("답변의 이유를 적어 주세요.")},
    )
    plan = forms.CharField(
        label=_("추진 계획"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProgressForm(forms.Form):
    body = forms.CharField(
        label=_("추진 상황"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("추진 상황을 적어 주세요.")},
    )
    done = forms.BooleanField(label=_("추진을 마쳤습니다 (완료로 표시)"), required=False)


class RoundtableForm(forms.Form):
    title = forms.CharField(
        label=_("원탁회의 이름"),
        max_length=120,
        error_messages={"required": _("원탁회의 이름을 적어 주세요.")},
    )
    description = forms.CharField(
        label=_("소개"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("원탁회의를 소개해 주세요.")},
    )
    region = RegionChoiceField(
        label=_("지역"),
        queryset=Region.objects.active().select_related("parent"),
        error_messages={"required": _("지역을 골라 주세요."), "invalid_choice": CHOOSE},
    )
    place_name = forms.CharField(
        label=_("장소 이름"),
        max_length=100,
        error_messages={"required": _("장소 이름을 적어 주세요.")},
    )
    starts_at = forms.DateTimeField(
        label=_("시작"),
        widget=DateTimeLocalInput(),
        error_messages={
            "required": _("시작 시간을 적어 주세요."),
            "invalid": _("날짜와 시간을 2026-12-01 19:00 형식으로 적어 주세요."),
        },
    )
    ends_at = forms.DateTimeField(
        label=_("끝"),
        widget=DateTimeLocalInput(),
        error_messages={
            "required": _("끝나는 시간을 적어 주세요."),
            "invalid": _("날짜와 시간을 2026-12-01 21:00 형식으로 적어 주세요."),
        },
    )
    capacity = forms.IntegerField(
        label=_("정원"),
        required=False,
        min_value=1,
        max_value=100_000,
        error_messages={"min_value": _("정원은 1명 이상이어야 합니다.")},
    )
    proposals = forms.ModelMultipleChoiceField(
        label=_("다룰 제안"),
        queryset=Proposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("원탁회의에서 다룰 제안을 하나 이상 골라 주세요."),
            "invalid_choice": CHOOSE,
        },
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = proposals

    def activity_fields(self) -> dict:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("title", "description", "region", "place_name", "starts_at", "ends_at")
        } | {"capacity": data.get("capacity")}


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("회의록"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("회의록을 적어 주세요.")},
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            prefix = f"item_{item.pk}_"
            self.fields[prefix + "options"] = forms.CharField(
                label=_("‘%(title)s’에서 논의한 대안") % {"title": item.proposal.title},
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=item.options,
            )
            self.fields[prefix + "outcome"] = forms.CharField(
                label=_("‘%(title)s’의 결과") % {"title": item.proposal.title},
                max_length=3000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=item.outcome,
            )
            for name, label in (
                ("votes_for", _("찬성")),
                ("votes_against", _("반대")),
                ("votes_abstain", _("기권")),
            ):
                self.fields[prefix + name] = forms.IntegerField(
                    label=_("‘%(title)s’ 손들기: %(what)s")
                    % {"title": item.proposal.title, "what": label},
                    required=False,
                    min_value=0,
                    initial=getattr(item, name),
                    error_messages={"min_value": _("표 수는 0 이상이어야 합니다.")},
                )

    def item_values(self) -> dict[int, dict]:
        data = self.cleaned_data
        return {
            item.pk: {
                name: data.get(f"item_{item.pk}_{name}")
                for name in ("options", "outcome", "votes_for", "votes_against", "votes_abstain")
            }
            for item in self.items
        }


class PolicyForm(forms.Form):
    answer_days = forms.IntegerField(
        label=_("답변 기한(일)"),
        min_value=1,
        max_value=365,
        help_text=_("첫 번째 공감 기준에 이른 날부터 셉니다."),
        error_messages={
            "required": _("답변 기한을 적어 주세요."),
            "min_value": _("답변 기한은 1일 이상이어야 합니다."),
            "max_value": _("답변 기한은 365일 이하여야 합니다."),
        },
    )
    levels = forms.CharField(
        label=_("공감 기준"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("한 줄에 하나씩 ‘공감 수 = 이르면 하는 일’ (예: 50 = 부서 답변)"),
        error_messages={"required": _("공감 기준을 하나 이상 적어 주세요.")},
    )

    def clean_levels(self):
        levels = []
        for line in self.cleaned_data["levels"].splitlines():
            if not line.strip():
                continue
            number, _sep, label = line.partition("=")
            try:
                supports = int(number.strip().replace(",", ""))
            except ValueError:
                raise forms.ValidationError(
                    _("‘%(line)s’: 줄마다 ‘50 = 부서 답변’처럼 적어 주세요.")
                    % {"line": line.strip()}
                ) from None
            levels.append((supports, label.strip()))
        return levels
