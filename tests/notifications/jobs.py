"""Running queued background jobs inside a test's transaction."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

_worker = Worker(
    queue_names=["*"],
    interval=0,
    batch=True,
    backend_name="default",
    startup_delay=False,
    max_tasks=None,
    worker_id="test",
    excluded_queue_names=[],
)


def run_queued_jobs() -> int:
    """Runs every queued job with the database worker's own `run_task`, until none is left.
    (The worker's loop closes connections between jobs, which would end a test's transaction;
    the real loop runs in a subprocess in test_worker.py.)"""
    ran = 0
    while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
        result.claim("test")
        _worker.run_task(result)
        result.refresh_from_db()
        assert result.status == "SUCCESSFUL", result.traceback
        ran += 1
    return ran
