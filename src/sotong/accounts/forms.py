from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from sotong.accounts.models import User, nickname_validator
from sotong.accounts.services import nickname_validate
from sotong.core.images import clean_uploaded_image
from sotong.core.models import Region, Topic

NICKNAME_HELP = _(
    "다른 주민에게는 닉네임만 보입니다. 2~20자, 한글·영문·숫자·_.- 만 쓸 수 있습니다."
)


class RegionChoiceField(forms.ModelChoiceField):
    """Regions named in full ("남원시 동충동") so neighbourhoods of two cities don't mix up."""

    def label_from_instance(self, obj: Region) -> str:
        return obj.full_name


class TopicChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Topic) -> str:
        return obj.name


def region_queryset():
    """Each city followed by its neighbourhoods."""
    return (
        Region.objects.active()
        .select_related("parent")
        .annotate(
            family_order=Coalesce("parent__order", "order"),
            family_id=Coalesce("parent_id", "id"),
        )
        .order_by(
            "family_order", "family_id", F("parent_id").asc(nulls_first=True), "order", "name"
        )
    )


def topic_queryset():
    return Topic.objects.active().order_by("order", "name")


def nickname_field() -> forms.CharField:
    return forms.CharField(
        label=_("닉네임"),
        min_length=2,
        max_length=20,
        validators=[nickname_validator],
        help_text=NICKNAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


class SignupExtraForm(forms.Form):
    """What allauth's sign-up form asks on top of e-mail and password."""

    field_order = ["email", "nickname", "password1", "password2", "home_region", "interests"]

    nickname = nickname_field()
    home_region = RegionChoiceField(
        label=_("사는 지역"),
        queryset=region_queryset(),
        required=False,
        empty_label=_("선택 안 함"),
        help_text=_("사는 지역의 소식과 단체를 먼저 보여 드립니다."),
    )
    interests = TopicChoiceField(
        label=_("관심 주제"),
        queryset=topic_queryset(),
        required=False,
        help_text=_("여러 개를 고를 수 있고, 나중에 바꿀 수 있습니다."),
    )

    def clean_nickname(self) -> str:
        return nickname_validate(self.cleaned_data["nickname"])

    def signup(self, request, user: User) -> None:
        user.nickname = self.cleaned_data["nickname"]
        user.home_region = self.cleaned_data.get("home_region")
        user.save(update_fields=["nickname", "home_region"])
        user.interests.set(self.cleaned_data.get("interests") or [])


class ProfileForm(forms.ModelForm):
    nickname = nickname_field()
    home_region = RegionChoiceField(
        label=_("사는 지역"),
        queryset=region_queryset(),
        required=False,
        empty_label=_("선택 안 함"),
    )
    interests = TopicChoiceField(label=_("관심 주제"), queryset=topic_queryset(), required=False)
    # A plain file field: clean_uploaded_image decides what counts as a picture, in Korean.
    avatar = forms.FileField(
        label=_("프로필 사진"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
        ),
        help_text=_("JPEG, PNG, WebP, GIF 사진, 5MB까지. 사진 속 위치 정보는 지웁니다."),
    )

    class Meta:
        model = User
        fields = [
            "nickname",
            "home_region",
            "interests",
            "bio",
            "avatar",
            "profile_visibility",
            "show_interests",
            "show_organizations",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "profile_visibility": forms.RadioSelect,
        }
        help_texts = {
            "bio": _("300자까지. 다른 주민에게 보입니다."),
            "profile_visibility": _("비공개여도 닉네임은 활동 기록에 보입니다."),
        }

    def clean_nickname(self) -> str:
        return nickname_validate(self.cleaned_data["nickname"], user=self.instance)

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar is False:
            return False
        if isinstance(avatar, UploadedFile):
            return clean_uploaded_image(avatar, max_side=800)
        return None

    def _post_clean(self):
        # The service applies the changes; model validation runs there (and the avatar
        # must not be pushed onto the instance here, it is not a model file yet).
        pass


class DeleteAccountForm(forms.Form):
    """Asks for the password again, or the nickname for accounts that never had one."""

    confirmation = forms.CharField(max_length=128, strip=False)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["confirmation"]
        if user.has_usable_password():
            field.label = _("비밀번호")
            field.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
            field.help_text = _("본인인지 확인하려고 비밀번호를 한 번 더 묻습니다.")
        else:
            field.label = _("닉네임")
            field.help_text = _("확인을 위해 지금 닉네임(%(nickname)s)을 그대로 적어 주세요.") % {
                "nickname": user.nickname
            }

    def clean_confirmation(self) -> str:
        value = self.cleaned_data["confirmation"]
        if self.user.has_usable_password():
            if not self.user.check_password(value):
                raise ValidationError(_("비밀번호가 맞지 않습니다."), code="wrong_password")
        elif value.strip() != self.user.nickname:
            raise ValidationError(_("닉네임이 맞지 않습니다."), code="wrong_nickname")
        return value
