from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.core.forms import RegionChoiceField, TopicChoiceField
from sotong.core.models import Region, Topic
from sotong.organizations.models import Organization


class RegionsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, region: Region) -> str:
        return RegionChoiceField.label_from_instance(self, region)


class OrganizationsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, organization: Organization) -> str:
        return f"{organization.name} · {organization.get_kind_display()}"


class OnboardingForm(forms.Form):
    """The short step after sign-up: topics, neighbourhoods and a few organisations."""

    topics = TopicChoiceField(
        label=_("관심 주제"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("고른 주제의 새 활동을 내 소식에서 먼저 보여 드립니다."),
    )
    regions = RegionsField(
        label=_("관심 동네"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("시·군·구 전체를 고르면 그 안의 모든 동네가 들어갑니다."),
    )
    organizations = OrganizationsField(
        label=_("추천 단체"),
        queryset=Organization.objects.none(),
        required=False,
        help_text=_("사는 지역에서 같은 주제로 활동하는 단체입니다."),
    )

    def __init__(self, *args, topics, regions, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics
        self.fields["regions"].queryset = regions
        self.fields["organizations"].queryset = organizations
        if not organizations.exists():
            del self.fields["organizations"]
