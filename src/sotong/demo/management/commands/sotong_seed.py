"""Generate a whole city at scale on top of the demo city, for benchmarks and load tests.

    manage.py sotong_seed --scale tiny|small|city|metro [--seed N] [--anchor YYYY-MM-DD]

Deterministic: the same seed, scale and anchor day give the same rows. A database holds at
most one generated city: run again at the same scale, the command does nothing; at another
scale, it refuses (start from an empty database).
"""

import time
from datetime import date

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError

from sotong.accounts.models import User
from sotong.demo.management.commands.sotong_demo import _demo_allowed
from sotong.demo.people import DEMO_PASSWORD
from sotong.demo.progress import Progress
from sotong.demo.scale.generate import GENERATED_EMAIL_DOMAIN, generate_city
from sotong.demo.scale.scales import SCALES
from sotong.demo.seed import seed_demo

DEFAULT_SEED = 20250417
# Exit status when the database already holds a city of another scale (the benchmark
# then starts from an empty database).
OTHER_SCALE_STATUS = 3


class Command(BaseCommand):
    help = (
        "Generate a city at scale (residents, organisations, activities, sign-ups, reviews) "
        "on top of the demo city. Deterministic for a given --seed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scale", choices=list(SCALES), default="small")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--anchor",
            type=date.fromisoformat,
            default=None,
            help="The day the data treats as today (default: today in Korea).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Generate even outside the demo (SOTONG_DEMO), DEBUG or the tests.",
        )

    def handle(self, *args, **options) -> None:
        if not (options["force"] or _demo_allowed()):
            raise CommandError(
                "Refusing to generate a city: its accounts share the demo's published "
                "password. This runs only with SOTONG_DEMO=1, DEBUG=1 or in the tests "
                "(or with --force)."
            )
        scale = SCALES[options["scale"]]
        verbosity = options["verbosity"]
        progress = Progress(self._write if verbosity else None, live=self.stdout.isatty())

        present = User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}").count()
        if present == scale.residents:
            self.stdout.write(f"The {scale.name} city is already there: nothing to do.")
            return
        if present:
            others = [s.name for s in SCALES.values() if s.residents == present] or ["unknown"]
            self.stderr.write(
                f"This database already holds a generated city ({others[0]} scale, {present} "
                f"residents). Generate {scale.name} into an empty database."
            )
            raise SystemExit(OTHER_SCALE_STATUS)

        started = time.perf_counter()
        if verbosity:
            self.stdout.write("Demo city first (adds only what is missing):")
        seed_demo(progress)
        demo_seconds = time.perf_counter() - started
        if verbosity:
            self.stdout.write(
                f"Generating the {scale.name} city (seed {options['seed']}): "
                f"{scale.residents:,} residents, {scale.organizations:,} organisations, "
                f"{scale.activities:,} activities, {scale.rsvps:,} sign-ups, "
                f"{scale.reviews:,} reviews"
            )
        hashed = make_password(DEMO_PASSWORD)  # once: every generated person shares it
        city = generate_city(
            scale,
            seed=options["seed"],
            anchor=options["anchor"],
            password_hash=hashed,
            progress=progress,
        )
        if verbosity:
            self._timing_table(city.timings, demo_seconds, time.perf_counter() - started)

    def _timing_table(self, timings, demo_seconds: float, total: float) -> None:
        self.stdout.write("")
        self.stdout.write(f"{'stage':<16}{'rows':>12}{'seconds':>10}{'rows/s':>12}")
        self.stdout.write(f"{'demo city':<16}{'':>12}{demo_seconds:>10.1f}{'':>12}")
        for timing in timings:
            rate = f"{timing.rows / timing.seconds:,.0f}" if timing.rows and timing.seconds else ""
            rows = f"{timing.rows:,}" if timing.rows else ""
            self.stdout.write(f"{timing.label:<16}{rows:>12}{timing.seconds:>10.1f}{rate:>12}")
        self.stdout.write(self.style.SUCCESS(f"{'total':<16}{'':>12}{total:>10.1f}"))

    def _write(self, message: str, ending: str = "\n") -> None:
        self.stdout.write(message, ending=ending)
        self.stdout.flush()
