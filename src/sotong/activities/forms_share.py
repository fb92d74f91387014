"""The form of the organiser's message to participants."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.activities.services import MESSAGE_BODY_MAX, MESSAGE_SUBJECT_MAX


class ParticipantMessageForm(forms.Form):
    subject = forms.CharField(
        label=_("제목"),
        max_length=MESSAGE_SUBJECT_MAX,
        error_messages={
            "required": _("제목을 적어 주세요."),
            "max_length": _("제목은 120자까지 쓸 수 있습니다."),
        },
    )
    body = forms.CharField(
        label=_("내용"),
        max_length=MESSAGE_BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("참가 확정자와 대기자 모두에게 각자 메일로 갑니다. 5,000자까지."),
        error_messages={
            "required": _("내용을 적어 주세요."),
            "max_length": _("내용은 5,000자까지 쓸 수 있습니다."),
        },
    )
