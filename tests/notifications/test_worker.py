"""The real worker, killed mid-way: every follower still gets exactly one notification and
exactly one e-mail. Runs on SQLite and PostgreSQL (the subprocess uses the test database)."""

import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from django.db import connection

from sotong.accounts.models import User
from sotong.notifications.models import Delivery, FanOut, Notification, Preference
from tests.activities.factories import ActivityFactory
from tests.factories import TopicFactory

FOLLOWERS = 2500
ROOT = Path(__file__).resolve().parents[2]
SEPARATOR = b"\n" + b"-" * 79 + b"\n"


def _worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "sotong_worker", "--interval", "0.1", "-v", "0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _run_and_kill(env, condition, what: str) -> None:
    worker = _worker(env)
    try:
        _wait_until(condition, 600, what)
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()


def _mailed_messages(mail_dir: Path) -> list[tuple[str, str]]:
    """(recipient, Message-ID) of every message the file backend wrote, one entry per message."""
    messages = []
    for path in mail_dir.glob("*.log"):
        for chunk in path.read_bytes().split(SEPARATOR):
            if chunk.strip():
                message = message_from_bytes(chunk.strip() + b"\n")
                messages.append((message["To"], message["Message-ID"]))
    return messages


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_resumes_and_nobody_gets_anything_twice(tmp_path, city, resident):
    from django.db import transaction

    from sotong.core.events import publish

    topic = TopicFactory(name="키즈", slug="kids-worker")
    users = User.objects.bulk_create(
        User(email=f"kid{n:05d}@example.kr", nickname=f"부모{n:05d}", password="!")
        for n in range(FOLLOWERS)
    )
    users = list(User.objects.filter(email__startswith="kid").order_by("pk"))
    User.interests.through.objects.bulk_create(
        User.interests.through(user_id=user.pk, topic_id=topic.pk) for user in users
    )
    Preference.objects.bulk_create(
        Preference(user=user, kind="activities.new", delivery=Delivery.IMMEDIATE) for user in users
    )
    activity = ActivityFactory(region=city, host=resident, topics=[topic])
    with transaction.atomic():
        publish("activity.published", activity_id=activity.pk)

    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    settings_dict = connection.settings_dict
    env = {
        **os.environ,
        "SOTONG_TESTING": "1",
        "DJANGO_SETTINGS_MODULE": "sotong.settings",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "NOTIFICATIONS_BATCH_SIZE": "100",
    }
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:"
            f"{settings_dict['PORT']}/{settings_dict['NAME']}"
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{settings_dict['NAME']}"

    emailed = Notification.objects.filter(emailed_at__isnull=False)
    fanning_out = FanOut.objects.filter(cursor__gt=0, finished_at__isnull=True)
    # First kill: in the middle of the fan-out; second: in the middle of the e-mails.
    _run_and_kill(env, lambda: fanning_out.exists(), "the fan-out to begin")
    assert not FanOut.objects.filter(finished_at__isnull=False).exists()
    assert Notification.objects.count() < FOLLOWERS
    _run_and_kill(env, lambda: emailed.count() >= 100, "the first e-mails")
    assert emailed.count() < FOLLOWERS, "the worker finished before it could be killed"

    last = _worker(env)
    try:
        _wait_until(
            lambda: (
                FanOut.objects.filter(finished_at__isnull=False).exists()
                and emailed.count() == FOLLOWERS
            ),
            900,  # generous: the machine running the tests may be busy
            "the restarted worker to finish",
        )
        time.sleep(1)  # let any duplicate job (there must be none) show itself
    finally:
        last.send_signal(signal.SIGTERM)
        try:
            last.wait(15)
        except subprocess.TimeoutExpired:
            last.kill()

    assert Notification.objects.count() == FOLLOWERS
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {
        user.pk for user in users
    }
    # Each follower got one e-mail: one Message-ID each. A kill in the instant between handing a
    # message to the mail server and recording it makes the retry hand it over again, with the
    # same Message-ID, which mail servers and clients show once; so at most one such repeat per
    # kill, and never a second, different e-mail.
    messages = _mailed_messages(mail_dir)
    message_ids = {address: set() for address in (user.email for user in users)}
    for address, identifier in messages:
        message_ids[address].add(identifier)
    assert all(len(identifiers) == 1 for identifiers in message_ids.values())
    assert len({identifier for _, identifier in messages}) == FOLLOWERS
    assert len(messages) <= FOLLOWERS + 2
