"""Rebuild the search index from the content: `manage.py sotong_reindex [--kind activity]`."""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from sotong.demo.progress import Progress
from sotong.search import analysis, registry, services


class Command(BaseCommand):
    help = "검색 색인을 처음부터 다시 만듭니다."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", help="이 종류만 (여러 번 쓸 수 있음)")
        parser.add_argument("--batch-size", type=int, default=500)

    def _write(self, message: str, ending: str = "\n") -> None:
        self.stdout.write(message, ending=ending)
        self.stdout.flush()

    def handle(self, *args, kind=None, batch_size=500, verbosity=1, **options):
        kinds = registry.kinds()
        if kind:
            unknown = set(kind) - {k.key for k in kinds}
            if unknown:
                raise CommandError(f"알 수 없는 종류: {', '.join(sorted(unknown))}")
            kinds = [k for k in kinds if k.key in kind]
        progress = Progress(self._write if verbosity else None, live=self.stdout.isatty())
        started = time.monotonic()
        # This process never forks: let Kiwi analyse each batch on every core.
        analysis.use_threads(os.cpu_count() or 1)
        analysis.analyser()
        progress.write(f"Analyser loaded in {time.monotonic() - started:.1f} s")
        total = 0
        for search_kind in kinds:
            count = search_kind.queryset().count()
            with progress.stage(search_kind.key, count) as stage:
                done = services.rebuild(search_kind, batch_size=batch_size, progress=stage)
                stage.created = done
            total += done
        elapsed = time.monotonic() - started
        progress.write(f"{total} documents indexed in {elapsed:.1f} s")
