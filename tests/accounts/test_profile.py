"""The public profile page /people/<id>/ and /people/me/."""

import pytest
from allauth.account.models import EmailAddress

from sotong.accounts.models import User
from sotong.accounts.services import user_delete
from tests.conftest import ROLES
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

SEES_PROFILE = {
    "public": set(ROLES),
    "members": set(ROLES) - {"anonymous"},
    "private": {"admin"},
}


@pytest.mark.parametrize("visibility", ["public", "members", "private"])
@pytest.mark.parametrize("role", ROLES)
def test_profile_honours_the_chosen_visibility_for_every_role(
    role, visibility, user_for_role, client_for, second_resident
):
    second_resident.bio = "동충동에서 아이 둘을 키웁니다."
    second_resident.profile_visibility = visibility
    second_resident.save()
    viewer = user_for_role(role)

    response = client_for(viewer).get(f"/people/{second_resident.pk}/")
    text = response.content.decode()

    assert "서준" in text
    if role in SEES_PROFILE[visibility]:
        assert response.status_code == 200
        assert "동충동에서 아이 둘을 키웁니다." in text
    else:
        assert response.status_code == 403
        assert "동충동에서 아이 둘을 키웁니다." not in text
        if visibility == "members":
            assert "로그인한 회원에게만 공개된 프로필입니다." in text
        else:
            assert "프로필을 공개하지 않았습니다." in text


@pytest.mark.parametrize("visibility", ["public", "members", "private"])
def test_people_always_see_their_own_profile(visibility, client_for, resident):
    resident.profile_visibility = visibility
    resident.bio = "나만의 소개"
    resident.save()
    response = client_for(resident).get(f"/people/{resident.pk}/")
    assert response.status_code == 200
    assert "나만의 소개" in response.content.decode()
    assert "프로필 고치기" in response.content.decode()


def test_email_never_appears_on_a_profile_even_to_the_person_or_an_admin(
    client_for, resident, admin_user
):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    for viewer in (None, resident, admin_user):
        text = client_for(viewer).get(f"/people/{resident.pk}/").content.decode()
        assert "jimin@example.kr" not in text
        assert "jimin@" not in text


def test_profile_shows_region_interests_and_public_organisations(
    client, resident, topics, neighbourhood
):
    resident.home_region = neighbourhood
    resident.save()
    resident.interests.set(topics[:2])
    shown = OrganizationFactory(name="동충동 엄마아빠 모임", slug="dongchung-parents")
    hidden = OrganizationFactory(name="비밀 독서회", slug="secret-books")
    gone = OrganizationFactory(name="해산한 모임", slug="dissolved", is_active=False)
    MembershipFactory(organization=shown, user=resident)
    MembershipFactory(organization=hidden, user=resident, is_public=False)
    MembershipFactory(organization=gone, user=resident)

    text = client.get(f"/people/{resident.pk}/").content.decode()

    assert "남원시 동충동" in text
    assert "키즈" in text and "음악" in text
    assert "지역의제" not in text
    assert "동충동 엄마아빠 모임" in text
    assert "비밀 독서회" not in text
    assert "해산한 모임" not in text


def test_profile_hides_interests_and_organisations_when_the_person_says_so(
    client, resident, topics, organization
):
    resident.interests.set(topics)
    MembershipFactory(organization=organization, user=resident)
    resident.show_interests = False
    resident.show_organizations = False
    resident.save()

    text = client.get(f"/people/{resident.pk}/").content.decode()

    assert "키즈" not in text
    assert organization.name not in text
    assert "관심 주제" not in text


def test_script_in_bio_is_shown_as_text_not_run(client, resident):
    resident.bio = '<script>alert("xss")</script><b>굵게</b>'
    resident.save()
    text = client.get(f"/people/{resident.pk}/").content.decode()
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in text
    assert "<b>굵게</b>" not in text


def test_deleted_person_is_not_found(client_for, resident, admin_user):
    user_delete(user=resident)
    for viewer in (None, admin_user):
        assert client_for(viewer).get(f"/people/{resident.pk}/").status_code == 404


def test_switched_off_person_is_not_found_except_by_admins(client_for, resident, admin_user):
    User.objects.filter(pk=resident.pk).update(is_active=False)
    assert client_for(None).get(f"/people/{resident.pk}/").status_code == 404
    assert client_for(admin_user).get(f"/people/{resident.pk}/").status_code == 200


def test_unknown_person_is_not_found(client):
    assert client.get("/people/987654/").status_code == 404
    assert client.get("/people/abc/").status_code == 404


def test_me_redirects_to_own_profile(client_for, resident):
    response = client_for(resident).get("/people/me/")
    assert response.status_code == 302
    assert response["Location"] == f"/people/{resident.pk}/"


def test_me_asks_anonymous_visitors_to_log_in(client):
    response = client.get("/people/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/people/me/")


def test_profile_page_runs_a_fixed_number_of_queries(
    client_for, resident, topics, django_assert_max_num_queries
):
    viewer = UserFactory()
    client = client_for(viewer)
    resident.interests.set(topics[:1])
    MembershipFactory(organization=OrganizationFactory(), user=resident)
    # + the notification bell and the follow button (count and my state in one query)
    with django_assert_max_num_queries(10):
        assert client.get(f"/people/{resident.pk}/").status_code == 200

    resident.interests.set(topics)
    for _ in range(10):
        MembershipFactory(organization=OrganizationFactory(), user=resident)
    with django_assert_max_num_queries(10):
        response = client.get(f"/people/{resident.pk}/")
    assert response.status_code == 200
    assert len(response.context["organizations"]) == 11


def test_absurdly_large_ids_are_not_found_rather_than_crashing(client):
    assert client.get("/people/99999999999999999999999999/").status_code == 404
