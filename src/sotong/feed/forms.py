from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from sotong.activities.models import Activity
from sotong.core.forms import TopicChoiceField
from sotong.core.models import Region, Topic
from sotong.interests.forms import OrganizationsField, RegionsField
from sotong.organizations.models import Organization


class SavedFilterForm(forms.Form):
    name = forms.CharField(
        label=_("이름"),
        max_length=60,
        help_text=_("예: 주말 아이와 갈 만한 모임"),
        error_messages={"required": _("이름을 적어 주세요.")},
    )
    topics = TopicChoiceField(
        label=_("주제"),
        queryset=Topic.objects.active().order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = RegionsField(
        label=_("지역"),
        queryset=Region.objects.active().select_related("parent").order_by("parent_id", "order"),
        required=False,
        help_text=_("시·군·구를 고르면 그 안의 모든 동네가 들어갑니다."),
    )
    organizations = OrganizationsField(
        label=_("단체"),
        queryset=Organization.objects.none(),
        required=False,
        help_text=_("팔로우한 단체 가운데서 고를 수 있습니다."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("활동 종류"),
        choices=Activity.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, wanted_organization_slugs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organizations"].queryset = (
            Organization.objects.filter(is_active=True)
            .filter(Q(follows__follower=user) | Q(slug__in=list(wanted_organization_slugs)))
            .distinct()
            .order_by("name")
        )

    def clean(self):
        data = super().clean()
        if not any(data.get(field) for field in ("topics", "regions", "organizations", "kinds")):
            self.add_error(
                "topics", _("주제, 지역, 단체, 활동 종류 가운데 하나 이상을 골라 주세요.")
            )
        return data


def initial_from_query(query) -> dict:
    """The activity list's filters (?region=…&topic=…&kind=…) as the form's starting values."""
    initial: dict = {}
    if query.get("region"):
        initial["regions"] = list(Region.objects.filter(slug=query["region"]))
    if query.getlist("topic"):
        initial["topics"] = list(Topic.objects.filter(slug__in=query.getlist("topic")))
    if query.getlist("organization"):
        initial["organizations"] = list(
            Organization.objects.filter(slug__in=query.getlist("organization"))
        )
    kinds = [k for k in query.getlist("kind") if k in Activity.Kind.values]
    if kinds:
        initial["kinds"] = kinds
    return initial
