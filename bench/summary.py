#!/usr/bin/env python3
"""One table from a benchmark result: each page as served (page cache on) and as drawn (off),
side by side, for the README.

    python3 bench/summary.py bench/results/2026-12-04-postgresql-city.json
"""

import json
import sys
from pathlib import Path


def by_name(level: dict) -> dict[str, dict]:
    return {page["name"]: page for page in level["pages"]}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    result = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    passes = {bool(found["page_cache_seconds"]): found["levels"] for found in result["passes"]}
    served, drawn = passes.get(True, []), passes.get(False, [])
    if not served:
        sys.exit("this result has no pass with the page cache on")
    top = served[-1]
    drawn_by_level = {level["concurrency"]: by_name(level) for level in drawn}
    first = served[0]
    print(
        f"Floor (/healthz): p50 {first['floor']['p50_ms']:.1f} ms, p95 "
        f"{first['floor']['p95_ms']:.1f} ms at {first['concurrency']} connection(s); "
        f"{top['floor']['rps']:.0f} req/s at {top['concurrency']}.\n"
    )
    low, high = first["concurrency"], top["concurrency"]
    print(
        f"| page | served: p95 ms ({low}) | served: req/s ({high}) | served: p95 ÷ floor "
        f"({high}) | drawn: p50 / p95 ms ({low}) | drawn: req/s ({high}) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    first_pages = by_name(first)
    for page in top["pages"]:
        name = page["name"]
        mark = "" if page["meets_targets"] or page.get("informative") else " ✗"
        cells = [
            f"{first_pages[name]['p95_ms']:.1f}" if name in first_pages else "",
            f"{page['rps']:.0f}",
            f"{page['p95_ratio']:.1f}×{mark}",
        ]
        # Pages the page cache never serves (logged in) are measured once: served is drawn.
        once = drawn_by_level.get(low, {}).get(name) or first_pages.get(name)
        many = drawn_by_level.get(high, {}).get(name) or page
        cells.append(f"{once['p50_ms']:.1f} / {once['p95_ms']:.1f}" if once else "")
        cells.append(f"{many['rps']:.0f}")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
