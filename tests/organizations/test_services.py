import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sotong.organizations import services
from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.factories import OrganizationFactory, UserFactory
from tests.organizations.helpers import add_member, sync_member_count

pytestmark = pytest.mark.django_db


def create(actor, **overrides):
    arguments = {
        "name": "동충동 텃밭 모임",
        "kind": Organization.Kind.RESIDENT_GROUP,
        "region": overrides.pop("region", None),
        "summary": "골목 텃밭을 함께 가꿉니다",
    }
    arguments.update(overrides)
    return services.organization_create(actor=actor, **arguments)


def test_creator_becomes_the_first_admin_and_is_counted(resident, city, topics):
    organization = create(resident, region=city, topics=topics[:2])
    membership = Membership.objects.get(organization=organization)
    assert membership.user == resident
    assert membership.role == Membership.Role.ADMIN
    assert organization.member_count == 1
    assert {t.slug for t in organization.topics.all()} == {"kids", "music"}


def test_slug_is_made_from_the_korean_name_and_kept_unique(resident, city):
    first = create(resident, region=city)
    second = create(resident, region=city)
    third = create(resident, region=city)
    assert first.slug == "dongchungdong-teotbat-moim"
    assert second.slug == "dongchungdong-teotbat-moim-2"
    assert third.slug == "dongchungdong-teotbat-moim-3"


def test_slug_never_shadows_the_create_page(resident, city):
    organization = create(resident, region=city, name="New")
    assert organization.slug == "new-2"


def test_anonymous_visitor_cannot_create(city):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        create(AnonymousUser(), region=city)
    assert not Organization.objects.exists()


def test_resident_cannot_make_a_government_organisation(resident, city):
    with pytest.raises(ValidationError) as error:
        create(resident, region=city, kind=Organization.Kind.GOVERNMENT)
    assert "행정기관은 그 지역의 지역 관리자나 운영자만" in str(error.value)
    assert not Organization.objects.exists()


def test_region_admin_makes_a_government_organisation_in_their_region(region_admin, city):
    organization = create(region_admin, region=city, kind=Organization.Kind.GOVERNMENT)
    assert organization.is_government


def test_region_admin_of_another_city_cannot_make_a_government_organisation_here(city):
    from tests.factories import RegionFactory, RegionRoleFactory

    jeju = RegionFactory(
        name="제주시",
        slug="jeju",
        latitude=33.5,
        longitude=126.5,
        bound_south=33.2,
        bound_west=126.1,
        bound_north=33.6,
        bound_east=126.9,
    )
    jeju_admin = UserFactory(nickname="제주관리자")
    RegionRoleFactory(region=jeju, user=jeju_admin, role="admin")
    with pytest.raises(ValidationError):
        create(jeju_admin, region=city, kind=Organization.Kind.GOVERNMENT)


def test_government_organisation_cannot_let_anyone_join_at_once(admin_user, city):
    with pytest.raises(ValidationError) as error:
        create(
            admin_user,
            region=city,
            kind=Organization.Kind.GOVERNMENT,
            join_policy=Organization.JoinPolicy.OPEN,
        )
    assert "승인 후 가입하는 방식만" in str(error.value)


def test_org_admin_cannot_turn_their_group_into_a_government_office(org_admin, organization):
    with pytest.raises(ValidationError):
        services.organization_update(
            actor=org_admin, organization=organization, kind=Organization.Kind.GOVERNMENT
        )
    organization.refresh_from_db()
    assert organization.kind == Organization.Kind.RESIDENT_GROUP


def test_permission_is_checked_on_the_stored_region_not_on_the_edited_one(organization, city):
    from tests.factories import RegionFactory, RegionRoleFactory

    jeju = RegionFactory(
        name="제주시",
        slug="jeju",
        latitude=33.5,
        longitude=126.5,
        bound_south=33.2,
        bound_west=126.1,
        bound_north=33.6,
        bound_east=126.9,
    )
    jeju_admin = UserFactory(nickname="제주관리자")
    RegionRoleFactory(region=jeju, user=jeju_admin, role="admin")
    organization.region = jeju  # what a bound form does to the instance before the service
    with pytest.raises(PermissionDenied):
        services.organization_update(actor=jeju_admin, organization=organization, region=jeju)
    assert Organization.objects.get(pk=organization.pk).region == city


def test_open_organisation_join_adds_a_member_and_counts_them(open_organization, resident):
    services.membership_join(actor=resident, organization=open_organization)
    open_organization.refresh_from_db()
    assert open_organization.member_count == 2
    assert Membership.objects.filter(organization=open_organization, user=resident).exists()


def test_joining_twice_is_refused_and_not_counted_twice(open_organization, resident):
    services.membership_join(actor=resident, organization=open_organization)
    with pytest.raises(ValidationError, match="이미 이 단체의 구성원"):
        services.membership_join(actor=resident, organization=open_organization)
    open_organization.refresh_from_db()
    assert open_organization.member_count == 2


def test_approval_organisation_cannot_be_joined_without_a_request(approval_organization, resident):
    with pytest.raises(ValidationError, match="가입 신청을 해 주세요"):
        services.membership_join(actor=resident, organization=approval_organization)


def test_government_organisation_cannot_be_joined_at_once_even_if_marked_open(resident, city):
    office = OrganizationFactory(
        kind=Organization.Kind.GOVERNMENT, region=city, join_policy=Organization.JoinPolicy.OPEN
    )
    with pytest.raises(ValidationError):
        services.membership_join(actor=resident, organization=office)
    assert not Membership.objects.filter(user=resident).exists()


