"""Recomputes the key words of every meeting record and document (TF-IDF over the whole
archive), with a progress bar."""

from django.core.management.base import BaseCommand

from sotong.archive import keywords
from sotong.archive.models import Document, MeetingRecord

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Recompute the archive's key words (핵심 키워드) for every record and document."

    def handle(self, *args, **options):
        total = MeetingRecord.objects.count() + Document.objects.count()
        live = self.stdout.isatty()
        done = 0

        def advance() -> None:
            nonlocal done
            done += 1
            if live or done == total:
                filled = BAR_WIDTH * done // max(total, 1)
                bar = "#" * filled + "-" * (BAR_WIDTH - filled)
                ending = "" if live and done < total else "\n"
                self.stdout.write(f"\r  key words [{bar}] {done}/{total}", ending=ending)

        analysed = keywords.refresh_all(progress=advance)
        self.stdout.write(f"{analysed} records and documents analysed.")
