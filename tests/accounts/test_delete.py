"""/people/me/delete/ and the user_delete service: anonymise, keep contributions, log out."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from sotong.accounts import personal_data
from sotong.accounts.models import User
from sotong.accounts.services import user_delete
from sotong.core.models import RegionRole
from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.accounts.images import png
from tests.conftest import PASSWORD, ROLES
from tests.factories import MembershipFactory, OrganizationFactory, RegionRoleFactory

pytestmark = pytest.mark.django_db


def count_of(organization) -> int:
    return Organization.objects.get(pk=organization.pk).member_count


def test_confirmation_page_explains_what_happens_and_asks_for_the_password(client_for, resident):
    response = client_for(resident).get("/people/me/delete/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "회원 탈퇴" in text
    assert "남긴 글과 기록은 지워지지 않고" in text
    assert 'type="password"' in text
    assert "/people/me/export/" in text


def test_wrong_password_keeps_the_account(client_for, resident):
    client = client_for(resident)
    response = client.post("/people/me/delete/", {"confirmation": "틀린비밀번호"})
    assert response.status_code == 200
    assert "비밀번호가 맞지 않습니다." in response.content.decode()
    resident.refresh_from_db()
    assert not resident.is_deleted
    assert client.post("/people/me/delete/", {}).status_code == 200
    resident.refresh_from_db()
    assert not resident.is_deleted


def test_deleting_anonymises_the_person_and_logs_them_out(
    client_for, resident, topics, city, django_capture_on_commit_callbacks
):
    resident.bio = "곧 떠납니다"
    resident.save()
    resident.avatar.save("a.png", png(), save=True)
    avatar_path = resident.avatar.path
    resident.interests.set(topics)
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    SocialAccount.objects.create(user=resident, provider="kakao", uid="42")
    RegionRoleFactory(region=city, user=resident, role="facilitator")
    client = client_for(resident)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/people/me/delete/", {"confirmation": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/"
    assert "탈퇴했습니다." in response.content.decode()
    assert not response.context["user"].is_authenticated

    gone = User.objects.get(pk=resident.pk)
    assert gone.is_deleted and not gone.is_active
    assert gone.nickname.startswith("탈퇴한회원_")
    assert "지민" not in gone.nickname
    assert gone.email.endswith("@deleted.invalid")
    assert "jimin" not in gone.email
    assert gone.bio == "" and not gone.avatar and gone.home_region is None
    assert not gone.has_usable_password()
    assert not gone.interests.exists()
    assert not EmailAddress.objects.filter(user=gone).exists()
    assert not EmailAddress.objects.filter(email="jimin@example.kr").exists()
    assert not SocialAccount.objects.filter(user=gone).exists()
    assert not RegionRole.objects.filter(user=gone).exists()
    import os

    assert not os.path.exists(avatar_path)


def test_deleted_person_cannot_log_in_and_the_address_is_free_again(client, resident):
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    user_delete(user=resident)

    response = client.post("/accounts/login/", {"login": "jimin@example.kr", "password": PASSWORD})
    assert response.status_code == 200
    assert not client.get("/").context["user"].is_authenticated

    new = client.post(
        "/accounts/signup/",
        {
            "email": "jimin@example.kr",
            "nickname": "지민",
            "password1": "새로-시작하는-2025",
            "password2": "새로-시작하는-2025",
        },
    )
    assert new.status_code == 302
    assert User.objects.filter(email="jimin@example.kr", deleted_at__isnull=True).exists()


def test_other_sessions_of_the_deleted_person_end_too(client_for, resident):
    other_device = client_for(resident)
    assert other_device.get("/people/me/edit/").status_code == 200
    user_delete(user=resident)
    response = other_device.get("/people/me/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_memberships_go_with_counts_kept_right_and_pending_requests_withdrawn(
    resident, second_resident, organization, department
):
    other = OrganizationFactory(slug="other-club", name="다른 모임")
    for org in (organization, other):
        MembershipFactory(organization=org, user=resident)
        MembershipFactory(organization=org, user=second_resident)
        Organization.objects.filter(pk=org.pk).update(member_count=2)
    pending = JoinRequest.objects.create(organization=department, user=resident)

    user_delete(user=resident)

    assert count_of(organization) == 1
    assert count_of(other) == 1
    assert not Membership.objects.filter(user=resident).exists()
    assert Membership.objects.filter(user=second_resident).count() == 2
    pending.refresh_from_db()
    assert pending.status == JoinRequest.Status.WITHDRAWN
    assert pending.decided_at is not None


def test_contributions_stay_under_the_anonymised_name(
    org_admin, second_resident, organization, client
):
    """What the person did for others (here: deciding a join request) keeps its record."""
    decided = JoinRequest.objects.create(
        organization=organization,
        user=second_resident,
        status=JoinRequest.Status.APPROVED,
        decided_by=org_admin,
    )

    user_delete(user=org_admin)

    decided.refresh_from_db()
    assert decided.decided_by_id == org_admin.pk
    assert decided.decided_by.nickname.startswith("탈퇴한회원_")
    assert User.objects.filter(pk=org_admin.pk).exists()
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_the_last_admin_is_warned_before_leaving_an_organisation_without_admin(
    client_for, org_admin, organization
):
    text = client_for(org_admin).get("/people/me/delete/").content.decode()
    assert "관리자가 나밖에 없습니다" in text
    assert organization.name in text


def test_accounts_without_a_password_confirm_with_their_nickname(client_for, resident):
    resident.set_unusable_password()
    resident.save()
    client = client_for(resident)
    assert "지금 닉네임(지민)" in client.get("/people/me/delete/").content.decode()
    assert client.post("/people/me/delete/", {"confirmation": "서준"}).status_code == 200
    assert not User.objects.get(pk=resident.pk).is_deleted
    client.post("/people/me/delete/", {"confirmation": "지민"})
    assert User.objects.get(pk=resident.pk).is_deleted


def test_deleted_nicknames_are_unique(db):
    people = [
        User.objects.create_user(f"p{i}@example.kr", PASSWORD, nickname=f"사람{i}")
        for i in range(5)
    ]
    for person in people:
        user_delete(user=person)
    nicknames = {User.objects.get(pk=p.pk).nickname for p in people}
    assert len(nicknames) == 5


def test_registered_sections_erase_their_data(resident):
    erased = []
    personal_data.register("notes", title="메모", export=lambda u: [], erase=erased.append)
    try:
        user_delete(user=resident)
    finally:
        personal_data.unregister("notes")
    assert [u.pk for u in erased] == [resident.pk]


def test_a_failing_section_leaves_the_account_untouched(resident, organization):
    MembershipFactory(organization=organization, user=resident)

    def explode(user):
        raise RuntimeError("디스크 고장")

    personal_data.register(
        "zzz_broken", title="고장", export=lambda u: [], erase=explode, order=999
    )
    try:
        with pytest.raises(RuntimeError):
            user_delete(user=resident)
    finally:
        personal_data.unregister("zzz_broken")
    resident.refresh_from_db()
    assert not resident.is_deleted
    assert resident.nickname == "지민"
    assert Membership.objects.filter(user=resident).exists()


def test_anonymous_visitor_is_sent_to_log_in(client):
    for method in ("get", "post"):
        response = getattr(client, method)("/people/me/delete/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", ROLES)
def test_only_admins_may_delete_someone_elses_account(role, user_for_role, second_resident):
    actor = user_for_role(role) or AnonymousUser()
    if role == "admin":
        user_delete(actor=actor, user=second_resident)
        assert User.objects.get(pk=second_resident.pk).is_deleted
    else:
        with pytest.raises(PermissionDenied):
            user_delete(actor=actor, user=second_resident)
        assert not User.objects.get(pk=second_resident.pk).is_deleted


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_the_delete_page_only_ever_deletes_ones_own_account(
    role, user_for_role, client_for, second_resident
):
    actor = user_for_role(role)
    client = client_for(actor)
    client.post("/people/me/delete/", {"confirmation": PASSWORD, "user": second_resident.pk})
    assert not User.objects.get(pk=second_resident.pk).is_deleted
    assert User.objects.get(pk=actor.pk).is_deleted
    assert client_for(actor).post(f"/people/{second_resident.pk}/delete/").status_code == 404
