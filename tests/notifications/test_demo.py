"""The demo's organisation admin finds the pending join requests under the bell."""

from io import StringIO

import pytest
from django.db import transaction
from django.test import Client

from sotong.accounts.models import User
from sotong.demo.progress import Progress
from sotong.demo.seed import seed_demo
from sotong.notifications.models import Notification
from sotong.organizations.models import JoinRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    out = StringIO()
    progress = Progress(lambda message, ending="\n": out.write(message + ending))
    with django_db_blocker.unblock(), transaction.atomic():
        seed_demo(progress)
        yield out.getvalue()
        transaction.set_rollback(True)


def test_the_org_admin_bell_shows_the_pending_join_requests_and_a_rerun_adds_nothing(demo):
    orgadmin = User.objects.get(email="orgadmin@sotong.local")
    pending = JoinRequest.objects.filter(
        status=JoinRequest.Status.PENDING, organization__slug="namwon-play"
    ).count()
    assert pending > 0
    mine = Notification.objects.filter(recipient=orgadmin, kind="organizations.join_request")
    assert mine.count() >= pending
    before = Notification.objects.count()

    seed_demo(Progress(lambda *a, **k: None))
    assert Notification.objects.count() == before

    client = Client()
    client.force_login(orgadmin)
    page = client.get("/notifications/").content.decode()
    assert "단체에 가입을 신청했습니다." in page
    assert "/organizations/namwon-play/requests/" in page or "보기" in page
