#!/usr/bin/env python3
"""Fan-out benchmark: one new activity in a topic followed by N residents (100,000 by default).

    .venv/bin/python bench/fanout.py --db sqlite
    .venv/bin/python bench/fanout.py --db postgresql --followers 100000 --immediate

Makes a fresh database (SQLite file in bench/var, or the `sotong_bench_fanout` database on the
PostgreSQL server at SOTONG_BENCH_POSTGRES), inserts the followers with bulk inserts, publishes
the activity (which enqueues one fan-out job), then runs `manage.py sotong_worker --batch` and
reports that process's wall-clock seconds and peak memory (ru_maxrss of the worker alone).
With --immediate every follower wants e-mail at once, so the worker also sends N e-mails (file
backend, into bench/var/mail); without it they get the default (a daily digest), so the
figure is the fan-out alone.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = ROOT / ".venv" / "bin" / "python"
VAR = ROOT / "bench" / "var"
POSTGRES_SERVER = os.environ.get("SOTONG_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DATABASE = "sotong_bench_fanout"

SETUP = r"""
import sys
from django.db import transaction
from sotong.accounts.models import User
from sotong.core.events import publish
from sotong.notifications.models import Preference
from tests.activities.factories import ActivityFactory
from tests.factories import RegionFactory, TopicFactory

followers, immediate = int(sys.argv[2]), sys.argv[3] == "1"
city = RegionFactory()
topic = TopicFactory(name="키즈", slug="kids")
host = User.objects.create(email="host@bench.local", nickname="주최자", password="!")
batch = 10_000
for start in range(0, followers, batch):
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(email=f"f{n:06d}@bench.local", nickname=f"주민{n:06d}", password="!")
            for n in range(start, min(start + batch, followers))
        )
        emails = [u.email for u in users]
        ids = list(User.objects.filter(email__in=emails).values_list("pk", flat=True))
        User.interests.through.objects.bulk_create(
            User.interests.through(user_id=pk, topic_id=topic.pk) for pk in ids
        )
        if immediate:
            Preference.objects.bulk_create(
                Preference(user_id=pk, kind="activities.new", delivery="immediate") for pk in ids
            )
activity = ActivityFactory(region=city, host=host, topics=[topic], title="아이와 숲 놀이")
with transaction.atomic():
    publish("activity.published", activity_id=activity.pk)
print("ready", User.interests.through.objects.count())
"""

COUNT = r"""
from sotong.notifications.models import Notification
print(Notification.objects.count(), Notification.objects.filter(emailed_at__isnull=False).count())
"""


def run_python(env, code: str, *args: str) -> str:
    completed = subprocess.run(
        [str(PYTHON), "-c", "import django,sys;django.setup();exec(sys.argv[1])", code, *args],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        sys.exit(completed.stderr)
    return completed.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--followers", type=int, default=100_000)
    parser.add_argument("--immediate", action="store_true", help="every follower wants e-mail now")
    arguments = parser.parse_args()

    VAR.mkdir(parents=True, exist_ok=True)
    mail = VAR / "mail"
    shutil.rmtree(mail, ignore_errors=True)
    mail.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"SOTONG_TESTING", "DATABASE_URL"}}
    env.update(
        SOTONG_DEMO="1",
        DJANGO_SETTINGS_MODULE="sotong.settings",
        SOTONG_VAR_DIR=str(VAR),
        PYTHONPATH=str(ROOT),
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail),
    )
    if arguments.db == "sqlite":
        for path in VAR.glob("fanout.sqlite3*"):
            path.unlink()
        env["DATABASE_URL"] = f"sqlite:///{VAR / 'fanout.sqlite3'}"
    else:
        drop = f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)'
        create = f'CREATE DATABASE "{POSTGRES_DATABASE}"'
        for statement in (drop, create):
            subprocess.run(
                [
                    str(PYTHON),
                    "-c",
                    "import psycopg,sys\nwith psycopg.connect(sys.argv[1],autocommit=True) as c: "
                    "c.execute(sys.argv[2])",
                    f"{POSTGRES_SERVER}/postgres",
                    statement,
                ],
                check=True,
            )
        env["DATABASE_URL"] = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"

    print(f"[fanout] {arguments.db}: migrating …", flush=True)
    subprocess.run([str(PYTHON), "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    print(f"[fanout] inserting {arguments.followers:,} followers …", flush=True)
    started = time.monotonic()
    run_python(env, SETUP, str(arguments.followers), "1" if arguments.immediate else "0")
    print(f"[fanout] inserted in {time.monotonic() - started:.1f} s; running the worker …")

    started = time.monotonic()
    worker = subprocess.Popen(
        [str(PYTHON), "manage.py", "sotong_worker", "--batch", "--no-periodic", "-v", "0"],
        cwd=ROOT,
        env=env,
    )
    _pid, status, usage = os.wait4(worker.pid, 0)
    seconds = time.monotonic() - started
    if status != 0:
        sys.exit(f"worker failed with status {status}")
    notifications, emailed = map(int, run_python(env, COUNT).split())
    peak_mb = usage.ru_maxrss / 1024
    print(
        f"[fanout] {arguments.db}, {arguments.followers:,} followers"
        f"{', immediate e-mail' if arguments.immediate else ''}: worker {seconds:.1f} s wall, "
        f"{usage.ru_utime + usage.ru_stime:.1f} s CPU, peak RSS {peak_mb:.0f} MB; "
        f"{notifications:,} notifications, {emailed:,} e-mailed"
    )


if __name__ == "__main__":
    main()
