"""The background worker: runs queued jobs (django-tasks' database worker loop), enqueues the
periodic ones (digests, reminders) when due, and requeues jobs of workers that died.

    python manage.py sotong_worker              # until Ctrl+C / SIGTERM
    python manage.py sotong_worker --batch      # housekeeping, every job queued, then exit
"""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from sotong.notifications.worker import enqueue_due_jobs, new_worker_id, requeue_orphaned_jobs

HOUSEKEEPING_EVERY = 30.0  # seconds
JOBS_BETWEEN_CHECKS = 100


class Command(BaseCommand):
    help = "Run the background worker with its periodic jobs (digests, reminders)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--batch", action="store_true")
        parser.add_argument("--queue-name", default="*")
        parser.add_argument(
            "--no-periodic",
            action="store_true",
            help="do not enqueue the periodic jobs (another worker does, or a benchmark runs)",
        )

    def handle(
        self,
        *,
        interval: float,
        batch: bool,
        queue_name: str,
        no_periodic: bool,
        verbosity: int,
        **_,
    ):
        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=True,  # returns when the queue is empty, so housekeeping gets its turn
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=JOBS_BETWEEN_CHECKS,
            worker_id=new_worker_id(),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        last_housekeeping = 0.0
        while worker.running:
            if time.monotonic() - last_housekeeping >= HOUSEKEEPING_EVERY or batch:
                close_old_connections()
                requeued = requeue_orphaned_jobs()
                due = [] if no_periodic else enqueue_due_jobs()
                if verbosity > 1 and (requeued or due):
                    self.stdout.write(f"requeued {requeued}; enqueued {', '.join(due) or '-'}")
                last_housekeeping = time.monotonic()
            worker._run_tasks = 0
            worker.run()
            if batch and worker._run_tasks < JOBS_BETWEEN_CHECKS:
                return
            if worker._run_tasks == 0:
                time.sleep(interval)
