"""Sign-up, e-mail verification, log-in, log-out and password reset through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from sotong.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "바람부는-남원-2025"


def signup(client, **overrides):
    data = {
        "email": "minji@example.kr",
        "nickname": "민지",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(overrides)
    return client.post("/accounts/signup/", data)


def link_in(message) -> str:
    match = re.search(r"https?://\S+", message.body)
    assert match, message.body
    return match.group(0)


def test_signup_page_is_korean_and_asks_for_nickname_region_and_interests(client, city, topics):
    response = client.get("/accounts/signup/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in text and "회원가입" in text
    assert 'name="nickname"' in text
    assert 'name="home_region"' in text
    assert 'type="checkbox" name="interests"' in text
    assert "키즈" in text
    assert "남원시" in text


def test_signup_sends_a_korean_verification_mail_with_a_working_link(client, city, topics):
    response = signup(client, home_region=city.pk, interests=[topics[0].pk, topics[1].pk])
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"

    user = User.objects.get(email="minji@example.kr")
    assert user.nickname == "민지"
    assert user.home_region == city
    assert {t.slug for t in user.interests.all()} == {"kids", "music"}

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["minji@example.kr"]
    assert message.subject.startswith("[소통] ")
    assert "가입" in message.subject
    assert "안녕하세요, 소통입니다." in message.body
    url = link_in(message)
    assert "/accounts/confirm-email/" in url

    page = client.get(url)
    assert page.status_code == 200
    assert "minji@example.kr" in page.content.decode()
    confirmed = client.post(url)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="minji@example.kr").verified


def test_verified_person_can_log_in_and_out(client, city):
    signup(client)
    client.post(link_in(mail.outbox[0]))
    client.post("/accounts/logout/")

    response = client.post(
        "/accounts/login/", {"login": "minji@example.kr", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    home = client.get("/")
    assert "민지" in home.content.decode()
    assert home.context["user"].is_authenticated

    confirm_page = client.get("/accounts/logout/")
    assert confirm_page.status_code == 200
    assert "정말 로그아웃할까요?" in confirm_page.content.decode()
    assert client.get("/").context["user"].is_authenticated  # a GET does not log out

    client.post("/accounts/logout/")
    assert not client.get("/").context["user"].is_authenticated


def test_unverified_person_cannot_log_in_and_gets_a_new_mail(client, city):
    signup(client)
    client.logout()
    mail.outbox.clear()

    response = client.post(
        "/accounts/login/", {"login": "minji@example.kr", "password": NEW_PASSWORD}, follow=True
    )
    assert not response.context["user"].is_authenticated
    assert "이메일을 확인해 주세요" in response.content.decode()
    assert len(mail.outbox) == 1


def test_wrong_password_shows_a_korean_error_and_keeps_the_email(client, resident):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    response = client.post("/accounts/login/", {"login": resident.email, "password": "틀림"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "이메일 또는 비밀번호가 올바르지 않습니다." in text
    assert 'value="jimin@example.kr"' in text
    assert "로그인 상태 유지" in text


def test_signup_with_a_taken_nickname_in_other_case_is_refused(client, city):
    User.objects.create_user("someone@example.kr", PASSWORD, nickname="Haneul")
    response = signup(client, nickname="haneul")
    assert response.status_code == 200
    assert "이미 쓰고 있는 닉네임입니다" in response.content.decode()
    assert not User.objects.filter(email="minji@example.kr").exists()
    assert 'value="minji@example.kr"' in response.content.decode()


@pytest.mark.parametrize(
    "nickname, error",
    [
        ("<script>", "닉네임에는 한글, 영문, 숫자"),
        ("가" * 21, "20"),
        ("탈퇴한회원_abc", "쓸 수 없습니다"),
    ],
)
def test_signup_refuses_bad_nicknames_in_korean(client, city, nickname, error):
    response = signup(client, nickname=nickname)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not User.objects.filter(email="minji@example.kr").exists()


def test_signup_with_unknown_region_or_topic_ids_is_a_form_error(client, city, topics):
    response = signup(client, home_region=999999, interests=["abc"])
    assert response.status_code == 200
    assert not User.objects.filter(email="minji@example.kr").exists()


def test_password_reset_mail_is_korean_and_its_link_sets_a_new_password(client, resident):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    response = client.post("/accounts/password/reset/", {"email": resident.email})
    assert response.status_code == 302
    done = client.get(response["Location"])
    assert "메일을 보냈습니다" in done.content.decode()

    message = mail.outbox[-1]
    assert "비밀번호 재설정" in message.subject
    url = link_in(message)
    form_page = client.get(url, follow=True)
    assert "새 비밀번호 정하기" in form_page.content.decode()
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else url
    changed = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert changed.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)


def test_password_reset_with_a_broken_link_says_so(client, resident):
    response = client.get("/accounts/password/reset/key/zz-set-password/")
    assert response.status_code == 200
    assert "올바르지 않은 링크" in response.content.decode()


def test_broken_confirmation_link_says_so_in_korean(client):
    response = client.get("/accounts/confirm-email/not-a-real-key/")
    assert response.status_code == 200
    assert "확인 링크가 만료되었거나 올바르지 않습니다" in response.content.decode()


def test_email_management_page_is_korean_and_lists_own_addresses(client, resident):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    client.force_login(resident)
    response = client.get("/accounts/email/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "이메일 주소 관리" in text
    assert "jimin@example.kr" in text
    assert "주 이메일" in text


def test_without_provider_keys_no_social_login_buttons_show(client):
    text = client.get("/accounts/login/").content.decode()
    assert "카카오" not in text
    assert "네이버" not in text


def test_signing_up_again_with_a_known_address_mails_the_owner_instead(client, resident):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    response = signup(client, email="jimin@example.kr", nickname="새지민")
    assert response.status_code == 302  # same answer as a new address: nothing to enumerate
    assert User.objects.filter(email="jimin@example.kr").count() == 1
    message = mail.outbox[-1]
    assert message.to == ["jimin@example.kr"]
    assert "이미 가입된 이메일 주소입니다" in message.subject
    assert "/accounts/password/reset/" in message.body


def test_changing_the_password_is_confirmed_by_a_korean_mail(client_for, resident):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    client = client_for(resident)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    message = mail.outbox[-1]
    assert message.subject == "[소통] 비밀번호가 바뀌었습니다"
    assert "직접 한 일이 아니라면 바로 비밀번호를 바꿔 주세요" in message.body
