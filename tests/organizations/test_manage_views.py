"""Pages for an organisation's managers: its admins, the region's admins and Sotong's admins."""

import pytest

from sotong.organizations.models import JoinRequest, Membership
from tests.conftest import ROLES
from tests.factories import OrganizationFactory, UserFactory
from tests.organizations.helpers import add_member, assert_login_redirect, queries_for

pytestmark = pytest.mark.django_db

MANAGERS = {"org_admin", "region_admin", "admin"}


def assert_outcome(role, response, *, allowed_status=200):
    if role == "anonymous":
        assert_login_redirect(response)
    elif role in MANAGERS:
        assert response.status_code == allowed_status
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", ["requests", "members"])
def test_management_pages_by_role(role, page, user_for_role, client_for, organization):
    client = client_for(user_for_role(role))
    response = client.get(f"/organizations/play-namwon/{page}/")
    assert_outcome(role, response)


@pytest.mark.parametrize("page", ["requests", "members"])
def test_management_pages_of_unknown_organisation_are_404(page, client, admin_user):
    client.force_login(admin_user)
    assert client.get(f"/organizations/nope/{page}/").status_code == 404


def test_requests_page_lists_pending_requests_with_their_message(
    client, org_admin, organization, applicant
):
    JoinRequest.objects.filter(user=applicant).update(message="<i>안녕</i>\n잘 부탁해요")
    client.force_login(org_admin)
    text = client.get("/organizations/play-namwon/requests/").content.decode()
    assert "유나" in text
    assert "&lt;i&gt;안녕&lt;/i&gt;<br>잘 부탁해요" in text
    assert "yuna@example.kr" not in text
    assert 'value="approve"' in text and 'value="decline"' in text


@pytest.mark.parametrize("role", ROLES)
def test_decide_by_role(role, user_for_role, client_for, organization, applicant):
    user = user_for_role(role)
    client = client_for(user)
    join_request = JoinRequest.objects.get(user=applicant)
    response = client.post(
        f"/organizations/play-namwon/requests/{join_request.pk}/decide/",
        {"decision": "approve"},
    )
    join_request.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302
        assert response["Location"] == "/organizations/play-namwon/requests/"
        assert join_request.status == JoinRequest.Status.APPROVED
        assert Membership.objects.filter(organization=organization, user=applicant).exists()
    else:
        assert_outcome(role, response)
        assert join_request.status == JoinRequest.Status.PENDING
        assert not Membership.objects.filter(user=applicant).exists()


def test_decline_leaves_the_applicant_outside(client, org_admin, organization, applicant):
    client.force_login(org_admin)
    join_request = JoinRequest.objects.get(user=applicant)
    response = client.post(
        f"/organizations/play-namwon/requests/{join_request.pk}/decide/",
        {"decision": "decline"},
    )
    assert "유나 님의 가입 신청을 거절했습니다" in client.get(response["Location"]).content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.DECLINED
    assert not Membership.objects.filter(user=applicant).exists()


def test_decide_with_a_bad_decision_changes_nothing(client, org_admin, organization, applicant):
    client.force_login(org_admin)
    join_request = JoinRequest.objects.get(user=applicant)
    response = client.post(
        f"/organizations/play-namwon/requests/{join_request.pk}/decide/",
        {"decision": "<script>"},
    )
    assert "승인 또는 거절 중 하나를" in client.get(response["Location"]).content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_decide_on_a_request_of_another_organisation_is_404(client, org_admin, organization, city):
    other = OrganizationFactory(name="다른 모임", region=city)
    stranger = UserFactory(nickname="낯선이")
    join_request = JoinRequest.objects.create(organization=other, user=stranger)
    client.force_login(org_admin)
    response = client.post(
        f"/organizations/play-namwon/requests/{join_request.pk}/decide/",
        {"decision": "approve"},
    )
    assert response.status_code == 404
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_decide_on_an_unknown_request_is_404(client, org_admin, organization):
    client.force_login(org_admin)
    response = client.post(
        "/organizations/play-namwon/requests/999999/decide/", {"decision": "approve"}
    )
    assert response.status_code == 404


def test_members_page_shows_every_member_with_roles_but_no_email(
    client, org_admin, organization, member
):
    add_member(
        organization, UserFactory(email="hidden@example.kr", nickname="숨은이"), is_public=False
    )
    client.force_login(org_admin)
    text = client.get("/organizations/play-namwon/members/").content.decode()
    assert "하늘" in text and "민호" in text and "숨은이" in text
    assert "이름 비공개" in text
    assert "@example.kr" not in text


