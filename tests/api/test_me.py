import pytest

from sotong.organizations.models import Membership
from tests.api.conftest import add_member
from tests.conftest import ROLES
from tests.factories import OrganizationFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_gets_a_401_in_korean(client):
    response = client.get("/api/v1/me")

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "로그인이 필요합니다."}


def test_resident_sees_own_nickname_home_region_and_interests(client_for, resident, topics):
    resident.interests.set(topics[:2])
    resident.bio = "놀이터를 사랑하는 엄마"
    resident.save()

    response = client_for(resident).get("/api/v1/me")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == resident.pk
    assert body["nickname"] == "지민"
    assert body["bio"] == "놀이터를 사랑하는 엄마"
    assert body["home_region"]["slug"] == "namwon"
    assert [topic["slug"] for topic in body["interests"]] == ["music", "kids"]
    assert body["memberships"] == []
    assert body["region_roles"] == []
    assert body["is_admin"] is False


def test_me_holds_no_email_even_ones_own(client_for, resident):
    response = client_for(resident).get("/api/v1/me")

    assert "email" not in response.json()
    assert "jimin@example.kr" not in response.content.decode()


def test_memberships_come_with_their_roles_including_private_ones(client_for, resident, city):
    garden = OrganizationFactory(name="골목 텃밭", slug="garden", region=city)
    choir = OrganizationFactory(name="합창단", slug="choir", region=city)
    Membership.objects.create(organization=garden, user=resident, role=Membership.Role.ADMIN)
    Membership.objects.create(organization=choir, user=resident, is_public=False)

    memberships = client_for(resident).get("/api/v1/me").json()["memberships"]

    assert [(m["organization"]["slug"], m["role"], m["is_public"]) for m in memberships] == [
        ("garden", "admin", True),
        ("choir", "member", False),
    ]


EXPECTED_ROLES = {
    "resident": ([], [], False),
    "org_admin": ([("play-namwon", "admin")], [], False),
    "official": ([("namwon-admin-dept", "member")], [], False),
    "facilitator": ([], [("namwon", "facilitator")], False),
    "region_admin": ([], [("namwon", "admin")], False),
    "admin": ([], [], True),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_own_roles(client_for, user_for_role, role):
    user = user_for_role(role)

    response = client_for(user).get("/api/v1/me")

    if user is None:
        assert response.status_code == 401
        return
    body = response.json()
    memberships, region_roles, is_admin = EXPECTED_ROLES[role]
    assert [(m["organization"]["slug"], m["role"]) for m in body["memberships"]] == memberships
    assert [(r["region"]["slug"], r["role"]) for r in body["region_roles"]] == region_roles
    assert body["is_admin"] is is_admin
    assert body["nickname"] == user.nickname


def test_me_runs_the_same_queries_for_one_membership_or_thirty(
    client_for, resident, city, django_assert_max_num_queries
):
    client = client_for(resident)
    add_member(OrganizationFactory(region=city), "다른이웃")
    Membership.objects.create(organization=OrganizationFactory(region=city), user=resident)
    resident.interests.add(TopicFactory())
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/me").json()["memberships"]) == 1

    for _ in range(29):
        Membership.objects.create(organization=OrganizationFactory(region=city), user=resident)
    resident.interests.add(*TopicFactory.create_batch(20))

    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/me").json()
    assert len(body["memberships"]) == 30
    assert len(body["interests"]) == 21
