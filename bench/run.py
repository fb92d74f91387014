#!/usr/bin/env python3
"""Sotong's benchmark: a generated city, the production server, wrk, one table.

    python3 bench/run.py --db postgresql --scale city [--concurrency 1,8,32] [--duration 10s]

1. Makes its own database (SQLite in var/bench/, or the PostgreSQL database `sotong_bench`
   on 127.0.0.1), migrates it and seeds it at the scale (`manage.py sotong_seed`; nothing to
   do when it is already there, a fresh database when it holds another scale).
   When the search index holds fewer documents than there are findable things, it rebuilds
   it (`manage.py sotong_reindex`, as the run command does) and reports the indexing rate.
2. Starts Sotong as `python3 run.py` does: gunicorn sotong.wsgi, 2 workers (preloaded when
   run.py preloads), SOTONG_DEMO=1, static files collected, and the task worker beside it
   (`manage.py sotong_worker`, without its periodic jobs); only on 127.0.0.1.
   With `--page-cache both` (the default) it measures twice: as the run command serves
   (anonymous pages and API answers cached for 30 s), then with that cache off
   (SOTONG_PAGE_CACHE_SECONDS=0) for the pages the cache serves, so the table shows what a
   page costs when it is drawn, not only when it is copied.
3. Logs the demo resident in for the logged-in pages (the session cookie goes to wrk).
4. Drives each page with wrk (installed from Debian's packages if missing) at each
   concurrency for a fixed time, after a short warm-up; /healthz, a view that does nothing,
   is measured before and after the pages as the floor. Between runs it waits until the
   workers have worked off what wrk left queued, so one page's backlog never counts for
   the next.
5. Sums the proportional set size (PSS) of all server processes (the task worker included)
   after each run.
6. Writes bench/results/<date>-<db>-<scale>.json and .md: each page's requests/s and
   p50/p95/p99, and its ratio to the floor; pages that miss the targets are marked.

Only the standard library is used here; Django work runs in the project's .venv.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import run as run_command  # noqa: E402 - the run command's own server line (stdlib only)

BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
VAR = ROOT / "var" / "bench"
PYTHON = ROOT / ".venv" / "bin" / "python"
REPORT_LUA = BENCH / "wrk" / "report.lua"
POSTGRES_SERVER = os.environ.get("SOTONG_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DATABASE = "sotong_bench"
WORKERS = 2
WARM_UP_SECONDS = 2
OTHER_SCALE_STATUS = 3  # sotong_seed: the database holds a city of another scale
# The targets of issue 7: p95 within 4× the floor's, throughput at least a quarter of it.
P95_LIMIT = 4.0
THROUGHPUT_FLOOR = 0.25
MEMORY_LIMIT_MB = 1024
CACHE_SECONDS = 30  # the run command's SOTONG_PAGE_CACHE_SECONDS (settings.py's default)


def say(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def seconds(text: str) -> int:
    match = re.fullmatch(r"(\d+)\s*(s|m)?", text.strip())
    if not match:
        raise argparse.ArgumentTypeError("durations look like 10s or 1m")
    value = int(match.group(1))
    return value * 60 if match.group(2) == "m" else value


def concurrency_list(text: str) -> list[int]:
    try:
        levels = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("concurrency looks like 1,8,32") from None
    if not levels or any(level < 1 or level > 256 for level in levels):
        raise argparse.ArgumentTypeError("each concurrency must be between 1 and 256")
    return levels


# --- setting up ---------------------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        say("Installing wrk from Debian's packages …")
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([apt, "update", "-qq"], check=False, env=quiet)
        subprocess.run([apt, "install", "-y", "-qq", "wrk"], check=False, env=quiet)
    found = shutil.which("wrk")
    if not found:
        sys.exit("wrk is missing and could not be installed (apt-get install wrk).")
    return found


def database_url(db: str, scale: str) -> str:
    if db == "sqlite":
        return f"sqlite:///{VAR / f'sotong-{scale}.sqlite3'}"
    return f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"


def server_env(db: str, scale: str) -> dict[str, str]:
    return server_env_for(database_url(db, scale))


def server_env_for(database_url: str) -> dict[str, str]:
    """The benchmark server's environment against that database (bench/scale.py uses it too)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SOTONG_TESTING", "DEBUG", "DATABASE_URL"}
    }
    env.update(
        SOTONG_DEMO="1",
        DJANGO_SETTINGS_MODULE="sotong.settings",
        SOTONG_VAR_DIR=str(VAR),
        DATABASE_URL=database_url,
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env: dict[str, str], *args: str, check: bool = True) -> int:
    completed = subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=False)
    if check and completed.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed ({completed.returncode})")
    return completed.returncode


