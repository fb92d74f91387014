"""The archive API: published records and documents only, key-based pages, Korean errors."""

from datetime import date

import pytest

from sotong.api.urls import api
from sotong.archive import keywords

pytestmark = pytest.mark.django_db

ARCHIVE_ROUTES_WIRED = any(path == "/archive" for path, _router in api._routers)
needs_route = pytest.mark.skipif(
    not ARCHIVE_ROUTES_WIRED, reason="api/urls.py does not mount the archive router yet"
)


@pytest.fixture
def archive(make_record, make_document, topics, organization):
    records = [
        make_record(title=f"기록 {n}", held_on=date(2026, 1, n), topics=topics[:1])
        for n in range(1, 6)
    ]
    make_record(title="비공개 초안", visibility="draft")
    make_record(title="단체 기록", host_organization=organization, held_on=date(2025, 5, 5))
    make_document(title="공개 보고서")
    make_document(title="숨은 자료", visibility="draft")
    keywords.refresh_all()
    return records


@needs_route
def test_records_come_newest_first_in_key_based_pages(client, archive):
    first = client.get("/api/v1/archive/records?limit=2").json()
    second = client.get(f"/api/v1/archive/records?limit=2&cursor={first['next_cursor']}").json()

    assert [r["title"] for r in first["items"]] == ["기록 5", "기록 4"]
    assert [r["title"] for r in second["items"]] == ["기록 3", "기록 2"]
    assert first["items"][0]["keywords"]
    assert first["items"][0]["licence"] == "cc-by-4.0"


@needs_route
def test_drafts_never_leave_through_the_api(client, archive, make_record):
    titles = [r["title"] for r in client.get("/api/v1/archive/records?limit=100").json()["items"]]
    draft = make_record(title="또 다른 초안", visibility="draft")

    assert "비공개 초안" not in titles
    assert client.get(f"/api/v1/archive/records/{draft.pk}").status_code == 404
    documents = client.get("/api/v1/archive/documents").json()["items"]
    assert [d["title"] for d in documents] == ["공개 보고서"]


@needs_route
def test_filters_and_korean_errors(client, archive, organization, topics):
    by_org = client.get(f"/api/v1/archive/records?organization={organization.slug}").json()
    by_year = client.get("/api/v1/archive/records?year=2025").json()
    unknown = client.get("/api/v1/archive/records?region=nowhere")
    bad_cursor = client.get("/api/v1/archive/records?cursor=abc")

    assert [r["title"] for r in by_org["items"]] == ["단체 기록"]
    assert [r["title"] for r in by_year["items"]] == ["단체 기록"]
    assert unknown.status_code == 422 and "이런 지역이 없습니다." in unknown.content.decode()
    assert bad_cursor.status_code == 422 and "cursor" in bad_cursor.content.decode()


@needs_route
def test_a_record_in_full(client, archive):
    record = archive[0]

    data = client.get(f"/api/v1/archive/records/{record.pk}").json()

    assert data["title"] == "기록 1"
    assert data["summary"] == record.summary
    assert data["photos"] == [] and data["attachments"] == []
    assert "@" not in str(data)
