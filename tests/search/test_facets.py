"""Facets and the total are read from one pass of counts per kind, region and year: they must
give what counting each facet in the database with the other filters applied gives."""

from datetime import datetime
from itertools import product
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Count

from sotong.search import selectors
from tests.activities.factories import ActivityFactory
from tests.factories import OrganizationFactory
from tests.proposals.factories import ProposalFactory
from tests.search.conftest import rebuild_index

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


def counted_in_the_database(parsed, filters, field: str) -> dict:
    """The facet as one GROUP BY per field, every other filter applied."""
    rows = (
        selectors.apply_filters(
            selectors.matching(parsed, None), filters, skip=field.removesuffix("_id")
        )
        .filter(**{f"{field}__isnull": False})
        .values(field)
        .annotate(count=Count("pk"))
    )
    return {row[field]: row["count"] for row in rows}


@pytest.fixture
def documents(city, neighbourhood, topics):
    music, kids = topics[1], topics[0]
    for number, (region, year, chosen) in enumerate(
        product((city, neighbourhood), (2024, 2025, 2026), ([music], [kids], [music, kids]))
    ):
        ActivityFactory.create_batch(
            1 + number % 3,
            title="마을 공연",
            region=region,
            topics=chosen,
            starts_at=datetime(year, 5, 1 + number, 19, tzinfo=SEOUL),
        )
    ProposalFactory.create_batch(4, title="마을 공연장을 지어 주세요", region=neighbourhood)
    OrganizationFactory(name="마을 공연 모임", region=city, slug="performers")
    rebuild_index()


@pytest.mark.parametrize(
    "choice",
    [
        {},
        {"kind": "activity"},
        {"year": 2025},
        {"topic": "music"},
        {"region": "neighbourhood"},
        {"kind": "activity", "year": 2026, "topic": "kids", "region": "neighbourhood"},
        {"kind": "proposal", "topic": "music"},
    ],
)
def test_facets_and_total_match_counting_each_in_the_database(
    documents, choice, neighbourhood, topics
):
    filters = selectors.Filters(
        kind=choice.get("kind", ""),
        region_ids=[neighbourhood.pk] if "region" in choice else None,
        topic_id={"kids": topics[0].pk, "music": topics[1].pk}.get(choice.get("topic")),
        year=choice.get("year"),
    )
    found = selectors.search("공연", filters, None)
    parsed = found.query

    assert (
        found.page.paginator.count
        == selectors.apply_filters(selectors.matching(parsed, None), filters).count()
    )
    assert {row["kind"]: row["count"] for row in found.facets["kind"]} == counted_in_the_database(
        parsed, filters, "kind"
    )
    assert {
        row["region_id"]: row["count"] for row in found.facets["region"]
    } == counted_in_the_database(parsed, filters, "region_id")
    assert {row["year"]: row["count"] for row in found.facets["year"]} == counted_in_the_database(
        parsed, filters, "year"
    )
    assert found.facets["region"] == sorted(
        found.facets["region"], key=lambda row: (-row["count"], row["region__name"])
    )


def test_a_filter_that_leaves_nothing_says_zero_and_keeps_the_other_choices(documents):
    found = selectors.search("공연", selectors.Filters(kind="proposal", year=2024), None)
    assert found.page.paginator.count == 0
    assert found.hits == []
    # Choosing another year or kind would find something: the facets say so.
    assert {row["kind"] for row in found.facets["kind"]} >= {"activity"}
    assert {row["year"] for row in found.facets["year"]} == {2026}  # the proposals' year
