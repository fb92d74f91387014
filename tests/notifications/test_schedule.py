"""The worker's housekeeping: periodic jobs once per period, and jobs of dead workers requeued."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django_tasks_db.models import DBTaskResult

from sotong.notifications.models import ScheduledRun
from sotong.notifications.tasks import send_immediate
from sotong.notifications.worker import HOST, enqueue_due_jobs, requeue_orphaned_jobs

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


def queued(path_end: str) -> int:
    return DBTaskResult.objects.ready().filter(task_path__endswith=path_end).count()


def test_periodic_jobs_are_enqueued_once_per_period_and_not_before_their_hour():
    early_monday = datetime(2026, 11, 23, 7, 30, tzinfo=SEOUL)
    assert "notifications.daily_digest 2026-11-23" not in enqueue_due_jobs(early_monday)
    assert queued("send_daily_digests") == 0

    monday_morning = datetime(2026, 11, 23, 9, 5, tzinfo=SEOUL)
    due = enqueue_due_jobs(monday_morning)
    assert "notifications.daily_digest 2026-11-23" in due
    assert "notifications.weekly_digest 2026-W48" in due
    assert "activities.reminders 2026-11-23" in due
    assert enqueue_due_jobs(monday_morning) == []  # a second worker, or a second look
    assert queued("send_daily_digests") == 1 and queued("send_weekly_digests") == 1

    tuesday = datetime(2026, 11, 24, 8, 0, tzinfo=SEOUL)
    due = enqueue_due_jobs(tuesday)
    assert "notifications.daily_digest 2026-11-24" in due
    assert not any("weekly" in job for job in due)
    assert ScheduledRun.objects.filter(job="notifications.daily_digest").count() == 2


def test_a_job_left_running_by_a_dead_worker_is_queued_again():
    dead_pid = 2**22 + 17  # above Linux's default pid_max: no such process
    dead = send_immediate.enqueue([1])
    alive = send_immediate.enqueue([2])
    elsewhere = send_immediate.enqueue([3])
    DBTaskResult.objects.filter(pk=dead.id).update(
        status="RUNNING", worker_ids=[f"{HOST}:{dead_pid}:abc"]
    )
    import os

    DBTaskResult.objects.filter(pk=alive.id).update(
        status="RUNNING", worker_ids=[f"{HOST}:{os.getppid()}:abc"]
    )
    DBTaskResult.objects.filter(pk=elsewhere.id).update(
        status="RUNNING", worker_ids=[f"other-host:{dead_pid}:abc"]
    )
    from django.utils import timezone

    DBTaskResult.objects.filter(status="RUNNING").update(started_at=timezone.now())

    assert requeue_orphaned_jobs() == 1
    assert DBTaskResult.objects.get(pk=dead.id).status == "READY"
    assert DBTaskResult.objects.get(pk=alive.id).status == "RUNNING"
    assert DBTaskResult.objects.get(pk=elsewhere.id).status == "RUNNING"
