from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.models import Region, Topic
from sotong.questions.models import Question
from sotong.questions.selectors import QuestionFilters


class QuestionForm(forms.Form):
    title = forms.CharField(
        label=_("질문"),
        max_length=150,
        help_text=_("예: 우리 동네 놀이터는 누가 관리하나요?"),
        error_messages={
            "required": _("질문을 적어 주세요."),
            "max_length": _("질문은 150자까지 쓸 수 있습니다."),
        },
    )
    body = forms.CharField(
        label=_("자세한 내용"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("상황을 자세히 적을수록 좋은 답을 얻습니다. 마크다운을 쓸 수 있습니다."),
        error_messages={"max_length": _("자세한 내용은 5,000자까지 쓸 수 있습니다.")},
    )
    region = RegionChoiceField(
        label=_("지역"),
        queryset=Region.objects.none(),
        empty_label=_("지역을 골라 주세요"),
        error_messages={
            "required": _("지역을 골라 주세요."),
            "invalid_choice": _("알 수 없는 지역입니다. 목록에서 골라 주세요."),
        },
    )
    topics = TopicChoiceField(
        label=_("주제"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("알 수 없는 주제입니다. 목록에서 골라 주세요.")},
    )

    def __init__(self, *args, topics: list[Topic], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.active().select_related("parent")
        self.fields["topics"].queryset = Topic.objects.filter(pk__in=[t.pk for t in topics])

    @staticmethod
    def initial_for(question: Question) -> dict:
        return {
            "title": question.title,
            "body": question.body,
            "region": question.region_id,
            "topics": list(question.topics.all()),
        }


class AnswerForm(forms.Form):
    body = forms.CharField(
        label=_("답변"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("아는 것, 겪어 본 것, 물어볼 곳을 알려 주세요. 마크다운을 쓸 수 있습니다."),
        error_messages={
            "required": _("답변을 적어 주세요."),
            "max_length": _("답변은 5,000자까지 쓸 수 있습니다."),
        },
    )


class QuestionFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("지역"), required=False)
    topic = forms.ChoiceField(label=_("주제"), required=False)
    state = forms.ChoiceField(
        label=_("답변"),
        required=False,
        choices=[("", _("전체")), ("answered", _("답변 있음")), ("unanswered", _("답변 기다림"))],
        widget=forms.RadioSelect,
    )
    sort = forms.ChoiceField(
        label=_("정렬"),
        required=False,
        choices=[("newest", _("최신 순")), ("helpful", _("도움 많이 된 순"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, regions: list[Region], topics: list[Topic], **kwargs):
        super().__init__(*args, **kwargs)
        self.regions, self.topics = regions, topics
        self.fields["region"].choices = [
            ("", _("모든 지역")),
            *((region.slug, region.full_name) for region in regions),
        ]
        self.fields["topic"].choices = [
            ("", _("모든 주제")),
            *((topic.slug, f"{topic.icon} {topic.name}".strip()) for topic in topics),
        ]

    def filters(self) -> QuestionFilters:
        data = self.cleaned_data if self.is_valid() else {}
        filters = QuestionFilters(state=data.get("state") or "", sort=data.get("sort") or "newest")
        slug = data.get("region")
        region = next((r for r in self.regions if r.slug == slug), None) if slug else None
        if region is not None:
            filters.regions = [region.pk] + [r.pk for r in self.regions if r.parent_id == region.pk]
        topic_slug = data.get("topic")
        filters.topic = next((t for t in self.topics if t.slug == topic_slug), None)
        return filters
