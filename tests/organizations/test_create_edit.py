import pytest

from sotong.organizations.models import Membership, Organization
from tests.conftest import ROLES
from tests.organizations.helpers import assert_login_redirect, image_upload

pytestmark = pytest.mark.django_db

MANAGERS = {"org_admin", "region_admin", "admin"}


def valid_form(city, **overrides):
    data = {
        "name": "동충동 텃밭 모임",
        "kind": "resident_group",
        "region": city.pk,
        "summary": "골목 텃밭을 함께 가꿉니다",
        "description": "매주 토요일 아침에 모입니다.",
        "join_policy": "open",
        "website": "",
        "contact_email": "garden@example.org",
        "contact_phone": "063-123-4567",
        "address": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_create_page_by_role(role, user_for_role, client_for, city):
    response = client_for(user_for_role(role)).get("/organizations/new/")
    if role == "anonymous":
        assert_login_redirect(response)
        assert "next=/organizations/new/" in response["Location"]
    else:
        assert response.status_code == 200
        assert "단체 등록하기" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_create_by_role(role, user_for_role, client_for, city, topics):
    user = user_for_role(role)
    response = client_for(user).post(
        "/organizations/new/", valid_form(city, topics=[topics[0].pk, topics[2].pk])
    )
    created = Organization.objects.filter(name="동충동 텃밭 모임").first()
    if role == "anonymous":
        assert_login_redirect(response)
        assert created is None
        return
    assert response.status_code == 302
    assert response["Location"] == "/organizations/dongchungdong-teotbat-moim/"
    assert created.member_count == 1
    assert Membership.objects.get(organization=created).user == user
    assert Membership.objects.get(organization=created).role == Membership.Role.ADMIN
    assert {t.slug for t in created.topics.all()} == {"kids", "local-agenda"}


@pytest.mark.parametrize("role", ROLES)
def test_create_government_organisation_by_role(role, user_for_role, client_for, city):
    user = user_for_role(role)
    data = valid_form(city, name="남원시 복지과", kind="government", join_policy="approval")
    response = client_for(user).post("/organizations/new/", data)
    created = Organization.objects.filter(name="남원시 복지과").exists()
    if role == "anonymous":
        assert_login_redirect(response)
        assert not created
    elif role in {"region_admin", "admin"}:
        assert response.status_code == 302
        assert created
    else:
        assert response.status_code == 200
        assert "행정기관은 그 지역의 지역 관리자나 운영자만" in response.content.decode()
        assert not created


def test_create_keeps_what_was_typed_when_the_name_is_too_long(client, resident, city):
    client.force_login(resident)
    response = client.post("/organizations/new/", valid_form(city, name="가" * 81))
    assert response.status_code == 200
    text = response.content.decode()
    assert "이름은 80자까지 쓸 수 있습니다" in text
    assert "골목 텃밭을 함께 가꿉니다" in text
    assert not Organization.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("kind", "secret_society", "알 수 없는 종류입니다"),
        ("region", "999999", "알 수 없는 지역입니다"),
        ("region", "namwon", "알 수 없는 지역입니다"),
        ("join_policy", "whoever", "알 수 없는 가입 방식입니다"),
        ("website", "javascript:alert(1)", "올바른 누리집 주소를"),
        ("contact_email", "not-an-email", "올바른 이메일 주소를"),
        ("contact_phone", "<b>call me</b>", "전화번호는 숫자와 하이픈으로"),
        ("name", "   ", "필수"),
        ("summary", "가" * 201, "한 줄 소개는 200자까지"),
        ("description", "가" * 10001, "소개는 10,000자까지"),
    ],
)
def test_create_answers_bad_input_in_korean(client, resident, city, field, value, message):
    client.force_login(resident)
    response = client.post("/organizations/new/", valid_form(city, **{field: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organization.objects.exists()
    assert not Membership.objects.exists()


def test_unknown_topic_is_refused(client, resident, city):
    client.force_login(resident)
    response = client.post("/organizations/new/", valid_form(city, topics=["123456"]))
    assert "알 수 없는 주제입니다" in response.content.decode()
    assert not Organization.objects.exists()


def test_government_organisation_cannot_be_open_to_anyone(client, admin_user, city):
    client.force_login(admin_user)
    data = valid_form(city, name="남원시 복지과", kind="government", join_policy="open")
    response = client.post("/organizations/new/", data)
    assert "행정기관은 관리자 승인 후 가입하는 방식만" in response.content.decode()
    assert not Organization.objects.exists()


def test_script_in_the_name_and_description_is_stored_as_text_and_shown_escaped(
    client, resident, city
):
    client.force_login(resident)
    data = valid_form(city, name="<script>x</script> 모임", description="<img src=x onerror=1>")
    response = client.post("/organizations/new/", data)
    organization = Organization.objects.get()
    assert organization.name == "<script>x</script> 모임"
    assert organization.slug == "script-x-script-moim"
    text = client.get(response["Location"]).content.decode()
    assert "<script>x</script>" not in text
    assert "&lt;script&gt;x&lt;/script&gt; 모임" in text
    assert "<img src=x" not in text


def test_logo_is_re_encoded_and_shrunk(client, resident, city):
    client.force_login(resident)
    data = valid_form(city, logo=image_upload("로고.jpg", size=(2000, 1000)))
    client.post("/organizations/new/", data)
    organization = Organization.objects.get()
    from PIL import Image

    with Image.open(organization.logo.path) as stored:
        assert max(stored.size) == 512
        assert not stored.getexif()


def test_a_file_that_is_not_an_image_is_refused_as_logo(client, resident, city):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(resident)
    fake = SimpleUploadedFile("logo.png", b"<?php echo 1; ?>", content_type="image/png")
    response = client.post("/organizations/new/", valid_form(city, logo=fake))
    assert response.status_code == 200
    assert "이미지" in response.content.decode() or "사진" in response.content.decode()
    assert not Organization.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_edit_page_by_role(role, user_for_role, client_for, organization):
    response = client_for(user_for_role(role)).get("/organizations/play-namwon/edit/")
    if role == "anonymous":
        assert_login_redirect(response)
    elif role in MANAGERS:
        assert response.status_code == 200
        assert 'value="놀이와 놀이터 남원시민 모임"' in response.content.decode()
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_edit_by_role(role, user_for_role, client_for, organization, city):
    data = valid_form(city, name="놀이터를 바꾸는 사람들", join_policy="approval")
    response = client_for(user_for_role(role)).post("/organizations/play-namwon/edit/", data)
    organization.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302
        assert response["Location"] == "/organizations/play-namwon/"
        assert organization.name == "놀이터를 바꾸는 사람들"
        assert organization.slug == "play-namwon"
    else:
        if role == "anonymous":
            assert_login_redirect(response)
        else:
            assert response.status_code == 403
        assert organization.name == "놀이와 놀이터 남원시민 모임"


def test_edit_invalid_input_keeps_the_stored_organisation(client, org_admin, organization, city):
    client.force_login(org_admin)
    response = client.post(
        "/organizations/play-namwon/edit/", valid_form(city, name="새 이름", summary="가" * 300)
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "한 줄 소개는 200자까지" in text
    assert 'value="새 이름"' in text
    organization.refresh_from_db()
    assert organization.name == "놀이와 놀이터 남원시민 모임"


def test_org_admin_cannot_turn_the_group_into_a_government_office(
    client, org_admin, organization, city
):
    client.force_login(org_admin)
    data = valid_form(city, kind="government", join_policy="approval")
    response = client.post("/organizations/play-namwon/edit/", data)
    assert "행정기관은 그 지역의 지역 관리자나 운영자만" in response.content.decode()
    organization.refresh_from_db()
    assert organization.kind == "resident_group"


def test_edit_replaces_and_removes_the_logo_and_its_old_files(
    client, org_admin, organization, city, django_capture_on_commit_callbacks
):
    client.force_login(org_admin)
    client.post("/organizations/play-namwon/edit/", valid_form(city, logo=image_upload()))
    organization.refresh_from_db()
    first = organization.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/organizations/play-namwon/edit/", valid_form(city, logo=image_upload()))
    organization.refresh_from_db()
    assert organization.logo.name != first
    assert not organization.logo.storage.exists(first)
    second = organization.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/organizations/play-namwon/edit/", valid_form(city, **{"logo-clear": "on"}))
    organization.refresh_from_db()
    assert not organization.logo
    assert not organization.logo.storage.exists(second)


def test_edit_unknown_organisation_is_404(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/organizations/nope/edit/").status_code == 404


def test_a_nul_character_in_the_name_is_refused_politely(client, resident, city):
    client.force_login(resident)
    response = client.post("/organizations/new/", valid_form(city, name="모임\x00"))
    assert response.status_code == 200
    assert not Organization.objects.exists()
