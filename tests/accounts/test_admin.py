"""The Django admin for people, in Korean."""

import pytest

from sotong.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_admin_lists_people_in_korean_with_search_and_filters(
    client_for, admin_user, resident, second_resident, city
):
    client = client_for(admin_user)
    response = client.get("/admin/accounts/user/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "닉네임" in text and "탈퇴 여부" in text and "사는 지역" in text and "운영자" in text

    found = client.get("/admin/accounts/user/", {"q": "서준"})
    assert list(found.context["cl"].result_list) == [second_resident]
    by_email = client.get("/admin/accounts/user/", {"q": "jimin@"})
    assert list(by_email.context["cl"].result_list) == [resident]
    by_region = client.get("/admin/accounts/user/", {"home_region__id__exact": city.pk})
    assert set(by_region.context["cl"].result_list) == {resident, second_resident}
    staff = client.get("/admin/accounts/user/", {"is_staff__exact": "1"})
    assert list(staff.context["cl"].result_list) == [admin_user]


def test_admin_change_and_add_pages_work(client_for, admin_user, resident):
    client = client_for(admin_user)
    assert client.get(f"/admin/accounts/user/{resident.pk}/change/").status_code == 200
    assert client.get("/admin/accounts/user/add/").status_code == 200
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new@example.kr",
            "nickname": "새회원",
            "usable_password": "true",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="new@example.kr").nickname == "새회원"


def test_admin_anonymises_instead_of_deleting_rows(client_for, admin_user, resident):
    client = client_for(admin_user)
    assert client.get(f"/admin/accounts/user/{resident.pk}/delete/").status_code == 403
    response = client.post(
        "/admin/accounts/user/",
        {"action": "anonymise_and_delete", "_selected_action": [resident.pk, admin_user.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "1명을 탈퇴 처리했습니다" in response.content.decode()
    resident.refresh_from_db()
    admin_user.refresh_from_db()
    assert resident.is_deleted
    assert not admin_user.is_deleted


def test_people_without_staff_rights_cannot_open_the_admin(client_for, resident):
    response = client_for(resident).get("/admin/accounts/user/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
