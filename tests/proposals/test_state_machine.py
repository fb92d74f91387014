"""Every allowed and every refused status change, each recorded as a public step."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sotong.proposals import services
from sotong.proposals.models import Proposal, Status, Step

ALLOWED = {
    ("submitted", "under_review"),
    ("submitted", "withdrawn"),
    ("submitted", "roundtable"),
    ("under_review", "roundtable"),
    ("under_review", "answered"),
    ("under_review", "not_accepted"),
    ("roundtable", "answered"),
    ("roundtable", "not_accepted"),
    ("answered", "in_progress"),
    ("answered", "done"),
    ("in_progress", "done"),
}
EVERY_PAIR = list(itertools.product(Status.values, Status.values))


def test_the_table_is_the_documented_path():
    assert set(services.TRANSITIONS) == ALLOWED


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED))
def test_an_allowed_move_changes_the_status_and_records_who_and_why(
    proposal, admin_user, source, target
):
    Proposal.objects.filter(pk=proposal.pk).update(status=source)
    proposal.refresh_from_db()

    step = services.proposal_transition(
        actor=admin_user, proposal=proposal, to_status=target, reason="검토 결과를 반영합니다."
    )

    proposal.refresh_from_db()
    assert proposal.status == target
    assert (step.from_status, step.to_status) == (source, target)
    assert step.actor == admin_user
    assert step.reason == "검토 결과를 반영합니다."
    assert list(proposal.steps.values_list("to_status", flat=True)) == ["submitted", target]


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "target"), [pair for pair in EVERY_PAIR if pair not in ALLOWED])
def test_a_refused_move_says_so_in_korean_and_changes_nothing(proposal, admin_user, source, target):
    Proposal.objects.filter(pk=proposal.pk).update(status=source)
    proposal.refresh_from_db()

    with pytest.raises(ValidationError) as error:
        services.proposal_transition(actor=admin_user, proposal=proposal, to_status=target)

    assert "단계로 바꿀 수 없습니다" in error.value.messages[0]
    proposal.refresh_from_db()
    assert proposal.status == source
    assert Step.objects.filter(proposal=proposal).count() == 1


@pytest.mark.django_db
def test_an_unknown_status_is_refused(proposal, admin_user):
    with pytest.raises(ValidationError):
        services.proposal_transition(actor=admin_user, proposal=proposal, to_status="approved")


@pytest.mark.django_db
def test_only_the_author_withdraws(proposal, resident, second_resident):
    with pytest.raises(PermissionDenied):
        services.proposal_withdraw(actor=second_resident, proposal=proposal)
    services.proposal_withdraw(actor=resident, proposal=proposal, reason="다른 제안과 합칩니다.")
    proposal.refresh_from_db()
    assert proposal.status == Status.WITHDRAWN


@pytest.mark.django_db
def test_a_new_proposal_starts_its_timeline(proposal, resident):
    step = proposal.steps.get()
    assert (step.from_status, step.to_status, step.actor) == ("", "submitted", resident)
