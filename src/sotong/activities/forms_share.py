"""Forms of the organiser's message to participants and of the meeting record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.activities.models import MeetingRecord
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


class MeetingRecordForm(forms.ModelForm):
    class Meta:
        model = MeetingRecord
        fields = ["topic", "participants_count", "summary", "discussion", "outcomes", "next_steps"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "discussion": forms.Textarea(attrs={"rows": 8}),
            "outcomes": forms.Textarea(attrs={"rows": 4}),
            "next_steps": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "topic": _("이날 나눈 이야기의 주제"),
            "participants_count": _("실제로 온 사람 수"),
            "summary": _("처음 보는 사람도 알 수 있게 짧게 적어 주세요. 3,000자까지."),
            "discussion": _("오간 의견을 적어 주세요. 개인 연락처는 적지 마세요."),
            "next_steps": _("누가 언제까지 무엇을 할지"),
        }
        error_messages = {
            "topic": {
                "required": _("주제를 적어 주세요."),
                "max_length": _("주제는 200자까지 쓸 수 있습니다."),
            },
            "participants_count": {
                "required": _("참석 인원을 적어 주세요."),
                "invalid": _("참석 인원은 숫자로 적어 주세요."),
                "min_value": _("참석 인원은 0명 이상이어야 합니다."),
            },
            "summary": {
                "required": _("요약을 적어 주세요."),
                "max_length": _("요약은 3,000자까지 쓸 수 있습니다."),
            },
            "discussion": {"max_length": _("나눈 이야기는 10,000자까지 쓸 수 있습니다.")},
            "outcomes": {"max_length": _("결과는 5,000자까지 쓸 수 있습니다.")},
            "next_steps": {"max_length": _("다음 할 일은 5,000자까지 쓸 수 있습니다.")},
        }
