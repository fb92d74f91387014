"""Prints, as JSON, the pages the benchmark drives, with ids taken from the seeded database.

Run by bench/run.py with the benchmark's environment (DATABASE_URL, SOTONG_DEMO=1):
    .venv/bin/python bench/targets.py
Pages whose feature is not built yet are listed with "optional": true; run.py drops them
(and names them as pending) when the server answers 404.
"""

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sotong.settings")

import django  # noqa: E402

django.setup()

from django.db.models import Count  # noqa: E402

from sotong.activities.models import Activity  # noqa: E402
from sotong.core.models import Region  # noqa: E402
from sotong.demo.people import DEMO_PASSWORD  # noqa: E402
from sotong.organizations.models import Organization  # noqa: E402

LOGIN_EMAIL = "resident@sotong.local"  # the demo's resident persona


def bbox(region: Region) -> str:
    return ",".join(f"{value:.4f}" for value in region.bounds)


def civic_rows() -> dict[str, int]:
    counted = {
        "proposals": ("proposals", "Proposal"),
        "supports": ("proposals", "Support"),
        "records": ("archive", "MeetingRecord"),
        "follows": ("interests", "Follow"),
        "notifications": ("notifications", "Notification"),
        "search_documents": ("search", "SearchDocument"),
    }
    rows = {}
    for key, (app, model) in counted.items():
        try:
            rows[key] = django.apps.apps.get_model(app, model).objects.count()
        except LookupError:  # that capability is not in this tree
            continue
    return rows


def search_index() -> dict[str, int] | None:
    """How many documents the index holds, and how many it should (every kind's queryset)."""
    try:
        from sotong.search import registry
        from sotong.search.models import SearchDocument
    except ImportError:
        return None
    return {
        "documents": SearchDocument.objects.count(),
        "findable": sum(kind.queryset().count() for kind in registry.kinds()),
    }


def main() -> None:
    city = Region.objects.get(slug="namwon")
    neighbourhood = Region.objects.get(slug="namwon-dotong")
    organization = Organization.objects.order_by("-member_count", "pk").first()
    hosted = Activity.objects.filter(host_organization__isnull=False, status="published")
    busiest_past = (
        hosted.filter(reviews__isnull=False)
        .annotate(review_total=Count("reviews"))
        .order_by("-review_total", "pk")
        .first()
    )
    upcoming = hosted.upcoming().order_by("-confirmed_count", "pk").first()
    topic = upcoming.topics.order_by("pk").first()
    month = datetime.now(ZoneInfo("Asia/Seoul")).strftime("%Y-%m")
    pages = [
        ("healthz (floor)", "/healthz", False, False),
        ("home, anonymous", "/", False, False),
        ("home, logged in", "/", True, False),
        ("organisations", "/organizations/", False, False),
        (
            "organisations, filtered",
            "/organizations/?region=namwon&kind=resident_group&sort=newest",
            False,
            False,
        ),
        (
            f"organisation page ({organization.member_count} members)",
            f"/organizations/{organization.slug}/",
            False,
            False,
        ),  # fmt: skip
        ("activities", "/activities/", False, False),
        (
            "activities, filtered",
            f"/activities/?region=namwon&topic={topic.slug}&kind={upcoming.kind}&sort=popular",
            False,
            False,
        ),
        ("activities, past", "/activities/?when=past", False, False),
        (
            f"activity page ({busiest_past.review_total} reviews)",
            f"/activities/{busiest_past.pk}/",
            False,
            False,
        ),  # fmt: skip
        ("activity page (upcoming), logged in", f"/activities/{upcoming.pk}/", True, False),
        (
            "map data, whole city",
            f"/activities/map/data.json?bbox={bbox(city)}&zoom=11",
            False,
            True,
        ),
        (
            "map data, neighbourhood",
            f"/activities/map/data.json?bbox={bbox(neighbourhood)}&zoom=15",
            False,
            True,
        ),
        ("calendar month", f"/activities/calendar/?month={month}", False, True),
        ("api regions", "/api/v1/regions", False, False),
        ("api topics", "/api/v1/topics", False, False),
        ("api organisations", "/api/v1/organizations?limit=100", False, False),
        ("api activities", "/api/v1/activities?limit=100", False, True),
        # Later capabilities: measured once they answer (404 until then).
        ("proposals", "/proposals/", False, True),
        ("proposals, filtered", "/proposals/?region=namwon&sort=supports", False, True),
        ("search", "/search/?q=%EB%86%80%EC%9D%B4%ED%84%B0", False, True),  # 놀이터
        ("archive", "/archive/", False, True),
        ("api notices", "/api/v1/notices?limit=100", False, True),
    ]
    # Searches in turn, one request each (bench/wrk/report.lua rotates them): inflected forms,
    # compounds, spacing, a verb, numbers, a typo, a facet; the first is also the page above.
    searches = [
        "/search/?" + urlencode(query)
        for query in (
            {"q": "놀이터를"},
            {"q": "버스정류장"},
            {"q": "주차 문제"},
            {"q": "어르신 스마트폰"},
            {"q": "가로등을 늘려 주세요"},
            {"q": "바꿔봐요"},
            {"q": "텃밭"},
            {"q": "2026"},
            {"q": "놀이텨"},
            {"q": "마을", "kind": "record"},
            {"q": "공원", "kind": "proposal", "region": "namwon"},
            {"q": "도서관에서"},
        )
    ]
    pages.append((f"search, {len(searches)} queries in turn", searches[0], False, True))
    # Measured for comparison, not judged: about the least a logged-in answer costs (the
    # session, the person with their interests, memberships and roles: one small JSON answer).
    informative = [("api me, logged in (no page, no list)", "/api/v1/me", True, False)]
    print(
        json.dumps(
            {
                "login": {"email": LOGIN_EMAIL, "password": DEMO_PASSWORD},
                "pages": [
                    {
                        "name": name,
                        "path": path,
                        "logged_in": logged_in,
                        "optional": optional,
                        "informative": (name, path, logged_in, optional) in informative,
                        **({"paths": searches} if name.startswith("search, ") else {}),
                    }
                    for name, path, logged_in, optional in pages + informative
                ],
                "search": search_index(),
                "rows": {
                    "residents": django.apps.apps.get_model("accounts", "User").objects.count(),
                    "organizations": Organization.objects.count(),
                    "activities": Activity.objects.count(),
                    "rsvps": django.apps.apps.get_model("activities", "Rsvp").objects.count(),
                    "reviews": django.apps.apps.get_model("activities", "Review").objects.count(),
                    **civic_rows(),
                },
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
