"""Many people clicking at the same moment, through real requests on real connections.

Each thread has its own database connection (closed when the thread ends). On SQLite the
test database is a file, so the threads really share it; the PostgreSQL pass runs the same.
"""

import threading
from collections import Counter

import pytest
from django.db import connections
from django.test import Client

from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.factories import UserFactory
from tests.organizations.helpers import add_member

pytestmark = pytest.mark.django_db(transaction=True)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def run_together(actions):
    """Runs every action in its own thread, all released at once; returns their results."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)
    errors: list[BaseException] = []

    def worker(index, action):
        try:
            barrier.wait(timeout=60)
            results[index] = action()
        except BaseException as error:  # noqa: BLE001 - reported to the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=worker, args=(index, action))
        for index, action in enumerate(actions)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not any(thread.is_alive() for thread in threads), "a request hung"
    assert errors == []
    return results


def post(client: Client, url: str, data=None):
    return lambda: client.post(url, data or {}).status_code


def test_member_count_stays_exact_when_30_people_join_and_leave_at_once(open_organization):
    leavers = [UserFactory(nickname=f"떠날이{number}") for number in range(5)]
    for user in leavers:
        add_member(open_organization, user)
    joiners = [UserFactory(nickname=f"새회원{number}") for number in range(20)]
    join_url = "/organizations/namwon-guitar/join/"
    actions = [post(logged_in(user), join_url, {"is_public": "on"}) for user in joiners]
    # Five of them click twice, in two tabs: still one membership each.
    actions += [post(logged_in(user), join_url, {"is_public": "on"}) for user in joiners[:5]]
    actions += [post(logged_in(user), "/organizations/namwon-guitar/leave/") for user in leavers]
    assert len(actions) == 30

    statuses = run_together(actions)

    assert set(statuses) == {302}
    open_organization.refresh_from_db()
    memberships = Membership.objects.filter(organization=open_organization)
    assert open_organization.member_count == memberships.count() == 1 + 20
    per_user = Counter(memberships.values_list("user_id", flat=True))
    assert max(per_user.values()) == 1
    assert not memberships.filter(user__in=leavers).exists()


def test_two_last_admins_leaving_at_once_leave_one_admin_behind(open_organization):
    first = Membership.objects.get(organization=open_organization).user
    second = UserFactory(nickname="둘째지기")
    add_member(open_organization, second, role=Membership.Role.ADMIN)
    leave_url = "/organizations/namwon-guitar/leave/"

    run_together([post(logged_in(first), leave_url), post(logged_in(second), leave_url)])

    admins = Membership.objects.filter(organization=open_organization, role=Membership.Role.ADMIN)
    assert admins.count() == 1
    open_organization.refresh_from_db()
    assert open_organization.member_count == 1


def test_two_managers_approving_the_same_request_make_one_member(approval_organization, city):
    admin = Membership.objects.get(organization=approval_organization).user
    co_admin = UserFactory(nickname="공동지기")
    add_member(approval_organization, co_admin, role=Membership.Role.ADMIN)
    applicant = UserFactory(nickname="신청인")
    join_request = JoinRequest.objects.create(organization=approval_organization, user=applicant)
    url = f"/organizations/namwon-green/requests/{join_request.pk}/decide/"

    run_together(
        [
            post(logged_in(user), url, {"decision": "approve"})
            for user in (admin, co_admin, admin, co_admin)
        ]
    )

    assert (
        Membership.objects.filter(organization=approval_organization, user=applicant).count() == 1
    )
    approval_organization.refresh_from_db()
    assert approval_organization.member_count == 3
    assert Organization.objects.get(pk=approval_organization.pk).member_count == (
        Membership.objects.filter(organization=approval_organization).count()
    )


def test_ten_groups_registered_under_one_name_at_once_get_ten_addresses(city):
    founders = [UserFactory(nickname=f"창립자{number}") for number in range(10)]
    form = {
        "name": "동충동 텃밭 모임",
        "kind": "resident_group",
        "region": city.pk,
        "summary": "골목 텃밭을 함께 가꿉니다",
        "join_policy": "open",
    }

    statuses = run_together(
        [post(logged_in(user), "/organizations/new/", form) for user in founders]
    )

    assert statuses == [302] * 10
    slugs = list(Organization.objects.values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == 10
    assert all(slug.startswith("dongchungdong-teotbat-moim") for slug in slugs)
    assert Membership.objects.filter(role=Membership.Role.ADMIN).count() == 10