@pytest.mark.parametrize("role", ROLES)
def test_promote_member_by_role(role, user_for_role, client_for, organization, member):
    client = client_for(user_for_role(role))
    membership = Membership.objects.get(user=member)
    response = client.post(
        f"/organizations/play-namwon/members/{membership.pk}/role/", {"role": "admin"}
    )
    membership.refresh_from_db()
    if role in MANAGERS:
        assert response.status_code == 302
        assert membership.role == Membership.Role.ADMIN
    else:
        assert_outcome(role, response)
        assert membership.role == Membership.Role.MEMBER


@pytest.mark.parametrize("role", ROLES)
def test_remove_member_by_role(role, user_for_role, client_for, organization, member):
    client = client_for(user_for_role(role))
    membership = Membership.objects.get(user=member)
    response = client.post(f"/organizations/play-namwon/members/{membership.pk}/remove/")
    still_there = Membership.objects.filter(pk=membership.pk).exists()
    if role in MANAGERS:
        assert response.status_code == 302
        assert not still_there
    else:
        assert_outcome(role, response)
        assert still_there


def test_demoting_the_last_admin_shows_a_clear_message(client, org_admin, organization):
    client.force_login(org_admin)
    membership = Membership.objects.get(user=org_admin)
    response = client.post(
        f"/organizations/play-namwon/members/{membership.pk}/role/", {"role": "member"}
    )
    text = client.get(response["Location"]).content.decode()
    assert "단체에는 관리자가 적어도 한 명 있어야 합니다" in text
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN


def test_removing_the_last_admin_is_refused(client, region_admin, org_admin, organization):
    client.force_login(region_admin)
    membership = Membership.objects.get(user=org_admin)
    response = client.post(f"/organizations/play-namwon/members/{membership.pk}/remove/")
    assert "마지막 관리자는 내보낼 수 없습니다" in client.get(response["Location"]).content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_admin_who_steps_down_is_sent_back_to_the_organisation_page(
    client, org_admin, organization, member
):
    Membership.objects.filter(user=member).update(role=Membership.Role.ADMIN)
    client.force_login(org_admin)
    membership = Membership.objects.get(user=org_admin)
    response = client.post(
        f"/organizations/play-namwon/members/{membership.pk}/role/", {"role": "member"}
    )
    assert response["Location"] == "/organizations/play-namwon/"


def test_unknown_role_value_is_refused(client, org_admin, organization, member):
    client.force_login(org_admin)
    membership = Membership.objects.get(user=member)
    response = client.post(
        f"/organizations/play-namwon/members/{membership.pk}/role/", {"role": "owner"}
    )
    assert "알 수 없는 역할입니다" in client.get(response["Location"]).content.decode()


def test_managing_a_membership_of_another_organisation_is_404(
    client, org_admin, organization, open_organization
):
    client.force_login(org_admin)
    foreign = Membership.objects.get(organization=open_organization)
    assert (
        client.post(
            f"/organizations/play-namwon/members/{foreign.pk}/role/", {"role": "member"}
        ).status_code
        == 404
    )
    assert (
        client.post(f"/organizations/play-namwon/members/{foreign.pk}/remove/").status_code == 404
    )
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_management_pages_run_a_fixed_number_of_queries(client, org_admin, organization):
    client.force_login(org_admin)

    def grow(start, stop):
        for number in range(start, stop):
            user = UserFactory(nickname=f"신청자{number}")
            JoinRequest.objects.create(organization=organization, user=user, message="안녕")
            add_member(organization, UserFactory(nickname=f"회원{number}"))

    grow(0, 3)
    few = [
        queries_for(client, f"/organizations/play-namwon/{page}/")
        for page in ("requests", "members")
    ]
    grow(3, 60)
    many = [
        queries_for(client, f"/organizations/play-namwon/{page}/")
        for page in ("requests", "members")
    ]
    assert few == many
    assert max(many) <= 14


@pytest.mark.parametrize(
    "url",
    [
        "/organizations/play-namwon/requests/99999999999999999999999/decide/",
        "/organizations/play-namwon/members/99999999999999999999999/role/",
        "/organizations/play-namwon/members/99999999999999999999999/remove/",
    ],
)
def test_ids_beyond_the_database_range_are_404(client, org_admin, organization, url):
    client.force_login(org_admin)
    assert client.post(url, {"decision": "approve", "role": "admin"}).status_code == 404