def test_inactive_organisation_takes_no_new_members(open_organization, resident):
    Organization.objects.filter(pk=open_organization.pk).update(is_active=False)
    open_organization.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.membership_join(actor=resident, organization=open_organization)


def test_only_one_pending_request_per_person(approval_organization, resident):
    services.join_request_create(actor=resident, organization=approval_organization)
    with pytest.raises(ValidationError, match="이미 가입을 신청했습니다"):
        services.join_request_create(actor=resident, organization=approval_organization)
    assert JoinRequest.objects.filter(user=resident).count() == 1


def test_over_long_join_message_is_refused_and_nothing_stored(approval_organization, resident):
    with pytest.raises(ValidationError):
        services.join_request_create(
            actor=resident, organization=approval_organization, message="가" * 501
        )
    assert not JoinRequest.objects.exists()


def test_approving_a_request_makes_a_member_with_the_chosen_visibility(
    approval_organization, resident
):
    admin = approval_organization.memberships.get().user
    join_request = services.join_request_create(
        actor=resident, organization=approval_organization, is_public=False
    )
    services.join_request_decide(actor=admin, join_request=join_request, decision="approve")
    membership = Membership.objects.get(organization=approval_organization, user=resident)
    assert membership.is_public is False
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert join_request.decided_by == admin
    approval_organization.refresh_from_db()
    assert approval_organization.member_count == 2


def test_a_request_is_decided_only_once(approval_organization, resident):
    admin = approval_organization.memberships.get().user
    join_request = services.join_request_create(actor=resident, organization=approval_organization)
    services.join_request_decide(actor=admin, join_request=join_request, decision="decline")
    with pytest.raises(ValidationError, match="이미 처리된 신청"):
        services.join_request_decide(actor=admin, join_request=join_request, decision="approve")
    assert not Membership.objects.filter(user=resident).exists()


def test_unknown_decision_is_refused(approval_organization, resident):
    admin = approval_organization.memberships.get().user
    join_request = services.join_request_create(actor=resident, organization=approval_organization)
    with pytest.raises(ValidationError):
        services.join_request_decide(actor=admin, join_request=join_request, decision="maybe")


def test_only_the_requester_withdraws_a_request(approval_organization, resident, second_resident):
    join_request = services.join_request_create(actor=resident, organization=approval_organization)
    with pytest.raises(PermissionDenied):
        services.join_request_withdraw(actor=second_resident, join_request=join_request)
    services.join_request_withdraw(actor=resident, join_request=join_request)
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.WITHDRAWN


def test_last_admin_cannot_leave(org_admin, organization):
    with pytest.raises(ValidationError, match="관리자가 적어도 한 명"):
        services.membership_leave(actor=org_admin, organization=organization)
    assert Membership.objects.filter(organization=organization, user=org_admin).exists()


def test_last_admin_cannot_be_demoted_or_removed(org_admin, organization, admin_user):
    membership = Membership.objects.get(organization=organization, user=org_admin)
    with pytest.raises(ValidationError, match="관리자가 적어도 한 명"):
        services.membership_set_role(
            actor=admin_user, membership=membership, role=Membership.Role.MEMBER
        )
    with pytest.raises(ValidationError, match="마지막 관리자"):
        services.membership_remove(actor=admin_user, membership=membership)
    membership.refresh_from_db()
    assert membership.role == Membership.Role.ADMIN


def test_admin_can_leave_once_someone_else_is_admin(org_admin, organization, member):
    sync_member_count(organization)
    other = Membership.objects.get(organization=organization, user=member)
    services.membership_set_role(actor=org_admin, membership=other, role=Membership.Role.ADMIN)
    services.membership_leave(actor=org_admin, organization=organization)
    organization.refresh_from_db()
    assert organization.member_count == 1
    assert list(organization.memberships.values_list("user__nickname", "role")) == [
        ("민호", "admin")
    ]


def test_member_removed_by_a_manager_is_no_longer_counted(org_admin, organization, member):
    sync_member_count(organization)
    membership = Membership.objects.get(organization=organization, user=member)
    services.membership_remove(actor=org_admin, membership=membership)
    organization.refresh_from_db()
    assert organization.member_count == 1


def test_plain_member_cannot_manage_others(organization, member, second_resident):
    target = add_member(organization, second_resident)
    with pytest.raises(PermissionDenied):
        services.membership_set_role(actor=member, membership=target, role="admin")
    with pytest.raises(PermissionDenied):
        services.membership_remove(actor=member, membership=target)


def test_unknown_role_is_refused(org_admin, organization, member):
    membership = Membership.objects.get(organization=organization, user=member)
    with pytest.raises(ValidationError, match="알 수 없는 역할"):
        services.membership_set_role(actor=org_admin, membership=membership, role="owner")


def test_leaving_without_being_a_member_says_so(organization, resident):
    with pytest.raises(ValidationError, match="구성원이 아닙니다"):
        services.membership_leave(actor=resident, organization=organization)


def test_member_hides_their_name_from_the_public_list(organization, member):
    services.membership_set_visibility(actor=member, organization=organization, is_public=False)
    assert not Membership.objects.get(user=member).is_public


def test_recount_repairs_a_drifted_counter(organization, org_admin, member):
    Organization.objects.filter(pk=organization.pk).update(member_count=99)
    assert services.organization_recount_members(organization=organization) == 2
    organization.refresh_from_db()
    assert organization.member_count == 2
