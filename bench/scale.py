"""Does a page cost the same whatever the amount of data? Draws every benchmark page in-process
(Django's test client: no HTTP, no page cache; fragment caches warm, as on a running server)
against two seeded databases, and prints each page's SQL queries and median time on both.

    .venv/bin/python bench/scale.py postgres://postgres@127.0.0.1:5432/sotong_bench \\
        postgres://postgres@127.0.0.1:5432/sotong_metro

Each database is measured by a child process of its own (settings are read once per process);
the pages and their ids come from bench/targets.py, per database, so "the busiest organisation"
is the busiest of that city. Writes nothing: the table goes to standard output.
"""

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# bench/run.py, loaded by its path: its name would clash with the run command's run.py.
_spec = importlib.util.spec_from_file_location("sotong_benchmark", BENCH / "run.py")
benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(benchmark)


def child_env(database_url: str) -> dict[str, str]:
    """The benchmark server's environment, with the anonymous page cache off."""
    return {**benchmark.server_env_for(database_url), "SOTONG_PAGE_CACHE_SECONDS": "0"}


def measure(rounds: int) -> None:
    """In the child: every page, `rounds` times after two warm-ups; prints JSON."""
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    targets = json.loads(sys.stdin.read())
    anonymous = Client(SERVER_NAME="127.0.0.1")
    resident = Client(SERVER_NAME="127.0.0.1")
    resident.force_login(get_user_model().objects.get(email=targets["login"]["email"]))
    found = {}
    for page in targets["pages"]:
        client = resident if page["logged_in"] else anonymous
        paths = page.get("paths") or [page["path"]]
        if client.get(paths[0]).status_code == 404 and page["optional"]:
            continue
        for path in paths:
            client.get(path)
        times, queries = [], []
        for _ in range(rounds):
            for path in paths:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    sys.exit(f"{path}: {response.status_code}")
                queries.append(len(captured))
        found[page["name"]] = {
            "ms": round(statistics.median(times), 2),
            "queries": max(queries),
            "bytes": len(response.content),
        }
    print(json.dumps({"rows": targets["rows"], "pages": found}, ensure_ascii=False))


def run_for(database_url: str, rounds: int) -> dict:
    env = child_env(database_url)
    targets = benchmark.read_targets(env)
    measured = subprocess.run(
        [str(benchmark.PYTHON), __file__, "--measure", "--rounds", str(rounds)],
        cwd=ROOT,
        env=env,
        input=json.dumps(targets),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(measured)


def page_type(name: str) -> str:
    """ "organisation page (119 members)" and "(812 members)" are the same page."""
    return name.split(" (")[0] if name.endswith(")") and "(" in name else name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("smaller", nargs="?", help="DATABASE_URL of the smaller city")
    parser.add_argument("larger", nargs="?", help="DATABASE_URL of the larger city")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--skip", default="", help="leave out pages whose name contains this (e.g. search)"
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.measure:
        measure(arguments.rounds)
        return
    if not (arguments.smaller and arguments.larger):
        parser.error("two DATABASE_URLs: the smaller city, then the larger")
    small = run_for(arguments.smaller, arguments.rounds)
    large = run_for(arguments.larger, arguments.rounds)
    print(
        f"Rows: activities {small['rows']['activities']:,} → {large['rows']['activities']:,}, "
        f"sign-ups {small['rows']['rsvps']:,} → {large['rows']['rsvps']:,}, "
        f"people {small['rows']['residents']:,} → {large['rows']['residents']:,}, "
        f"search documents {small['rows'].get('search_documents', 0):,} → "
        f"{large['rows'].get('search_documents', 0):,}\n"
    )
    print("| page | queries | ms, smaller | ms, larger | larger ÷ smaller |")
    print("| --- | ---: | ---: | ---: | ---: |")
    larger_pages = {page_type(name): figures for name, figures in large["pages"].items()}
    for name, figures in small["pages"].items():
        other = larger_pages.get(page_type(name))
        if other is None or (arguments.skip and arguments.skip in name):
            continue
        queries = str(figures["queries"])
        if other["queries"] != figures["queries"]:
            queries = f"{figures['queries']} → {other['queries']}"
        print(
            f"| {page_type(name)} | {queries} | {figures['ms']:.1f} | {other['ms']:.1f} | "
            f"{other['ms'] / figures['ms']:.2f} |"
        )


if __name__ == "__main__":
    main()
