"""Housekeeping for the database task worker: the periodic jobs and jobs left by dead workers.

The database backend marks a job RUNNING when a worker claims it; if that worker is killed
(SIGKILL, power cut, OOM) the job would stay RUNNING forever. Our workers name themselves
"<host>:<pid>:<random>", so a worker on the same host can tell a dead one and put its job back
in the queue; a job RUNNING for longer than TASKS_STALE_AFTER (any host) is put back too.
Every job in this project is written to be run again safely (see notifications/tasks.py).
"""

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from sotong.notifications.models import ScheduledRun
from sotong.notifications.registry import Periodic, periodic_jobs

logger = logging.getLogger(__name__)

HOST = socket.gethostname()[:30]


def new_worker_id() -> str:
    return f"{HOST}:{os.getpid()}:{get_random_string(12)}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _orphaned(result: DBTaskResult, stale_before) -> bool:
    if result.started_at is not None and result.started_at < stale_before:
        return True
    last = (result.worker_ids or [""])[-1]
    host, _sep, rest = last.partition(":")
    pid = rest.partition(":")[0]
    if host != HOST or not pid.isdigit():
        return False
    return int(pid) != os.getpid() and not _process_alive(int(pid))


def requeue_orphaned_jobs() -> int:
    """Puts back in the queue the jobs whose worker died while running them."""
    stale_after = getattr(settings, "TASKS_STALE_AFTER", timedelta(minutes=30))
    stale_before = timezone.now() - stale_after
    orphaned = [
        result.pk
        for result in DBTaskResult.objects.running().only("pk", "started_at", "worker_ids")
        if _orphaned(result, stale_before)
    ]
    if orphaned:
        DBTaskResult.objects.filter(pk__in=orphaned, status="RUNNING").update(
            status="READY", started_at=None
        )
        logger.warning("Requeued %d job(s) left by a worker that stopped", len(orphaned))
    return len(orphaned)


def period_key(job: Periodic, now=None) -> str | None:
    """The current period's key once its hour has come, else None (not due yet)."""
    local = timezone.localtime(now)
    if job.every == "daily":
        return local.date().isoformat() if local.hour >= job.hour else None
    if (local.weekday(), local.hour) < (job.weekday, job.hour):
        return None
    year, week, _day = local.isocalendar()
    return f"{year}-W{week:02d}"


def enqueue_due_jobs(now=None) -> list[str]:
    """Enqueues each periodic job once per period, whichever worker gets here first."""
    enqueued = []
    for job in periodic_jobs():
        period = period_key(job, now)
        if period is None:
            continue
        try:
            with transaction.atomic():
                _run, created = ScheduledRun.objects.get_or_create(job=job.name, period=period)
                if created:
                    job.task.enqueue(period)
                    enqueued.append(f"{job.name} {period}")
        except IntegrityError:  # another worker enqueued it at the same moment
            continue
    return enqueued
