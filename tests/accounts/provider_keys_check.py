"""Run by test_social_login.py in a separate pytest process with KAKAO_/NAVER_CLIENT_ID set:
settings install the providers only when their keys are there, which cannot change mid-run.
Not collected in the normal run (its file name does not start with test_)."""

import os

import pytest

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (os.environ.get("KAKAO_CLIENT_ID") and os.environ.get("NAVER_CLIENT_ID")),
        reason="needs KAKAO_CLIENT_ID and NAVER_CLIENT_ID",
    ),
]


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/signup/"])
def test_entrance_pages_offer_kakao_and_naver(client, url):
    text = client.get(url).content.decode()
    assert "카카오(으)로 로그인" in text
    assert "네이버(으)로 로그인" in text
    assert 'action="/accounts/kakao/login/?process=login"' in text
    assert 'action="/accounts/naver/login/?process=login"' in text


def test_kakao_button_sends_the_person_to_kakao(client):
    response = client.post("/accounts/kakao/login/?process=login")
    assert response.status_code == 302
    assert response["Location"].startswith("https://kauth.kakao.com/oauth/authorize")
    assert "client_id=kakao-test-id" in response["Location"]
