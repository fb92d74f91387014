"""The operators' admin for organisations and join requests, in Korean."""

import pytest

from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.factories import OrganizationFactory, RegionFactory, UserFactory
from tests.organizations.helpers import add_member

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/organizations/organization/", "/admin/organizations/joinrequest/"]


@pytest.fixture
def staff_region_admin(region_admin):
    region_admin.is_staff = True
    region_admin.save()
    return region_admin


@pytest.fixture
def jeju_organization(db):
    jeju = RegionFactory(
        name="제주시", slug="jeju", latitude=33.5, longitude=126.5,
        bound_south=33.2, bound_west=126.1, bound_north=33.6, bound_east=126.9,
    )  # fmt: skip
    return OrganizationFactory(name="제주 오름 지킴이", slug="jeju-oreum", region=jeju)


@pytest.mark.parametrize("url", CHANGELISTS)
def test_changelists_load_in_korean_for_an_admin(client_for, admin_user, applicant, url):
    response = client_for(admin_user).get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "놀이와 놀이터 남원시민 모임" in text
    assert "종류" in text  # the kind filter


def test_changelist_filters_by_kind_and_region(client_for, admin_user, organization, department):
    text = (
        client_for(admin_user)
        .get(
            f"/admin/organizations/organization/?kind=government&region__id__exact={organization.region_id}"
        )
        .content.decode()
    )
    assert "남원시 자치행정과" in text
    assert "놀이와 놀이터 남원시민 모임" not in text


def test_change_page_shows_the_memberships_inline(client_for, admin_user, organization, org_admin):
    response = client_for(admin_user).get(
        f"/admin/organizations/organization/{organization.pk}/change/"
    )
    assert response.status_code == 200
    assert "하늘" in response.content.decode()


def inline_data(organization, memberships, **changes):
    data = {
        "name": organization.name,
        "slug": organization.slug,
        "kind": organization.kind,
        "region": organization.region_id,
        "summary": organization.summary,
        "join_policy": organization.join_policy,
        "is_active": "on",
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(len(memberships)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, membership in enumerate(memberships):
        data[f"memberships-{index}-id"] = str(membership.pk)
        data[f"memberships-{index}-organization"] = str(organization.pk)
        data[f"memberships-{index}-user"] = str(membership.user_id)
        data[f"memberships-{index}-role"] = membership.role
        data[f"memberships-{index}-is_public"] = "on"
    data.update(changes)
    return data


def test_removing_a_member_in_the_admin_keeps_the_counter_right(
    client_for, admin_user, organization, org_admin, member
):
    memberships = list(organization.memberships.order_by("pk"))
    leaving = memberships[1]
    data = inline_data(organization, memberships, **{"memberships-1-DELETE": "on"})
    response = client_for(admin_user).post(
        f"/admin/organizations/organization/{organization.pk}/change/", data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    organization.refresh_from_db()
    assert not Membership.objects.filter(pk=leaving.pk).exists()
    assert organization.member_count == 1


def test_admin_can_add_an_organisation_with_a_generated_slug(client_for, admin_user, city):
    response = client_for(admin_user).post(
        "/admin/organizations/organization/add/",
        {
            "name": "남원시 문화도시 사무국",
            "slug": "",
            "kind": "intermediary",
            "region": city.pk,
            "summary": "문화도시 사업을 맡는 곳",
            "join_policy": "approval",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Organization.objects.get().slug == "namwonsi-munhwadosi-samuguk"


def test_staff_region_admin_sees_only_their_city(
    client_for, staff_region_admin, organization, jeju_organization
):
    text = client_for(staff_region_admin).get(CHANGELISTS[0]).content.decode()
    assert "놀이와 놀이터 남원시민 모임" in text
    assert "제주 오름 지킴이" not in text
    response = client_for(staff_region_admin).get(
        f"/admin/organizations/organization/{jeju_organization.pk}/change/"
    )
    assert response.status_code in (302, 403, 404)


def test_staff_region_admin_cannot_delete_organisations(
    client_for, staff_region_admin, organization
):
    response = client_for(staff_region_admin).post(
        f"/admin/organizations/organization/{organization.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert Organization.objects.filter(pk=organization.pk).exists()


@pytest.mark.parametrize("url", ["/admin/", *CHANGELISTS])
@pytest.mark.parametrize("role", ["anonymous", "resident", "org_admin", "official", "facilitator"])
def test_people_without_operator_rights_do_not_reach_the_admin(
    role, url, user_for_role, client_for, organization
):
    user = user_for_role(role)
    if user is not None:
        user.is_staff = True  # even with staff access, a plain role manages nothing here
        user.save()
    response = client_for(user).get(url)
    if response.status_code == 200:
        assert "놀이와 놀이터 남원시민 모임" not in response.content.decode()
    else:
        assert response.status_code in (302, 403)


def test_join_requests_are_read_only_in_the_admin(client_for, admin_user, applicant):
    join_request = JoinRequest.objects.get(user=applicant)
    response = client_for(admin_user).post(
        f"/admin/organizations/joinrequest/{join_request.pk}/change/", {"status": "approved"}
    )
    assert response.status_code in (302, 403)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not Membership.objects.filter(user=applicant).exists()


def test_admin_never_creates_a_second_membership_for_a_person(
    client_for, admin_user, organization, org_admin
):
    other = UserFactory(nickname="둘째")
    add_member(organization, other)
    memberships = list(organization.memberships.order_by("pk"))
    data = inline_data(organization, memberships, **{"memberships-1-user": str(org_admin.pk)})
    response = client_for(admin_user).post(
        f"/admin/organizations/organization/{organization.pk}/change/", data
    )
    assert response.status_code == 200  # the form answers with an error
    assert Membership.objects.filter(organization=organization, user=org_admin).count() == 1
