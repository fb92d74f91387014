"""The archive's pages run a fixed number of SQL queries, whatever the archive holds."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sotong.archive import keywords
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

BUDGETS = {
    "archive home": 5,  # regions, topics, the years (first and last date), records, topics
    "archive home, filtered": 6,  # + the city's neighbourhoods
    "archive home, by organisation": 6,  # + the organisation by its slug
    "archive home, by organisation name": 6,  # + at most 51 organisations by name
    "documents": 5,
    "record page": 11,  # its key words read once, for the chips and the related records
    "keyword page": 4,
    "region year": 7,  # the neighbourhoods once, the years from each one's first and last date
    "export json": 7,
}

TEXTS = (
    "놀이터 그늘막과 물놀이터를 이야기했습니다. 아이들이 직접 설계에 참여합니다.",
    "시내버스 배차 간격과 통학버스 노선을 이야기했습니다.",
    "동네 서점과 작은도서관이 함께 독서 모임을 엽니다.",
)


def _fill(count, city, resident, topics, make_record, make_document):
    # more organisations than the name filter resolves on the bigger archive
    organizations = [OrganizationFactory(region=city) for _ in range(3 + 2 * count)]
    for n in range(count):
        record = make_record(
            title=f"기록 {n}",
            held_on=date(2026, 1, 1) + timedelta(days=n),
            summary=TEXTS[n % 3],
            host_organization=organizations[n % 3],
            topics=topics[: 1 + n % 3],
        )
        record.organizations.set(organizations[: 1 + n % 2])
        make_document(title=f"자료 {n}", issued_on=date(2026, 1, 1) + timedelta(days=n))
    keywords.refresh_all()


def _count(client, url) -> int:
    client.get(url)  # warms per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


def _pages(city, topics):
    from sotong.archive.models import MeetingRecord

    record = MeetingRecord.objects.order_by("pk").first()
    host = record.host_organization
    return {
        "archive home": "/archive/",
        "archive home, filtered": f"/archive/?region={city.slug}&topic={topics[0].slug}&year=2026",
        "archive home, by organisation": f"/archive/?organization={host.slug}",
        "archive home, by organisation name": "/archive/?organization_name=놀이터 주민모임",
        "documents": "/archive/documents/",
        "record page": record.get_absolute_url(),
        "keyword page": "/archive/keywords/놀이터/",
        "region year": f"/archive/regions/{city.slug}/?year=2026",
        "export json": "/archive/records.json",
    }


@pytest.mark.parametrize("count", [4, 40])
def test_archive_pages_cost_the_same_whatever_the_size(
    count, client, city, resident, topics, make_record, make_document
):
    _fill(count, city, resident, topics, make_record, make_document)

    counted = {name: _count(client, url) for name, url in _pages(city, topics).items()}

    assert counted == BUDGETS


@pytest.mark.parametrize(
    "after", ["", "x", "2026-13-01.5", "2026-01-01.99999999999999999999999", "2026-01-01.-1"]
)
def test_a_broken_page_key_shows_the_first_page(client, make_record, after):
    make_record(title="첫 기록")

    response = client.get(f"/archive/?after={after}")

    assert response.status_code == 200
    assert "첫 기록" in response.content.decode()
