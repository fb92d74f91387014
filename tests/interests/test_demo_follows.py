"""The demo's follows: residents follow organisations sharing their topics; idempotent."""

from io import StringIO

import pytest
from django.db import transaction
from django.test import override_settings

from sotong.demo.progress import Progress
from sotong.demo.seed import seed_demo
from sotong.interests.models import Follow

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    out = StringIO()
    progress = Progress(lambda message, ending="\n": out.write(message + ending))
    with fast, django_db_blocker.unblock(), transaction.atomic():
        seed_demo(progress)
        yield out.getvalue()
        transaction.set_rollback(True)


def test_residents_follow_organisations_of_their_topics_and_neighbours(demo):
    organization_follows = Follow.objects.organizations().select_related("follower")
    assert organization_follows.count() >= 100
    for follow in organization_follows[:50]:
        interests = set(follow.follower.interests.values_list("pk", flat=True))
        assert interests & set(follow.organization.topics.values_list("pk", flat=True))
    assert Follow.objects.people().exists() and Follow.objects.regions().exists()
    assert "follows" in demo


def test_a_second_run_adds_no_follow(demo):
    before = Follow.objects.count()
    seed_demo(Progress(lambda *args, **kwargs: None))
    assert Follow.objects.count() == before
