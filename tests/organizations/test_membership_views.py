import pytest

from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.conftest import ROLES
from tests.organizations.helpers import assert_login_redirect

pytestmark = pytest.mark.django_db


def follow_messages(client, response) -> str:
    assert response.status_code == 302
    return client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_join_open_organisation_by_role(role, user_for_role, client_for, open_organization):
    user = user_for_role(role)
    client = client_for(user)
    response = client.post("/organizations/namwon-guitar/join/", {"is_public": "on"})
    open_organization.refresh_from_db()
    if role == "anonymous":
        assert_login_redirect(response)
        assert "next=/organizations/namwon-guitar/" in response["Location"]
        assert open_organization.member_count == 1
        return
    assert "가입했습니다" in follow_messages(client, response)
    assert Membership.objects.filter(organization=open_organization, user=user).exists()
    assert open_organization.member_count == 2


@pytest.mark.parametrize("role", ROLES)
def test_join_request_on_approval_organisation_by_role(
    role, user_for_role, client_for, approval_organization
):
    user = user_for_role(role)
    client = client_for(user)
    response = client.post("/organizations/namwon-green/join/", {"message": "안녕하세요"})
    if role == "anonymous":
        assert_login_redirect(response)
        assert not JoinRequest.objects.exists()
        return
    assert "가입을 신청했습니다" in follow_messages(client, response)
    join_request = JoinRequest.objects.get(organization=approval_organization, user=user)
    assert join_request.message == "안녕하세요"
    assert join_request.is_public is False  # the checkbox was not ticked
    assert not Membership.objects.filter(organization=approval_organization, user=user).exists()


def test_join_shows_what_was_typed_when_the_message_is_too_long(client, resident, organization):
    client.force_login(resident)
    long_message = "함께" * 300
    response = client.post("/organizations/play-namwon/join/", {"message": long_message})
    assert response.status_code == 400
    text = response.content.decode()
    assert "인사말은 500자까지" in text
    assert long_message in text
    assert not JoinRequest.objects.exists()


def test_joining_twice_says_already_member(client, member, organization):
    client.force_login(member)
    response = client.post("/organizations/play-namwon/join/")
    assert "이미 이 단체의 구성원입니다" in follow_messages(client, response)


def test_join_is_post_only(client, resident, open_organization):
    client.force_login(resident)
    assert client.get("/organizations/namwon-guitar/join/").status_code == 405
    assert not Membership.objects.filter(user=resident).exists()


def test_join_unknown_organisation_is_404(client, resident):
    client.force_login(resident)
    assert client.post("/organizations/nope/join/").status_code == 404


def test_government_office_takes_requests_not_instant_members(client, resident, department):
    Organization.objects.filter(pk=department.pk).update(join_policy="open")
    client.force_login(resident)
    client.post("/organizations/namwon-admin-dept/join/")
    assert not Membership.objects.filter(user=resident).exists()
    assert JoinRequest.objects.filter(user=resident, organization=department).exists()


@pytest.mark.parametrize("role", ROLES)
def test_withdraw_own_request_by_role(role, user_for_role, client_for, approval_organization):
    user = user_for_role(role)
    client = client_for(user)
    if user is not None:
        JoinRequest.objects.create(organization=approval_organization, user=user)
    response = client.post("/organizations/namwon-green/withdraw/")
    if role == "anonymous":
        assert_login_redirect(response)
        return
    assert "가입 신청을 취소했습니다" in follow_messages(client, response)
    assert JoinRequest.objects.get(user=user).status == JoinRequest.Status.WITHDRAWN


def test_withdraw_without_a_request_says_so(client, resident, organization, applicant):
    client.force_login(resident)
    response = client.post("/organizations/play-namwon/withdraw/")
    assert "취소할 가입 신청이 없습니다" in follow_messages(client, response)
    assert JoinRequest.objects.get(user=applicant).status == JoinRequest.Status.PENDING


@pytest.mark.parametrize("role", ROLES)
def test_leave_by_role(role, user_for_role, client_for, organization):
    user = user_for_role(role)
    client = client_for(user)
    memberships_before = Membership.objects.count()
    response = client.post("/organizations/play-namwon/leave/")
    if role == "anonymous":
        assert_login_redirect(response)
    elif role == "org_admin":
        assert "관리자가 적어도 한 명" in follow_messages(client, response)
    else:
        assert "이 단체의 구성원이 아닙니다" in follow_messages(client, response)
    assert Membership.objects.count() == memberships_before


def test_member_leaves(client, member, organization):
    client.force_login(member)
    response = client.post("/organizations/play-namwon/leave/")
    assert "단체에서 탈퇴했습니다" in follow_messages(client, response)
    assert not Membership.objects.filter(user=member).exists()


@pytest.mark.parametrize("role", ROLES)
def test_visibility_by_role(role, user_for_role, client_for, organization, member):
    user = user_for_role(role)
    client = client_for(user)
    response = client.post("/organizations/play-namwon/visibility/", {"is_public": ""})
    if role == "anonymous":
        assert_login_redirect(response)
    elif role == "org_admin":
        assert "보이지 않습니다" in follow_messages(client, response)
        assert not Membership.objects.get(user=user).is_public
    else:
        assert "이 단체의 구성원이 아닙니다" in follow_messages(client, response)
    assert Membership.objects.get(user=member).is_public


def test_member_hides_and_shows_their_name(client, member, organization):
    client.force_login(member)
    client.post("/organizations/play-namwon/visibility/", {"is_public": ""})
    assert (
        "민호"
        not in client.get("/organizations/play-namwon/").content.decode().split("org-members")[1]
    )
    client.post("/organizations/play-namwon/visibility/", {"is_public": "on"})
    assert Membership.objects.get(user=member).is_public
