"""/people/me/export/: everything Sotong holds about the person, as a JSON download."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from sotong.accounts import personal_data
from sotong.organizations.models import JoinRequest, Membership
from tests.conftest import ROLES
from tests.factories import MembershipFactory, OrganizationFactory, RegionRoleFactory

pytestmark = pytest.mark.django_db


def download(client) -> tuple:
    response = client.get("/people/me/export/")
    assert response.status_code == 200
    return response, json.loads(response.content.decode("utf-8"))


def test_export_is_a_json_attachment(client_for, resident):
    response, data = download(client_for(resident))
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"sotong-{resident.pk}-" in response["Content-Disposition"]
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert data["service"] == "sotong"


def test_export_holds_the_persons_account_addresses_interests_roles_and_organisations(
    client_for, resident, city, topics, organization, department
):
    resident.bio = "놀이터 지킴이"
    resident.save()
    resident.interests.set(topics[:2])
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    EmailAddress.objects.create(user=resident, email="jimin.work@example.kr", verified=False)
    SocialAccount.objects.create(user=resident, provider="kakao", uid="123456")
    MembershipFactory(organization=organization, user=resident, is_public=False)
    JoinRequest.objects.create(organization=department, user=resident, message="가입하고 싶어요")
    RegionRoleFactory(region=city, user=resident, role="facilitator")

    _response, data = download(client_for(resident))
    sections = data["sections"]

    account = sections["account"]["data"]
    assert account["email"] == "jimin@example.kr"
    assert account["nickname"] == "지민"
    assert account["bio"] == "놀이터 지킴이"
    assert account["home_region"]["name"] == "남원시"
    assert {a["email"] for a in sections["email_addresses"]["data"]} == {
        "jimin@example.kr",
        "jimin.work@example.kr",
    }
    assert sections["social_accounts"]["data"][0]["provider"] == "kakao"
    assert [t["name"] for t in sections["interests"]["data"]] == ["음악", "키즈"]
    assert sections["region_roles"]["data"][0]["role"] == "facilitator"
    membership = sections["memberships"]["data"][0]
    assert membership["organization"]["name"] == organization.name
    assert membership["shown_on_organization_page"] is False
    join_request = sections["join_requests"]["data"][0]
    assert join_request["message"] == "가입하고 싶어요"
    assert join_request["status"] == "pending"
    assert sections["account"]["title"] == "계정"


def test_export_says_nothing_about_other_people(
    client_for, resident, second_resident, org_admin, organization
):
    EmailAddress.objects.create(user=second_resident, email=second_resident.email, verified=True)
    MembershipFactory(organization=organization, user=resident)
    MembershipFactory(organization=organization, user=second_resident)
    join_request = JoinRequest.objects.create(organization=organization, user=resident)
    join_request.status = JoinRequest.Status.DECLINED
    join_request.decided_by = org_admin
    join_request.save()

    response, _data = download(client_for(resident))
    text = response.content.decode("utf-8")

    for other in (second_resident, org_admin):
        assert other.email not in text
        assert other.nickname not in text
        assert f'"id": {other.pk},' not in text


def test_apps_can_add_their_own_section(client_for, resident):
    personal_data.register(
        "gatherings",
        title="참여한 모임",
        export=lambda user: [{"title": f"{user.nickname}의 모임"}],
    )
    try:
        _response, data = download(client_for(resident))
    finally:
        personal_data.unregister("gatherings")
    assert data["sections"]["gatherings"] == {
        "title": "참여한 모임",
        "data": [{"title": "지민의 모임"}],
    }


def test_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get("/people/me/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("role", [role for role in ROLES if role != "anonymous"])
def test_every_role_downloads_only_their_own_data(role, user_for_role, client_for, second_resident):
    actor = user_for_role(role)
    other_org = OrganizationFactory(slug="second-residents-club", name="서준의 모임")
    Membership.objects.create(organization=other_org, user=second_resident)

    response = client_for(actor).get(f"/people/me/export/?user={second_resident.pk}")
    data = json.loads(response.content)

    assert data["sections"]["account"]["data"]["id"] == actor.pk
    assert second_resident.email not in response.content.decode()
    assert "서준의 모임" not in response.content.decode()
    assert client_for(actor).get(f"/people/{second_resident.pk}/export/").status_code == 404
