"""The run command's server: gunicorn as `python3 run.py` starts it, stopped as Ctrl+C stops it."""

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_module():
    spec = importlib.util.spec_from_file_location("run_command", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_pids(master: int) -> set[int]:
    """The master and every process it forked (by parent id), alive now."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(entry.name) == master or int(fields[1]) == master:
                found.add(int(entry.name))
    return found


def test_the_server_with_the_preloaded_analyser_stops_at_once_and_frees_its_port(tmp_path):
    """Workers forked after Kiwi was loaded used to hang on exit until the master killed them
    30 s later, or stayed behind holding the port when the master was stopped first."""
    run = run_module()
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SOTONG_TESTING"}},
        "SOTONG_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "sotong.settings",
        "SOTONG_VAR_DIR": str(tmp_path),
        **run.GUNICORN_ENV,
    }
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        run.gunicorn_command(f"127.0.0.1:{port}", "2", access_log="-"),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, (tmp_path / "server.log").read_text()
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                    assert r.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 90 s"
                time.sleep(0.5)
        workers = server_pids(server.pid) - {server.pid}
        assert len(workers) == 2
        stopped_at = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=25)
        took = time.monotonic() - stopped_at
        for _ in range(50):
            if not any(Path(f"/proc/{pid}").exists() for pid in workers):
                break
            time.sleep(0.1)
        left = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
        assert left == [], f"workers {left} outlived the master"
        assert took < 10, f"stopping took {took:.1f} s"
        with socket.socket() as probe:
            # As a restarted server binds (connections of the test may linger in TIME_WAIT):
            # this fails only while some process still listens on the port.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(("127.0.0.1", port))
            probe.listen()
    finally:
        for pid in server_pids(server.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        log.close()
