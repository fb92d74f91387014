"""Every foundation page, as each kind of visitor sees it on a phone, passes the page check:
axe-core finds no serious or critical WCAG 2.1 A/AA problem, nothing fails to load, no script
error, nothing wider than the screen. One test per visitor keeps the database resets few."""

import pytest

from sotong.organizations.models import JoinRequest, Membership
from tests.browser.conftest import visit
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory


@pytest.fixture
def lived_in_city(city, neighbourhood, topics, organization, org_admin, resident, second_resident):
    """A small city with enough in it that lists, badges and member lists are not empty."""
    resident.bio = "동충동에서 아이 둘 키우는 엄마예요."
    resident.home_region = neighbourhood
    resident.save()
    resident.interests.set(topics[:2])
    organization.topics.set(topics)
    organization.description = "매달 둘째 토요일에 놀이터를 함께 돌봅니다.\n누구나 오세요."
    organization.contact_email = "play@example.kr"
    organization.address = "전라북도 남원시 동충동 12"
    organization.website = "https://example.kr/play"
    organization.save()
    MembershipFactory(organization=organization, user=resident)
    for number in range(3):
        OrganizationFactory(name=f"남원 마을모임 {number}", region=neighbourhood).topics.set(
            topics[number:]
        )
    JoinRequest.objects.create(
        organization=organization, user=second_resident, message="안녕하세요"
    )
    UserFactory(nickname="비공개주민", profile_visibility="private")
    return city


def check_all(page, paths, status=200):
    failures = []
    for path in paths:
        try:
            visit(page, path, status=status)
        except AssertionError as failure:
            failures.append(f"{path}\n{failure}")
    assert not failures, "\n\n".join(failures)


def test_every_public_page_passes_for_an_anonymous_visitor(page, lived_in_city, resident):
    check_all(
        page,
        [
            "/",
            "/regions/",
            "/regions/namwon/",
            "/regions/dongchung/",
            "/organizations/",
            "/organizations/?topic=kids",
            "/organizations/?region=&kind=resident_group&q=놀이",
            "/organizations/play-namwon/",
            f"/people/{resident.pk}/",
            "/accounts/login/",
            "/accounts/signup/",
            "/accounts/password/reset/",
        ],
    )


def test_error_pages_pass_too(page, lived_in_city, second_resident):
    check_all(page, ["/organizations/no-such-group/", "/people/999999/"], status=404)


def test_every_page_of_a_resident_passes(open_phone, lived_in_city, resident):
    page = open_phone(resident)
    check_all(
        page,
        [
            "/",
            f"/people/{resident.pk}/",
            "/people/me/edit/",
            "/people/me/delete/",
            "/accounts/email/",
            "/accounts/password/change/",
            "/organizations/new/",
            "/organizations/play-namwon/",
        ],
    )


def test_every_page_of_an_organisation_admin_passes(open_phone, lived_in_city, org_admin):
    assert org_admin.memberships.get().role == Membership.Role.ADMIN
    page = open_phone(org_admin)
    check_all(
        page,
        [
            "/organizations/play-namwon/",
            "/organizations/play-namwon/edit/",
            "/organizations/play-namwon/requests/",
            "/organizations/play-namwon/members/",
        ],
    )
