"""`{{ form }}` and `{{ field.as_field_group }}` render KRDS fields through core's templates."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation


class MeetingForm(forms.Form):
    title = forms.CharField(label="모임 이름", max_length=20, help_text="20자까지 씁니다.")
    email = forms.EmailField(label="연락 이메일")
    size = forms.ChoiceField(
        label="규모", required=False, choices=[("", "고르세요"), ("s", "작게"), ("l", "크게")]
    )
    agree = forms.BooleanField(label="운영 원칙에 동의합니다")
    topics = forms.MultipleChoiceField(
        label="주제",
        required=False,
        choices=[("music", "음악"), ("kids", "키즈")],
        widget=forms.CheckboxSelectMultiple,
    )
    policy = forms.ChoiceField(
        label="가입 방식",
        choices=[("open", "누구나"), ("approval", "승인 후")],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label="메모", required=False, widget=forms.Textarea)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("title") == "중복":
            raise forms.ValidationError("같은 이름의 모임이 이미 있습니다.")
        return data


@pytest.fixture(autouse=True)
def korean():
    with translation.override("ko"):
        yield


def render(form) -> str:
    return Template("{{ form }}").render(Context({"form": form}))


def test_each_label_is_tied_to_its_input():
    html = render(MeetingForm())
    assert '<label for="id_title">모임 이름</label>' in html
    assert 'id="id_title"' in html
    assert '<label for="id_agree">운영 원칙에 동의합니다</label>' in html
    assert '<label for="id_topics_0">음악</label>' in html


def test_inputs_carry_the_krds_classes():
    html = render(MeetingForm())
    assert re.search(r'<input type="text" name="title" class="krds-input"', html)
    assert re.search(r'<select name="size" class="krds-form-select"', html)
    assert re.search(r'<textarea name="note" class="krds-input" cols="40" rows="10"', html)
    assert html.count('class="krds-form-check"') == 1 + 2 + 2  # agree, two topics, two policies


def test_a_class_the_form_sets_is_kept_after_the_krds_one():
    form = MeetingForm()
    form.fields["title"].widget.attrs["class"] = "wide"
    assert 'class="krds-input wide"' in render(form)
    assert render(form).count('class="krds-input wide"') == 1


def test_help_text_is_linked_by_aria_describedby():
    html = render(MeetingForm())
    assert '<div class="form-hint" id="id_title_helptext">' in html
    assert 'aria-describedby="id_title_helptext"' in html


def test_required_fields_are_marked_in_words_and_for_the_browser():
    html = render(MeetingForm())
    title_group = html.split('<label for="id_title">', 1)[1].split("</div>", 1)[0]
    assert "필수" in title_group
    size_group = html.split('<label for="id_size">', 1)[1].split("</div>", 1)[0]
    assert "필수" not in size_group
    assert re.search(r'name="title"[^>]* required', html)


def test_radio_and_checkbox_groups_are_fieldsets_with_a_visible_legend():
    html = render(MeetingForm())
    assert re.search(
        r'<fieldset class="form-group sotong-field"[^>]*>\s*<legend class="form-tit">가입 방식',
        html,
    )
    assert '<legend class="form-tit">주제</legend>' in html


def test_errors_show_in_korean_next_to_the_field_with_aria_invalid():
    form = MeetingForm(data={"title": "가" * 21, "email": "not-an-email", "policy": "nope"})
    html = render(form)
    assert re.search(r'name="email"[^>]*aria-invalid="true"', html)
    assert re.search(r'name="email"[^>]*aria-describedby="id_email_error"', html)
    assert '<ul class="errorlist form-errors" id="id_email_error">' in html
    assert "올바른 이메일 주소를 입력하세요." in html
    assert "필수 항목입니다." in html  # agree
    assert "20" in html.split('id="id_title_error"', 1)[1].split("</ul>", 1)[0]
    assert 'aria-describedby="id_title_helptext id_title_error"' in html
    assert '<div class="form-conts is-error">' in html


def test_what_was_typed_stays_in_the_form():
    form = MeetingForm(data={"title": "<b>우리</b> 모임", "email": "x"})
    html = render(form)
    assert 'value="&lt;b&gt;우리&lt;/b&gt; 모임"' in html
    assert "<b>우리</b>" not in html


def test_an_error_summary_links_to_each_wrong_field():
    html = render(MeetingForm(data={"email": "x", "policy": "open", "agree": "on"}))
    summary = html.split(
        'class="sotong-alert sotong-alert-danger sotong-form-summary" role="alert"', 1
    )[1]
    summary = summary.split("</div>", 1)[0]
    assert "입력한 내용을 다시 확인해 주세요." in summary
    assert '<a href="#id_title">모임 이름: 필수 항목입니다.</a>' in summary
    assert '<a href="#id_email">' in summary


def test_form_wide_errors_are_shown_once_as_an_alert():
    form = MeetingForm(data={"title": "중복", "email": "a@b.kr", "agree": "on", "policy": "open"})
    html = render(form)
    assert html.count("같은 이름의 모임이 이미 있습니다.") == 1
    assert 'role="alert"' in html
    nonfield = Template("{{ form.non_field_errors }}").render(Context({"form": form}))
    assert 'class="errorlist nonfield sotong-alert sotong-alert-danger" role="alert"' in nonfield


def test_a_valid_form_shows_no_error_markup():
    form = MeetingForm(data={"title": "모임", "email": "a@b.kr", "agree": "on", "policy": "open"})
    assert form.is_valid()
    html = render(form)
    assert "aria-invalid" not in html
    assert "errorlist" not in html and 'role="alert"' not in html


def test_hidden_fields_render_once_and_without_a_label():
    html = render(MeetingForm())
    assert html.count('name="token"') == 1
    assert 'for="id_token"' not in html


def test_a_single_field_group_renders_the_same_markup():
    form = MeetingForm()
    html = Template("{{ form.title.as_field_group }}").render(Context({"form": form}))
    assert html.strip().startswith('<div class="form-group sotong-field">')
    assert '<label for="id_title">모임 이름</label>' in html
