"""The demo city's proposals: every status, supports, comments, timelines, two roundtables with
minutes, departments' answers; a second run adds nothing."""

from io import StringIO

import pytest
from django.db import transaction
from django.test import Client, override_settings

from sotong.demo.progress import Progress
from sotong.demo.seed import seed_demo
from sotong.proposals import selectors
from sotong.proposals.models import Answer, Comment, Proposal, Roundtable, Status, Step, Support

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    progress = Progress(lambda message, ending="\n": StringIO().write(message))
    with fast_hashing, django_db_blocker.unblock(), transaction.atomic():
        seed_demo(progress)
        yield
        transaction.set_rollback(True)


def test_forty_proposals_in_every_status_with_consistent_counts(demo):
    assert Proposal.objects.count() >= 40
    assert set(Proposal.objects.values_list("status", flat=True)) == set(Status.values)
    for proposal in Proposal.objects.all():
        active = Support.objects.filter(proposal=proposal, withdrawn_at__isnull=True).count()
        assert proposal.support_count == active
        assert proposal.comment_count == Comment.objects.filter(proposal=proposal).count()
        assert Step.objects.filter(proposal=proposal).exists()
        assert not Support.objects.filter(proposal=proposal, user=proposal.author).exists()


def test_two_roundtables_with_minutes_and_answers_with_reasons(demo):
    roundtables = list(Roundtable.objects.all())
    assert len(roundtables) == 2
    assert all(r.minutes and r.items.exists() for r in roundtables)
    assert Answer.objects.filter(decision="not_accepted").exists()
    assert all(len(a.reasons) > 10 for a in Answer.objects.all())


def test_the_figures_show_answers_in_and_out_of_time(demo):
    from sotong.core.models import Region

    total, departments = selectors.figures(Region.objects.get(slug="namwon"))
    assert total.answered > 10
    assert 0 < total.answered_in_time < total.owed
    assert total.overdue > 0
    assert len(departments) >= 4


def test_the_pages_render_on_the_demo(demo):
    client = Client()
    assert client.get("/proposals/").status_code == 200
    assert client.get("/proposals/map/").status_code == 200
    assert client.get("/proposals/regions/namwon/figures/").status_code == 200
    for proposal in Proposal.objects.all()[:44]:
        assert client.get(f"/proposals/{proposal.pk}/").status_code == 200


def test_a_second_run_adds_nothing(demo):
    before = (Proposal.objects.count(), Support.objects.count(), Step.objects.count())
    seed_demo(Progress(lambda message, ending="\n": None))
    assert (Proposal.objects.count(), Support.objects.count(), Step.objects.count()) == before
