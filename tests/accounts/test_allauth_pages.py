"""Every allauth page a person can reach is Sotong's own page, in Korean, with one h1."""

import re

import pytest
from allauth.account.models import EmailAddress

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = {
    "/accounts/login/": "로그인",
    "/accounts/signup/": "회원가입",
    "/accounts/password/reset/": "비밀번호 재설정",
    "/accounts/password/reset/done/": "메일을 보냈습니다",
    "/accounts/confirm-email/": "이메일을 확인해 주세요",
    "/accounts/inactive/": "쓸 수 없는 계정",
}
MEMBER_PAGES = {
    "/accounts/logout/": "로그아웃",
    "/accounts/email/": "이메일 주소 관리",
    "/accounts/password/change/": "비밀번호 바꾸기",
    "/accounts/reauthenticate/": "본인 확인",
    "/accounts/3rdparty/": "연결된 계정",
    "/people/me/edit/": "프로필 고치기",
    "/people/me/delete/": "회원 탈퇴",
}
ENGLISH_LEFTOVERS = ["Sign In", "Sign Up", "Password", "Email", "Menu:", "Messages:"]


def assert_sotong_page(response, heading):
    text = response.content.decode()
    assert response.status_code == 200
    assert '<main id="main"' in text, "inside Sotong's frame"
    h1s = re.findall(r"<h1[^>]*>(.*?)</h1>", text, re.S)
    assert len(h1s) == 1
    assert heading in h1s[0]
    visible = re.sub(r"<[^>]+>", " ", text)
    for word in ENGLISH_LEFTOVERS:
        assert word not in visible, word


@pytest.mark.parametrize("url, heading", ANONYMOUS_PAGES.items())
def test_entrance_pages_are_korean(client, url, heading):
    assert_sotong_page(client.get(url), heading)


@pytest.mark.parametrize("url, heading", MEMBER_PAGES.items())
def test_account_pages_are_korean(client_for, resident, url, heading):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    assert_sotong_page(client_for(resident).get(url), heading)


def test_password_set_page_for_people_without_a_password(client_for, resident):
    resident.set_unusable_password()
    resident.save()
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    assert_sotong_page(client_for(resident).get("/accounts/password/set/"), "비밀번호 정하기")


def test_pages_switch_to_english(client):
    client.cookies["django_language"] = "en"
    text = client.get("/accounts/login/").content.decode()
    assert "Log in" in text
    assert "Forgot your password?" in text