def postgres(env: dict[str, str], statement: str) -> None:
    """Runs one statement on the server's `postgres` database (to create or drop ours)."""
    code = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
        "    c.execute(sys.argv[2])\n"
    )
    subprocess.run(
        [str(PYTHON), "-c", code, f"{POSTGRES_SERVER}/postgres", statement], env=env, check=True
    )


def fresh_database(db: str, scale: str, env: dict[str, str]) -> None:
    if db == "sqlite":
        for path in VAR.glob(f"sotong-{scale}.sqlite3*"):
            path.unlink()
    else:
        postgres(env, f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')
        postgres(env, f'CREATE DATABASE "{POSTGRES_DATABASE}"')


def read_targets(env: dict[str, str]) -> dict:
    """The pages to drive, with ids from the seeded database (bench/targets.py), once the
    static files the pages name are collected."""
    manage(env, "collectstatic", "--noinput", "-v", "0")
    targets = subprocess.run(
        [str(PYTHON), str(BENCH / "targets.py")],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(targets)


def ensure_database(db: str, scale: str, seed: int, env: dict[str, str]) -> dict:
    VAR.mkdir(parents=True, exist_ok=True)
    if db == "postgresql":
        code = (
            "import psycopg, sys\n"
            "with psycopg.connect(sys.argv[1], autocommit=True) as c:\n"
            "    print(bool(c.execute('SELECT 1 FROM pg_database WHERE datname = %s',"
            " [sys.argv[2]]).fetchone()))\n"
        )
        exists = subprocess.run(
            [str(PYTHON), "-c", code, f"{POSTGRES_SERVER}/postgres", POSTGRES_DATABASE],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        if exists != "True":
            postgres(env, f'CREATE DATABASE "{POSTGRES_DATABASE}"')
    say(f"Database: {env['DATABASE_URL']}")
    manage(env, "migrate", "--noinput", "-v", "0")
    started = time.perf_counter()
    status = manage(env, "sotong_seed", "--scale", scale, "--seed", str(seed), check=False)
    if status == OTHER_SCALE_STATUS:
        say(f"The database holds another scale: starting a fresh one for {scale}.")
        fresh_database(db, scale, env)
        manage(env, "migrate", "--noinput", "-v", "0")
        status = manage(env, "sotong_seed", "--scale", scale, "--seed", str(seed), check=False)
    if status != 0:
        sys.exit(f"sotong_seed failed ({status})")
    seeded_in = time.perf_counter() - started
    found = read_targets(env)
    found["seed_seconds"] = round(seeded_in, 1)
    index = found.get("search")
    if index and index["documents"] < index["findable"]:
        say(f"Search index: {index['documents']:,} of {index['findable']:,} — rebuilding it …")
        started = time.perf_counter()
        manage(env, "sotong_reindex")
        took = time.perf_counter() - started
        found["reindex"] = {
            "documents": index["findable"],
            "seconds": round(took, 1),
            "documents_per_second": round(index["findable"] / took, 1),
            "load_after": round(os.getloadavg()[0], 2),
        }
        if "search_documents" in found.get("rows", {}):  # counted before the rebuild
            found["rows"]["search_documents"] = index["findable"]
    return found


# --- the server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_command_preloads() -> bool:
    """Whether `python3 run.py` loads the app (and the Korean analyser) in gunicorn's master
    before forking; the benchmark serves exactly as it does."""
    return "--preload" in run_command.gunicorn_command("127.0.0.1:0", "1", access_log="-")


def task_worker_command() -> list[str] | None:
    """The background worker `python3 run.py` starts beside gunicorn, if the project has one."""
    if list((ROOT / "src" / "sotong").glob("*/management/commands/sotong_worker.py")):
        # no periodic jobs: digests and reminders would fire at random moments of a run
        return [str(PYTHON), "manage.py", "sotong_worker", "--no-periodic"]
    return None


def start_task_worker(env: dict[str, str]) -> subprocess.Popen | None:
    command = task_worker_command()
    if command is None:
        return None
    log = open(VAR / "worker.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    """gunicorn as `python3 run.py` starts it; `env` decides the page cache of this pass."""
    log = open(VAR / "server.log", "w")  # noqa: SIM115 - closed with the process
    # As `python3 run.py` serves, with its access log (here to a file) and its environment.
    command = run_command.gunicorn_command(
        f"127.0.0.1:{port}", str(WORKERS), access_log=str(VAR / "access.log")
    )
    env = {**env, **run_command.GUNICORN_ENV}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn stopped at start; see {VAR / 'server.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    sys.exit("gunicorn did not answer /healthz within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def server_processes(master: int) -> list[int]:
    pids = [master]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(entry.name))
    return pids


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def server_memory(master: int, task_worker: int | None = None) -> dict:
    pids = server_processes(master)
    if task_worker is not None:
        pids += server_processes(task_worker)
    per_process = {pid: pss_kib(pid) for pid in pids}
    return {
        "processes": len(pids),
        "pss_mb": round(sum(per_process.values()) / 1024, 1),
        "pss_mb_by_process": {str(pid): round(kib / 1024, 1) for pid, kib in per_process.items()},
    }


# --- logging in ---------------------------------------------------------------------------


def log_in(base: str, email: str, password: str) -> str:
    """Logs in through the real form; returns the Cookie header for wrk."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if token is None:
        sys.exit("No CSRF token on the login page.")
    form = urllib.parse.urlencode(
        {"login": email, "password": password, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=form, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(request, timeout=60).read()
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        sys.exit(f"Logging in as {email} failed: no session cookie.")
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def fetch_status(url: str, cookie: str | None) -> tuple[int, int]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, len(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


# --- load ---------------------------------------------------------------------------------


def settle(base: str) -> float:
    """Waits until the server has answered what wrk left queued (sync workers serve in order).

    wrk stops at the end of its run, but requests it already sent stay in the workers' queue;
    without this, a slow page's backlog would be charged to the next page.
    """
    started = time.perf_counter()
    with urllib.request.urlopen(f"{base}/healthz", timeout=600) as answer:
        answer.read()
    return time.perf_counter() - started


def run_wrk(
    wrk: str,
    url: str,
    connections: int,
    duration: int,
    cookie: str | None,
    paths: list[str] | None = None,
) -> dict:
    """`paths`, when given, are asked in turn (report.lua rotates them) on `url`'s server."""
    command = [
        wrk,
        "-t1",  # one load thread: wrk outpaces Django many times over, and the CPUs are shared
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(REPORT_LUA),
    ]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    rotation = ["--", *paths] if paths else []
    output = subprocess.run(
        [*command, url, *rotation],
        check=True,
        capture_output=True,
        text=True,
        timeout=duration + 120,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRKJSON "))
    raw = json.loads(line.removeprefix("WRKJSON "))
    latency = raw["latency_us"]
    errors = sum(raw["errors"].values())
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(latency["p50"] / 1000, 2),
        "p75_ms": round(latency["p75"] / 1000, 2),
        "p90_ms": round(latency["p90"] / 1000, 2),
        "p95_ms": round(latency["p95"] / 1000, 2),
        "p99_ms": round(latency["p99"] / 1000, 2),
        "max_ms": round(latency["max"] / 1000, 2),
        "errors": errors,
        "error_detail": raw["errors"],
        "bytes_per_request": round(raw["bytes"] / raw["requests"]) if raw["requests"] else 0,
    }


def judge(page: dict, floor: dict) -> dict:
    if not page["requests"]:
        # Not one answer within the run: no latency to compare, a miss on every count.
        return {"p95_ratio": None, "rps_ratio": 0.0, "meets_targets": False,
                "misses": ["no answer within the run"]}  # fmt: skip
    p95_ratio = page["p95_ms"] / floor["p95_ms"] if floor["p95_ms"] else None
    rps_ratio = page["rps"] / floor["rps"] if floor["rps"] else None
    misses = []
    if p95_ratio is not None and p95_ratio > P95_LIMIT:
        misses.append("p95")
    if rps_ratio is not None and rps_ratio < THROUGHPUT_FLOOR:
        misses.append("throughput")
    if page["errors"]:
        misses.append("errors")
    return {
        "p95_ratio": round(p95_ratio, 2) if p95_ratio is not None else None,
        "rps_ratio": round(rps_ratio, 3) if rps_ratio is not None else None,
        "meets_targets": not misses,
        "misses": misses,
    }


def average_floor(before: dict, after: dict) -> dict:
    floor = {
        key: round((before[key] + after[key]) / 2, 2)
        for key in ("rps", "p50_ms", "p95_ms", "p99_ms")
    }
    floor["errors"] = before["errors"] + after["errors"]
    return floor


# --- results ------------------------------------------------------------------------------


def git_commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return completed.stdout.strip() or "unknown"


PASS_TITLES = {
    True: "as the run command serves (anonymous pages and API answers cached for {seconds} s)",
    False: "page cache off (SOTONG_PAGE_CACHE_SECONDS=0): anonymous pages and API answers drawn "
    "for every request",
}


def _level_table(level: dict) -> list[str]:
    floor = level["floor"]
    lines = [
        f"Floor (/healthz): {floor['rps']:.0f} req/s, p50 {floor['p50_ms']:.1f} ms, "
        f"p95 {floor['p95_ms']:.1f} ms, p99 {floor['p99_ms']:.1f} ms "
        f"(before {level['floor_before']['rps']:.0f} req/s, after "
        f"{level['floor_after']['rps']:.0f} req/s).",
        "",
        "| page | req/s | p50 ms | p95 ms | p99 ms | p95 ÷ floor | req/s ÷ floor | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for page in level["pages"]:
        verdict = "✓" if page["meets_targets"] else "✗ " + ", ".join(page["misses"])
        if page.get("informative"):
            verdict = "(for comparison)"
        if not page["requests"]:
            lines.append(f"| {page['name']} | 0 | – | – | – | – | 0 | {verdict} |")
            continue
        lines.append(
            f"| {page['name']} | {page['rps']:.1f} | {page['p50_ms']:.1f} | "
            f"{page['p95_ms']:.1f} | {page['p99_ms']:.1f} | {page['p95_ratio']:.1f}× | "
            f"{page['rps_ratio']:.2f} | {verdict} |"
        )
    lines.append("")
    return lines


def markdown(result: dict) -> str:
    meta = result["meta"]
    rows = meta["rows"]
    lines = [
        f"# Sotong benchmark — {meta['db']}, {meta['scale']} scale, {meta['date']}",
        "",
        f"Commit `{meta['commit']}` · gunicorn sotong.wsgi, {WORKERS} workers"
        + (" (--preload)" if meta.get("preload") else "")
        + " · "
        f"wrk, 1 thread, {meta['duration_s']} s per page and concurrency after a "
        f"{WARM_UP_SECONDS} s warm-up · {meta['cpus']} CPUs, load average "
        f"{meta['load_before']} before and {meta['load_after']} after (the machine is "
        "shared with other work: compare ratios, not absolute times).",
        "",
        f"Data: {rows['residents']:,} people, {rows['organizations']:,} organisations, "
        f"{rows['activities']:,} activities, {rows['rsvps']:,} sign-ups, "
        f"{rows['reviews']:,} reviews"
        + "".join(
            f", {rows[key]:,} {label}"
            for key, label in (
                ("proposals", "proposals"),
                ("supports", "supports"),
                ("records", "meeting records"),
                ("follows", "follows"),
                ("notifications", "notifications"),
                ("search_documents", "search documents"),
            )
            if rows.get(key)
        )
        + ".",
        "",
    ]
    reindex = meta.get("reindex")
    if reindex:
        lines += [
            f"Search index rebuilt for this run (`manage.py sotong_reindex`): "
            f"{reindex['documents']:,} documents in {reindex['seconds']:.0f} s, "
            f"{reindex['documents_per_second']:.0f} documents/s (load average "
            f"{reindex['load_after']} after).",
            "",
        ]
    lines += [
        f"Targets: p95 ≤ {P95_LIMIT:g}× the floor's, throughput ≥ {THROUGHPUT_FLOOR:g}× the "
        "floor's (/healthz in the same run, averaged over its runs before and after the "
        "pages). ✗ marks a miss.",
        "",
    ]
    for run in result["passes"]:
        cached = run["page_cache_seconds"] > 0
        lines += [
            f"## {'Cached' if cached else 'Drawn'}: "
            + PASS_TITLES[cached].format(seconds=run["page_cache_seconds"]),
            "",
        ]
        for level in run["levels"]:
            lines += [f"### Concurrency {level['concurrency']}", "", *_level_table(level)]
    memory = result["memory"]
    verdict = "✓" if memory["max_pss_mb"] <= MEMORY_LIMIT_MB else "✗"
    worker = meta.get("task_worker")
    lines += [
        "## Memory",
        "",
        f"Whole server (gunicorn master + {WORKERS} workers"
        + (f" + the task worker, `{worker}`" if worker else "")
        + f", {memory['processes']} processes), sum of PSS: {memory['max_pss_mb']:.0f} MB at "
        f"most, {memory['final_pss_mb']:.0f} MB at the end (target < {MEMORY_LIMIT_MB} MB: "
        f"{verdict}" + ("" if worker else "; the project has no task worker yet") + ").",
        "",
    ]
    if result["pending"]:
        lines += ["## Pending", "", "Not built yet (404), so not measured:", ""]
        lines += [f"- {name} (`{path}`)" for name, path in result["pending"]]
        lines.append("")
    return "\n".join(lines)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--scale", choices=["tiny", "small", "city", "metro"], default="city")
    parser.add_argument("--seed", type=int, default=20250417)
    parser.add_argument("--concurrency", type=concurrency_list, default=[1, 8, 32])
    parser.add_argument("--duration", type=seconds, default=10, help="per page and level: 10s")
    parser.add_argument("--pages", default="", help="only pages whose name contains this")
    parser.add_argument(
        "--page-cache",
        choices=["both", "on", "off"],
        default="both",
        help="measure as the run command serves (on), with the anonymous page cache off "
        "(off), or both in one run (the default)",
    )
    arguments = parser.parse_args()
    if arguments.duration > 300:
        parser.error("--duration is at most 5m")

    wrk = ensure_wrk()
    env = server_env(arguments.db, arguments.scale)
    found = ensure_database(arguments.db, arguments.scale, arguments.seed, env)
    load_before = os.getloadavg()[0]
    # A TERM (from timeout or a CI runner) stops the server too, as Ctrl+C does.
    signal.signal(signal.SIGTERM, _interrupt)
    modes = {"both": [True, False], "on": [True], "off": [False]}[arguments.page_cache]
    passes, memory, pending = [], None, []
    for cached in modes:
        seconds_cached = CACHE_SECONDS if cached else 0
        pass_env = {**env, "SOTONG_PAGE_CACHE_SECONDS": str(seconds_cached)}
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        say(
            f"Starting gunicorn ({WORKERS} workers) on {base}, page cache "
            + (f"{seconds_cached} s" if cached else "off")
            + " …"
        )
        server = start_server(pass_env, port)
        task_worker = start_task_worker(pass_env)
        if task_worker is not None:
            say("Started the task worker beside it, as python3 run.py does.")
        try:
            # The second pass measures only what the cache changes: anonymous pages.
            only_cacheable = cached is False and len(modes) > 1
            levels, pass_memory, pending = measure(
                arguments, wrk, base, server, found, task_worker, only_cacheable
            )
        finally:
            stop_server(server)
            if task_worker is not None:
                stop_server(task_worker)
        passes.append({"page_cache_seconds": seconds_cached, "levels": levels})
        if memory is None or pass_memory["max_pss_mb"] > memory["max_pss_mb"]:
            memory = pass_memory
    result = {
        "meta": {
            "date": datetime.now().strftime("%Y-%m-%d"),
            "time": datetime.now().isoformat(timespec="seconds"),
            "commit": git_commit(),
            "db": arguments.db,
            "scale": arguments.scale,
            "seed": arguments.seed,
            "seed_seconds": found["seed_seconds"],
            "reindex": found.get("reindex"),
            "duration_s": arguments.duration,
            "warm_up_s": WARM_UP_SECONDS,
            "workers": WORKERS,
            "preload": run_command_preloads(),
            "task_worker": " ".join(task_worker_command()[1:]) if task_worker_command() else None,
            "cpus": os.cpu_count(),
            "rows": found["rows"],
            "load_before": round(load_before, 2),
            "load_after": round(os.getloadavg()[0], 2),
        },
        "targets": {
            "p95_ratio_max": P95_LIMIT,
            "throughput_ratio_min": THROUGHPUT_FLOOR,
            "memory_mb_max": MEMORY_LIMIT_MB,
        },
        "passes": passes,
        "memory": memory,
        "pending": pending,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = RESULTS / f"{result['meta']['date']}-{arguments.db}-{arguments.scale}"
    stem.with_suffix(".json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    stem.with_suffix(".md").write_text(markdown(result))
    say(f"Wrote {stem}.md and .json")
    print(markdown(result))


def measure(
    arguments,
    wrk: str,
    base: str,
    server: subprocess.Popen,
    found: dict,
    task_worker: subprocess.Popen | None = None,
    only_cacheable: bool = False,
) -> tuple[list[dict], dict, list]:
    """Every page at every concurrency against one running server: the levels, the memory
    and the pages not built yet. `only_cacheable` keeps the anonymous pages (and the floor)."""
    worker_pid = task_worker.pid if task_worker is not None else None
    login = found["login"]
    cookie = log_in(base, login["email"], login["password"])
    pages, pending = [], []
    for page in found["pages"]:
        page_cookie = cookie if page["logged_in"] else None
        status, size = fetch_status(base + page["path"], page_cookie)
        if status == 404 and page["optional"]:
            pending.append((page["name"], page["path"]))
            continue
        for path in [page["path"], *page.get("paths", [])]:
            status = fetch_status(base + path, page_cookie)[0] if path != page["path"] else status
            if status != 200:
                sys.exit(f"{page['name']} ({path}) answered {status}")
        if page["path"] == "/healthz":
            pages.append({**page, "size": size})
            continue
        if arguments.pages and arguments.pages not in page["name"]:
            continue
        if only_cacheable and page["logged_in"]:
            continue
        pages.append({**page, "size": size})
    floor_page = next(page for page in pages if page["path"] == "/healthz")
    measured = [page for page in pages if page is not floor_page]
    memory_peak, levels = 0.0, []
    for connections in arguments.concurrency:
        say(f"Concurrency {connections}: floor, {len(measured)} pages, floor again …")

        def drive(page: dict, connections: int = connections) -> dict:
            url = base + page["path"]
            page_cookie = cookie if page["logged_in"] else None
            paths = page.get("paths")
            run_wrk(wrk, url, connections, WARM_UP_SECONDS, page_cookie, paths)
            settle(base)
            figures = run_wrk(wrk, url, connections, arguments.duration, page_cookie, paths)
            figures["backlog_s"] = round(settle(base), 2)
            return figures

        floor_before = drive(floor_page)
        results = []
        for page in measured:
            figures = drive(page)
            memory_peak = max(memory_peak, server_memory(server.pid, worker_pid)["pss_mb"])
            results.append(
                {
                    "name": page["name"],
                    "path": page["path"],
                    "informative": page.get("informative", False),
                    **figures,
                }
            )
            say(
                f"  {page['name']}: {figures['rps']:.1f} req/s, p95 {figures['p95_ms']:.1f} ms"
                + (f", {figures['errors']} errors" if figures["errors"] else "")
            )
        floor_after = drive(floor_page)
        floor = average_floor(floor_before, floor_after)
        levels.append(
            {
                "concurrency": connections,
                "floor": floor,
                "floor_before": floor_before,
                "floor_after": floor_after,
                "pages": [{**page, **judge(page, floor)} for page in results],
            }
        )
    final = server_memory(server.pid, worker_pid)
    memory = {
        "processes": final["processes"],
        "max_pss_mb": max(memory_peak, final["pss_mb"]),
        "final_pss_mb": final["pss_mb"],
        "by_process": final["pss_mb_by_process"],
    }
    return levels, memory, pending


if __name__ == "__main__":
    main()
