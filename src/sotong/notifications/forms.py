from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.notifications.models import Delivery


class PreferencesForm(forms.Form):
    """One radio group per kind of notification."""

    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, delivery in preferences:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=delivery,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("받는 방법을 골라 주세요."),
                    "invalid_choice": _("목록에 있는 방법을 골라 주세요."),
                },
            )
