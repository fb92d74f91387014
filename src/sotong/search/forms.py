from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.core.models import Region
from sotong.search import registry
from sotong.search.selectors import MAX_QUERY_CHARS, Filters


class SearchForm(forms.Form):
    """The search page's query and facets. Nothing here can fail: an unknown facet value is
    ignored, and a long query is cut (the page says so)."""

    q = forms.CharField(label=_("검색어"), required=False, strip=True)
    kind = forms.CharField(label=_("종류"), required=False)
    region = forms.SlugField(label=_("지역"), required=False, allow_unicode=True)
    topic = forms.IntegerField(label=_("주제"), required=False, min_value=1, max_value=2**31)
    year = forms.IntegerField(label=_("연도"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "class": "krds-input", "maxlength": MAX_QUERY_CHARS * 10}
        )

    def filters(self) -> tuple[Filters, Region | None]:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.is_bound and not self.is_valid():  # keep the valid parts
            data = {name: self.cleaned_data.get(name) for name in self.fields}
        kind = data.get("kind") or ""
        region = None
        if data.get("region"):
            region = Region.objects.filter(slug=data["region"]).first()
        topic_id = data.get("topic")
        return (
            Filters(
                kind=kind if registry.get(kind) else "",
                region_ids=region.family_ids() if region else None,
                topic_id=topic_id,
                year=data.get("year"),
            ),
            region,
        )
