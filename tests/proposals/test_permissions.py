"""Who may do what, for every persona, through the same predicates views and the API use."""

import pytest

from sotong.proposals import services
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db

# role → may it? (the proposal is 지민's, i.e. the resident's; the department is the official's)
EXPECTED = {
    "proposals.support_proposal": {
        "anonymous": False,
        "resident": False,
        "org_admin": True,
        "official": True,
        "facilitator": True,
        "region_admin": True,
        "admin": True,
    },
    "proposals.withdraw_proposal": {
        "anonymous": False,
        "resident": True,
        "org_admin": False,
        "official": False,
        "facilitator": False,
        "region_admin": False,
        "admin": True,
    },
    "proposals.assign_department": {
        "anonymous": False,
        "resident": False,
        "org_admin": False,
        "official": True,
        "facilitator": False,
        "region_admin": True,
        "admin": True,
    },
    "proposals.answer_proposal": {
        "anonymous": False,
        "resident": False,
        "org_admin": False,
        "official": True,
        "facilitator": False,
        "region_admin": True,
        "admin": True,
    },
    "proposals.take_to_roundtable": {
        "anonymous": False,
        "resident": False,
        "org_admin": False,
        "official": True,
        "facilitator": True,
        "region_admin": True,
        "admin": True,
    },
}


@pytest.fixture
def assigned(proposal, official, department):
    services.proposal_assign(actor=official, proposal=proposal, department=department)
    proposal.refresh_from_db()
    return proposal


@pytest.mark.parametrize("perm", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_proposal_permissions_per_role(assigned, user_for_role, role, perm):
    from django.contrib.auth.models import AnonymousUser

    user = user_for_role(role) or AnonymousUser()
    assert user.has_perm(perm, assigned) is EXPECTED[perm][role]


REGION_PERMS = {
    "proposals.view_dashboard": {"official", "facilitator", "region_admin", "admin"},
    "proposals.add_roundtable": {"official", "facilitator", "region_admin", "admin"},
    "proposals.change_policy": {"region_admin", "admin"},
}


@pytest.mark.parametrize("perm", sorted(REGION_PERMS))
@pytest.mark.parametrize("role", ROLES)
def test_region_permissions_per_role(city, user_for_role, role, perm):
    from django.contrib.auth.models import AnonymousUser

    user = user_for_role(role) or AnonymousUser()
    assert user.has_perm(perm, city) is (role in REGION_PERMS[perm])


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_page_per_role(city, user_for_role, client_for, role):
    response = client_for(user_for_role(role)).get(f"/proposals/regions/{city.slug}/dashboard/")
    if role == "anonymous":
        assert response.status_code == 302
    elif role in REGION_PERMS["proposals.view_dashboard"]:
        assert response.status_code == 200
        assert "원탁회의 후보" in response.content.decode()
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_assigning_over_http_per_role(proposal, department, user_for_role, client_for, role):
    client = client_for(user_for_role(role))
    response = client.post(f"/proposals/{proposal.pk}/assign/", {"department": department.pk})
    proposal.refresh_from_db()
    if role in ("official", "region_admin", "admin"):
        assert response.status_code == 302
        assert proposal.department == department
    else:
        assert response.status_code in (302, 403)
        assert proposal.department is None


@pytest.mark.parametrize("role", ROLES)
def test_answering_over_http_per_role(assigned, user_for_role, client_for, role):
    client = client_for(user_for_role(role))
    response = client.post(
        f"/proposals/{assigned.pk}/answer/",
        {"decision": "accepted", "reasons": "내년 예산에 반영해 설치합니다."},
    )
    assigned.refresh_from_db()
    if role in ("official", "region_admin", "admin"):
        assert response.status_code == 302 and assigned.status == "answered"
    else:
        assert assigned.status == "under_review"


@pytest.mark.parametrize("role", ROLES)
def test_the_policy_page_per_role(city, user_for_role, client_for, role):
    client = client_for(user_for_role(role))
    response = client.post(
        f"/proposals/regions/{city.slug}/policy/",
        {"answer_days": "21", "levels": "30 = 부서 답변\n300 = 공개 토론"},
    )
    if role in ("region_admin", "admin"):
        assert response.status_code == 302
        assert services.policy_for(city).answer_days == 21
    else:
        assert response.status_code in (302, 403)
        assert services.policy_for(city).answer_days == 30


def test_a_bad_policy_line_is_named_in_korean(city, region_admin, client_for):
    response = client_for(region_admin).post(
        f"/proposals/regions/{city.slug}/policy/", {"answer_days": "21", "levels": "많이 = 답변"}
    )
    assert response.status_code == 400
    assert "줄마다 ‘50 = 부서 답변’처럼 적어 주세요." in response.content.decode()


def test_an_official_of_another_city_cannot_assign(proposal, department):
    from tests.factories import MembershipFactory, OrganizationFactory, RegionFactory, UserFactory

    jeju = RegionFactory(
        name="제주시",
        slug="jeju",
        latitude=33.5,
        longitude=126.53,
        bound_south=33.2,
        bound_west=126.1,
        bound_north=33.6,
        bound_east=126.99,
    )
    jeju_official = UserFactory()
    MembershipFactory(
        organization=OrganizationFactory(kind="government", region=jeju), user=jeju_official
    )
    assert not jeju_official.has_perm("proposals.assign_department", proposal)
