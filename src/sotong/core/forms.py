"""Form fields every capability uses the same way."""

from django import forms

from sotong.core.models import Region, Topic


class RegionChoiceField(forms.ModelChoiceField):
    """Regions named in full ("남원시 동충동") so neighbourhoods of two cities don't mix up."""

    def label_from_instance(self, region: Region) -> str:
        return region.full_name


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, topic: Topic) -> str:
        return f"{topic.icon} {topic.name}".strip()
