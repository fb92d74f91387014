"""/people/me/edit/: a person changes their own profile, and only their own."""

import pytest
from PIL import Image

from sotong.accounts.models import User
from tests.accounts.images import GPS_IFD, jpeg_with_location, not_an_image, oversized_file, png
from tests.conftest import ROLES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    data = {
        "nickname": "지민",
        "home_region": "",
        "bio": "",
        "profile_visibility": "public",
        "show_interests": "on",
        "show_organizations": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_edit_page_shows_current_values_in_korean(client_for, resident):
    resident.bio = "놀이터를 좋아합니다"
    resident.save()
    response = client_for(resident).get("/people/me/edit/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "프로필 고치기" in text
    assert 'value="지민"' in text
    assert "놀이터를 좋아합니다" in text
    assert 'enctype="multipart/form-data"' in text
    assert "jimin@example.kr" not in text


def test_person_updates_nickname_region_interests_bio_and_visibility(
    client_for, resident, neighbourhood, topics
):
    client = client_for(resident)
    response = client.post(
        "/people/me/edit/",
        form_data(
            nickname="지민맘",
            home_region=neighbourhood.pk,
            interests=[topics[0].pk, topics[2].pk],
            bio="동충동 놀이터 지킴이",
            profile_visibility="members",
            show_organizations=None,
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/people/{resident.pk}/"
    resident.refresh_from_db()
    assert resident.nickname == "지민맘"
    assert resident.home_region == neighbourhood
    assert {t.slug for t in resident.interests.all()} == {"kids", "local-agenda"}
    assert resident.bio == "동충동 놀이터 지킴이"
    assert resident.profile_visibility == "members"
    assert resident.show_interests is True
    assert resident.show_organizations is False
    assert "프로필을 저장했습니다." in client.get(response["Location"]).content.decode()


def test_nickname_taken_in_any_letter_case_is_refused_and_typed_values_stay(
    client_for, resident, second_resident
):
    UserFactory(nickname="Haneul")
    for taken in ("서준", "haneul", "HANEUL"):
        response = client_for(resident).post(
            "/people/me/edit/", form_data(nickname=taken, bio="새로 쓴 소개")
        )
        text = response.content.decode()
        assert response.status_code == 200
        assert "이미 쓰고 있는 닉네임입니다." in text
        assert "새로 쓴 소개" in text
    resident.refresh_from_db()
    assert resident.nickname == "지민"
    assert resident.bio == ""


def test_keeping_ones_own_nickname_with_other_case_is_fine(client_for):
    person = UserFactory(nickname="Minho")
    response = client_for(person).post("/people/me/edit/", form_data(nickname="minho"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.nickname == "minho"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"nickname": ""}, "필수 항목입니다."),
        ({"nickname": "가"}, "2"),
        ({"nickname": "지민 <b>"}, "닉네임에는 한글, 영문, 숫자"),
        ({"nickname": "탈퇴한회원_123"}, "쓸 수 없습니다"),
        ({"bio": "가" * 301}, "300"),
        ({"profile_visibility": "everyone!"}, "올바르게 선택해 주세요"),
        ({"home_region": "99999"}, "올바르게 선택해 주세요"),
        ({"interests": ["nope"]}, "유효한 값이 아닙니다"),
        ({"interests": ["99999"]}, "올바르게 선택해 주세요"),
    ],
)
def test_bad_input_gets_a_korean_message_and_nothing_is_stored(
    client_for, resident, overrides, message
):
    response = client_for(resident).post("/people/me/edit/", form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    resident.refresh_from_db()
    assert resident.nickname == "지민"
    assert resident.bio == ""
    assert resident.profile_visibility == "public"


def test_script_in_bio_is_stored_as_text_and_escaped_everywhere(client_for, resident):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client = client_for(resident)
    assert client.post("/people/me/edit/", form_data(bio=hostile)).status_code == 302
    for url in (f"/people/{resident.pk}/", "/people/me/edit/"):
        text = client.get(url).content.decode()
        assert "<script>alert" not in text
        assert "<img src=x" not in text
        assert "&lt;script&gt;" in text


def test_avatar_is_re_encoded_without_its_location_data(client_for, resident):
    upload = jpeg_with_location()
    response = client_for(resident).post("/people/me/edit/", {**form_data(), "avatar": upload})
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.avatar
    assert "my-photo" not in resident.avatar.name  # the uploaded name is not kept
    with Image.open(resident.avatar.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) <= 800
        exif = stored.getexif()
        assert GPS_IFD not in exif
        assert 0x010F not in exif
    profile = client_for(None).get(f"/people/{resident.pk}/").content.decode()
    assert resident.avatar.url in profile


def test_replacing_and_removing_the_avatar_deletes_the_old_file(
    client_for, resident, django_capture_on_commit_callbacks
):
    client = client_for(resident)
    client.post("/people/me/edit/", {**form_data(), "avatar": png()})
    resident.refresh_from_db()
    first = resident.avatar.path

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/people/me/edit/", {**form_data(), "avatar": png("second.png")})
    resident.refresh_from_db()
    second = resident.avatar.path
    assert second != first
    assert not _exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/people/me/edit/", {**form_data(), "avatar-clear": "on"})
    resident.refresh_from_db()
    assert not resident.avatar
    assert not _exists(second)


def _exists(path) -> bool:
    import os

    return os.path.exists(path)


@pytest.mark.parametrize(
    "upload, message",
    [
        (not_an_image(), "사진 파일을 읽을 수 없습니다"),
        (oversized_file(), "이하만 올릴 수 있습니다"),
    ],
)
def test_bad_avatar_gets_a_korean_message_and_keeps_typed_values(
    client_for, resident, upload, message
):
    response = client_for(resident).post(
        "/people/me/edit/", {**form_data(bio="사진 바꾸는 중"), "avatar": upload}
    )
    text = response.content.decode()
    assert response.status_code == 200
    assert message in text
    assert "사진 바꾸는 중" in text
    resident.refresh_from_db()
    assert not resident.avatar
    assert resident.bio == ""


def test_anonymous_visitor_is_sent_to_log_in(client):
    for method in ("get", "post"):
        response = getattr(client, method)("/people/me/edit/", form_data())
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_nobody_can_edit_another_persons_profile(role, user_for_role, client_for, second_resident):
    """The only edit page is one's own; smuggled ids change nothing about anyone else."""
    actor = user_for_role(role)
    client = client_for(actor)
    response = client.post(
        "/people/me/edit/",
        {**form_data(nickname="바뀐이름"), "user": second_resident.pk, "id": second_resident.pk},
    )
    second_resident.refresh_from_db()
    assert second_resident.nickname == "서준"
    if actor is None:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 302
        actor.refresh_from_db()
        assert actor.nickname == "바뀐이름"
    assert client.post(f"/people/{second_resident.pk}/edit/", form_data()).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_profile_update_service_refuses_every_role_for_someone_else(
    role, user_for_role, second_resident
):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    from sotong.accounts.services import profile_update

    actor = user_for_role(role) or AnonymousUser()
    with pytest.raises(PermissionDenied):
        profile_update(
            actor=actor,
            user=second_resident,
            nickname="해킹",
            home_region=None,
            interests=[],
            bio="",
            avatar=None,
            profile_visibility="public",
            show_interests=True,
            show_organizations=True,
        )
    assert User.objects.get(pk=second_resident.pk).nickname == "서준"
