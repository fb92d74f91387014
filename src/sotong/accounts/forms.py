from django import forms
from django.utils.translation import gettext_lazy as _

from sotong.accounts.models import User, nickname_validator
from sotong.core.models import Region


class SignupExtraForm(forms.Form):
    """What allauth's sign-up form asks on top of e-mail and password."""

    nickname = forms.CharField(
        label=_("닉네임"),
        min_length=2,
        max_length=20,
        validators=[nickname_validator],
        help_text=_("다른 주민에게는 닉네임만 보입니다. 2~20자."),
    )
    home_region = forms.ModelChoiceField(
        label=_("사는 지역"),
        queryset=Region.objects.active().select_related("parent"),
        required=False,
        empty_label=_("선택 안 함"),
    )

    def clean_nickname(self) -> str:
        nickname = self.cleaned_data["nickname"].strip()
        if User.objects.filter(nickname__iexact=nickname).exists():
            raise forms.ValidationError(
                _("이미 쓰고 있는 닉네임입니다. 다른 닉네임을 골라 주세요.")
            )
        return nickname

    def signup(self, request, user: User) -> None:
        user.nickname = self.cleaned_data["nickname"]
        user.home_region = self.cleaned_data.get("home_region")
        user.save(update_fields=["nickname", "home_region"])
