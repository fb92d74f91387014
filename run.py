#!/usr/bin/env python3
"""Sotong's two commands, with nothing but Python ≥ 3.11 and pip.

    python3 run.py          # the demo city on http://127.0.0.1:8000 (SQLite in ./var)
    python3 run.py test     # the whole test suite, on SQLite and then PostgreSQL

The script makes a virtual environment in ./.venv, installs the locked dependencies into it
(again only when the lock files change) and then runs everything from there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
RUN_LOCK = ROOT / "requirements" / "run.txt"
TEST_LOCK = ROOT / "requirements" / "test.txt"
POSTGRES_URL = os.environ.get(
    "SOTONG_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
CHROMIUM = os.environ.get("SOTONG_CHROMIUM", "/usr/bin/chromium")


def say(message: str) -> None:
    print(f"[sotong] {message}", flush=True)


def run(*args: str | Path, env: dict[str, str] | None = None, check: bool = True) -> int:
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=False)
    if check and completed.returncode != 0:
        sys.exit(completed.returncode)
    return completed.returncode


def ensure_environment(with_tests: bool) -> None:
    # run.py is the first thing a person runs, on whatever python3 they have: say it plainly.
    if sys.version_info < (3, 11):  # noqa: UP036
        sys.exit("Sotong needs Python 3.11 or newer.")
    locks = [RUN_LOCK, TEST_LOCK] if with_tests else [RUN_LOCK]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in [*locks, ROOT / "pyproject.toml"]))
    stamp = VENV / f".installed-{'test' if with_tests else 'run'}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest() and PYTHON.exists():
        return
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv …")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("Installing the locked dependencies (first run only; takes a minute or two) …")
    requirement_args: list[str | Path] = []
    for lock in locks:
        requirement_args += ["-r", lock]
    run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", *requirement_args)
    run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-deps", "-e", ".")
    stamp.write_text(digest.hexdigest())


def manage(*args: str, env: dict[str, str]) -> None:
    run(PYTHON, "manage.py", *args, env=env)


# The Korean analyser (~330 MB) is loaded once in gunicorn's master and shared by the forked
# workers (copy-on-write) rather than loaded again by each.
GUNICORN_ENV = {"SOTONG_PRELOAD_ANALYSER": "1"}


def gunicorn_command(bind: str, workers: str, *, access_log: str) -> list[str]:
    """The production server as the run command starts it (the benchmark serves the same):
    its hooks in sotong.gunicorn_conf, the app loaded before the workers fork."""
    return [
        str(BIN / "gunicorn"),
        "sotong.wsgi",
        "--config",
        "python:sotong.gunicorn_conf",
        "--bind",
        bind,
        "--workers",
        workers,
        "--preload",
        "--access-logfile",
        access_log,
    ]


def serve() -> None:
    ensure_environment(with_tests=False)
    env = {**os.environ, "SOTONG_DEMO": "1", "DJANGO_SETTINGS_MODULE": "sotong.settings"}
    say("Preparing the database (SQLite in ./var) …")
    manage("migrate", "--noinput", "-v", "0", env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    manage("sotong_demo", env=env)
    manage("sotong_reindex", env=env)
    workers = os.environ.get("WEB_CONCURRENCY", "2")
    bind = os.environ.get("SOTONG_BIND", "127.0.0.1:8000")
    say(f"Sotong is running on http://{bind} — press Ctrl+C to stop ({workers} workers).")
    say("Demo log-in: admin@sotong.local / sotong-demo-1234 (more accounts in the README).")
    # The task worker (notifications, digests, reminders) runs beside gunicorn and stops with
    # it; Ctrl+C reaches both, as they share the terminal's process group.
    # (It loads the Korean analyser only if a job needs it, e.g. an archive record's key words.)
    worker = subprocess.Popen([str(PYTHON), "manage.py", "sotong_worker"], cwd=ROOT, env=env)
    server = subprocess.Popen(
        gunicorn_command(bind, workers, access_log="-"),
        cwd=ROOT,
        env={**env, **GUNICORN_ENV},
    )
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())  # a supervisor's stop
    status = 1
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = server.wait()
    finally:
        for process in (server, worker):
            if process.poll() is None:
                process.terminate()
        for process in (server, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    sys.exit(status)


def postgres_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=2):
            return True
    except OSError:
        return False


def ensure_chromium(required: bool) -> bool:
    if Path(CHROMIUM).exists():
        return True
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("Installing Debian's Chromium for the browser tests …")
        run(apt, "update", "-qq", check=False)
        run(
            apt,
            "install",
            "-y",
            "-qq",
            "chromium",
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            check=False,
        )
    if Path(CHROMIUM).exists():
        return True
    if required:
        sys.exit(f"Chromium is missing at {CHROMIUM} and could not be installed.")
    say(f"No Chromium at {CHROMIUM}: the browser tests are skipped (apt-get install chromium).")
    return False


def test(extra: list[str]) -> None:
    ensure_environment(with_tests=True)
    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    has_browser = ensure_chromium(required=in_ci)
    base_env = {
        **os.environ,
        "SOTONG_TESTING": "1",
        "DJANGO_SETTINGS_MODULE": "sotong.settings",
        "SOTONG_CHROMIUM": CHROMIUM,
        "SOTONG_BROWSER": "1" if has_browser else "0",
    }
    base_env.pop("DATABASE_URL", None)
    say("ruff: lint and format check …")
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")

    # Both cores: a file's tests stay on one worker, so its module fixtures are built once.
    workers = os.environ.get("SOTONG_TEST_WORKERS", str(min(os.cpu_count() or 1, 4)))
    parallel = ["-n", workers, "--dist", "loadfile"] if workers not in {"0", "1"} else []
    pytest_args = [PYTHON, "-m", "pytest", *parallel, *extra]
    say("Test pass 1/2: SQLite …")
    sqlite_status = run(*pytest_args, env={**base_env, "SOTONG_TEST_DB": "sqlite"}, check=False)

    if postgres_reachable():
        say("Test pass 2/2: PostgreSQL on 127.0.0.1:5432 …")
        pg_env = {**base_env, "DATABASE_URL": POSTGRES_URL, "SOTONG_TEST_DB": "postgresql"}
        postgres_status = run(*pytest_args, env=pg_env, check=False)
    elif in_ci:
        say("PostgreSQL is not reachable on 127.0.0.1:5432 — CI requires it.")
        postgres_status = 1
    else:
        say("PostgreSQL is not reachable on 127.0.0.1:5432: only the SQLite pass ran.")
        postgres_status = 0
    sys.exit(sqlite_status or postgres_status)


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "serve"
    if command in {"serve", "run"}:
        serve()
    elif command == "test":
        test(argv[1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
