import json
from pathlib import Path

import pytest

from sotong.activities.models import Activity
from sotong.search import registry, services
from tests.activities.factories import ActivityFactory
from tests.factories import OrganizationFactory, UserFactory

QUERY_SET = json.loads((Path(__file__).parent / "data" / "queries.json").read_text())


def rebuild_index():
    for kind in registry.kinds():
        services.rebuild(kind)


@pytest.fixture
def corpus(city):
    """The query set's documents, indexed; returns {key: url}."""
    host = UserFactory(nickname="기획자")
    urls = {}
    for number, entry in enumerate(QUERY_SET["documents"]):
        if entry["kind"] == "activity":
            item = ActivityFactory(
                title=entry["title"],
                description=entry["body"],
                place_name="",
                region=city,
                host=host,
                status=entry.get("status", Activity.Status.PUBLISHED),
            )
        else:
            item = OrganizationFactory(
                name=entry["title"],
                slug=f"query-set-{number}",
                summary=entry["body"],
                region=city,
                is_active=entry.get("active", True),
            )
        urls[entry["key"]] = item.get_absolute_url()
    rebuild_index()
    return urls
