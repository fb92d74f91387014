"""Fill the demo city (남원시, part of 제주시): regions, topics, organisations, residents.

Safe to run at every start: it adds only what is missing and is quick when all is there.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sotong.demo.people import ACCOUNTS, DEMO_PASSWORD
from sotong.demo.progress import Progress
from sotong.demo.seed import seed_demo


class Command(BaseCommand):
    help = (
        "Fill the demo city (남원시 and part of 제주시) with regions, topics, organisations and "
        "residents. Adds only what is missing, so it can run at every start."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Fill the demo city even outside the demo (SOTONG_DEMO), DEBUG or the tests.",
        )

    def handle(self, *args, **options) -> None:
        if not (options["force"] or _demo_allowed()):
            # The demo accounts have a published password: never on a real installation.
            raise CommandError(
                "Refusing to fill the demo city: its accounts have a published password. "
                "This runs only with SOTONG_DEMO=1, DEBUG=1 or in the tests (or with --force)."
            )
        verbosity = options["verbosity"]
        progress = Progress(self._write if verbosity else None, live=self.stdout.isatty())
        if verbosity:
            self.stdout.write("Demo city: 남원시 and 제주시")
        context = seed_demo(progress)
        if verbosity and context.created_users:
            self.stdout.write(self.style.SUCCESS("Demo accounts (password for all of them):"))
            for account in ACCOUNTS:
                self.stdout.write(f"  {account.email:<28} {DEMO_PASSWORD}  {account.role}")
            self.stdout.write(
                f"  resident001@demo.sotong.local … (every demo resident) {DEMO_PASSWORD}"
            )

    def _write(self, message: str, ending: str = "\n") -> None:
        self.stdout.write(message, ending=ending)
        self.stdout.flush()


def _demo_allowed() -> bool:
    demo = os.environ.get("SOTONG_DEMO", "").strip().lower() in {"1", "true", "yes", "on"}
    return demo or settings.DEBUG or getattr(settings, "TESTING", False)
