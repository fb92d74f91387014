"""Supports, thresholds, the deadline and overdue, assignment, answers and progress."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sotong.proposals import services
from sotong.proposals.models import Proposal, RegionPolicy, Status, Step, ThresholdLevel
from tests.factories import MembershipFactory, OrganizationFactory, RegionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(city):
    policy = RegionPolicy.objects.create(region=city, answer_days=14)
    ThresholdLevel.objects.create(policy=policy, supports=3, label="부서 답변")
    ThresholdLevel.objects.create(policy=policy, supports=5, label="공개 토론")
    return policy


def test_without_a_policy_the_defaults_apply(city):
    policy = services.policy_for(city)
    assert policy.answer_days == 30
    assert [n for n, _label in policy.levels] == [50, 500, 5000]


def test_a_neighbourhood_uses_its_city_policy(neighbourhood, policy):
    assert services.policy_for(neighbourhood).answer_days == 14


def test_each_level_is_recorded_once_and_the_deadline_starts_at_the_first(
    proposal, supporters, policy
):
    people = supporters(6)
    for person in people[:3]:
        services.support_add(actor=person, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.threshold_reached == 3
    reached_at = proposal.threshold_reached_at
    assert proposal.due_at == reached_at + timedelta(days=14)
    assert proposal.is_roundtable_candidate

    # Falling below and climbing back records nothing twice.
    services.support_withdraw(actor=people[0], proposal=proposal)
    services.support_add(actor=people[0], proposal=proposal)
    for person in people[3:5]:
        services.support_add(actor=person, proposal=proposal)
    proposal.refresh_from_db()
    levels = list(
        Step.objects.filter(proposal=proposal, kind=Step.Kind.THRESHOLD).values_list(
            "level", flat=True
        )
    )
    assert levels == [3, 5]
    assert proposal.threshold_reached == 5
    assert proposal.threshold_reached_at == reached_at
    assert proposal.support_count == 5


def test_a_proposal_past_its_deadline_without_an_answer_is_overdue(
    client, proposal, supporters, policy
):
    for person in supporters(3):
        services.support_add(actor=person, proposal=proposal)
    Proposal.objects.filter(pk=proposal.pk).update(due_at=timezone.now() - timedelta(hours=1))
    proposal.refresh_from_db()
    assert proposal.is_overdue
    assert list(Proposal.objects.overdue()) == [proposal]
    assert (
        "기한이 지났는데 아직 답변이 없습니다"
        in client.get(f"/proposals/{proposal.pk}/").content.decode()
    )
    assert "답변 기한 지남" in client.get("/proposals/?overdue=on").content.decode()


def test_an_answered_proposal_is_never_overdue(proposal, supporters, policy, official, department):
    for person in supporters(3):
        services.support_add(actor=person, proposal=proposal)
    services.proposal_assign(actor=official, proposal=proposal, department=department)
    Proposal.objects.filter(pk=proposal.pk).update(due_at=timezone.now() - timedelta(days=1))
    proposal.refresh_from_db()
    services.answer_create(
        actor=official, proposal=proposal, decision="accepted", reasons="예산을 확보했습니다."
    )
    proposal.refresh_from_db()
    assert not proposal.is_overdue
    assert proposal.answered_in_time is False


def test_before_the_threshold_there_is_no_deadline(proposal):
    assert proposal.due_at is None and not proposal.is_overdue


def test_no_support_for_a_withdrawn_proposal(proposal, resident, second_resident):
    services.proposal_withdraw(actor=resident, proposal=proposal)
    with pytest.raises(ValidationError):
        services.support_add(actor=second_resident, proposal=proposal)


def test_even_an_admin_cannot_support_their_own_proposal(admin_user, city):
    own = services.proposal_create(
        actor=admin_user,
        fields={"region": city, "title": "운영자 제안", "problem": "a", "idea": "b"},
    )
    with pytest.raises(PermissionDenied):
        services.support_add(actor=admin_user, proposal=own)


def test_withdrawing_a_support_never_given_is_refused(proposal, second_resident):
    with pytest.raises(ValidationError):
        services.support_withdraw(actor=second_resident, proposal=proposal)


def test_assignment_needs_a_department_of_the_region(proposal, official):
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
    elsewhere = OrganizationFactory(kind="government", region=jeju)
    with pytest.raises(ValidationError) as error:
        services.proposal_assign(actor=official, proposal=proposal, department=elsewhere)
    assert "department" in error.value.error_dict


def test_the_contact_person_must_belong_to_the_department(
    proposal, official, department, second_resident
):
    with pytest.raises(ValidationError) as error:
        services.proposal_assign(
            actor=official, proposal=proposal, department=department, contact_person=second_resident
        )
    assert "contact_person" in error.value.error_dict


def test_assignment_moves_to_review_and_records_the_department(proposal, official, department):
    step = services.proposal_assign(
        actor=official,
        proposal=proposal,
        department=department,
        contact_person=official,
        reason="놀이터 관리 부서로 보냅니다.",
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.UNDER_REVIEW
    assert proposal.department == department and proposal.contact_person == official
    assert (step.actor, step.actor_organization, step.reason) == (
        official,
        department,
        "놀이터 관리 부서로 보냅니다.",
    )


def test_an_answer_needs_reasons_and_a_department(proposal, admin_user, official, department):
    with pytest.raises(ValidationError):
        services.answer_create(
            actor=admin_user, proposal=proposal, decision="accepted", reasons="좋아요"
        )
    with pytest.raises(ValidationError, match="전담부서"):
        services.answer_create(
            actor=admin_user,
            proposal=proposal,
            decision="accepted",
            reasons="충분히 긴 이유입니다.",
        )


def test_not_accepted_ends_the_path_with_reasons(proposal, official, department):
    services.proposal_assign(actor=official, proposal=proposal, department=department)
    services.answer_create(
        actor=official,
        proposal=proposal,
        decision="not_accepted",
        reasons="해당 부지는 하천 구역이라 시설물을 세울 수 없습니다.",
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.NOT_ACCEPTED
    assert proposal.steps.last().reason.startswith("해당 부지는")


def test_progress_until_done(proposal, official, department):
    services.proposal_assign(actor=official, proposal=proposal, department=department)
    services.answer_create(
        actor=official, proposal=proposal, decision="partly", reasons="한 곳부터 설치합니다."
    )
    services.progress_post(actor=official, proposal=proposal, body="그늘막 발주를 마쳤습니다.")
    services.progress_post(actor=official, proposal=proposal, body="설치 위치를 정했습니다.")
    services.progress_post(actor=official, proposal=proposal, body="설치를 마쳤습니다.", done=True)
    proposal.refresh_from_db()
    assert proposal.status == Status.DONE
    kinds = list(proposal.steps.values_list("kind", "to_status"))
    assert kinds[-3:] == [
        ("status", "in_progress"),
        ("progress", "in_progress"),
        ("status", "done"),
    ]


def test_a_roundtable_is_an_activity_and_takes_up_proposals(proposal, facilitator, city):
    start = timezone.now() + timedelta(days=5)
    roundtable = services.roundtable_create(
        actor=facilitator,
        activity_fields={
            "title": "놀이터 원탁회의",
            "description": "놀이터 제안을 함께 논의합니다.",
            "region": city,
            "place_name": "남원시청 회의실",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
            "capacity": 30,
        },
        proposals=[proposal],
    )
    proposal.refresh_from_db()
    assert proposal.status == Status.ROUNDTABLE
    assert roundtable.activity.is_published and roundtable.activity.capacity == 30
    assert roundtable.facilitator == facilitator
    with pytest.raises(ValidationError, match="시작된 뒤"):
        services.roundtable_record(
            actor=facilitator, roundtable=roundtable, minutes="회의록", items={}
        )


def test_minutes_with_a_show_of_hands(proposal, facilitator, city):
    start = timezone.now() - timedelta(hours=3)
    roundtable = services.roundtable_create(
        actor=facilitator,
        activity_fields={
            "title": "지난 원탁회의",
            "description": "설명",
            "region": city,
            "place_name": "주민센터",
            "starts_at": start,
            "ends_at": start + timedelta(hours=2),
        },
        proposals=[proposal],
    )
    item = roundtable.items.get()
    services.roundtable_record(
        actor=facilitator,
        roundtable=roundtable,
        minutes="참석자 24명이 세 가지 대안을 논의했습니다.",
        items={
            item.pk: {
                "options": "그늘막, 나무 심기",
                "outcome": "그늘막 우선",
                "votes_for": 18,
                "votes_against": 2,
                "votes_abstain": 4,
            }
        },
    )
    item.refresh_from_db()
    assert (item.votes_for, item.votes_against, item.votes_abstain) == (18, 2, 4)
    other = UserFactory()
    with pytest.raises(PermissionDenied):
        services.roundtable_record(actor=other, roundtable=roundtable, minutes="x", items={})


def test_policy_save_validates_and_replaces_levels(city, region_admin, resident):
    with pytest.raises(PermissionDenied):
        services.policy_save(actor=resident, region=city, answer_days=30, levels=[(10, "답변")])
    with pytest.raises(ValidationError):
        services.policy_save(actor=region_admin, region=city, answer_days=0, levels=[])
    services.policy_save(
        actor=region_admin, region=city, answer_days=20, levels=[(100, "토론"), (10, "답변")]
    )
    assert services.policy_for(city).levels == ((10, "답변"), (100, "토론"))


def test_an_organisation_proposal_needs_membership(city, resident, organization, org_admin):
    with pytest.raises(ValidationError) as error:
        services.proposal_create(
            actor=resident,
            fields={
                "region": city,
                "title": "t",
                "problem": "p",
                "idea": "i",
                "organization": organization,
            },
        )
    assert "organization" in error.value.error_dict
    made = services.proposal_create(
        actor=org_admin,
        fields={
            "region": city,
            "title": "t",
            "problem": "p",
            "idea": "i",
            "organization": organization,
        },
    )
    assert made.proposer_name == organization.name


def test_department_members_of_another_department_cannot_answer(proposal, official, department):
    services.proposal_assign(actor=official, proposal=proposal, department=department)
    other_dept = OrganizationFactory(kind="government", region=proposal.region)
    outsider = UserFactory()
    MembershipFactory(organization=other_dept, user=outsider)
    with pytest.raises(PermissionDenied):
        services.answer_create(
            actor=outsider, proposal=proposal, decision="accepted", reasons="충분히 긴 이유입니다."
        )
