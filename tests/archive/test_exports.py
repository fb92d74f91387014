"""Exports of published records: CSV (UTF-8 with a BOM, for Excel) and JSON, parsed back."""

import csv
import io
import json

import pytest

from sotong.archive import keywords

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(make_record, topics, organization):
    shown = make_record(
        title="지역 서점 활성화 방안",
        summary='동네 서점, 작가와의 만남, "독서 모임"을 이야기했습니다.\n둘째 줄, 쉼표 포함.',
        host_organization=organization,
        topics=topics[:2],
    )
    make_record(title="비공개 초안", visibility="draft")
    keywords.refresh_all()
    return shown


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_csv_opens_in_excel_and_parses_back(client, records):
    response = client.get("/archive/records.csv")

    body = _body(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["지역 서점 활성화 방안"]
    row = rows[0]
    assert row["summary"] == records.summary  # quotes, commas and line breaks survive
    assert row["host"] == records.host_organization.name
    assert row["licence"] == "cc-by-4.0"
    assert row["licence_name"].startswith("CC BY 4.0")
    assert row["url"].endswith(f"/archive/records/{records.pk}/")
    assert "서점" in row["keywords"]
    assert "@" not in body.decode("utf-8-sig")  # no e-mail address of anyone


def test_json_parses_back_with_lists(client, records, topics):
    response = client.get("/archive/records.json")

    data = json.loads(_body(response).decode("utf-8"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert len(data["records"]) == 1
    record = data["records"][0]
    assert record["title"] == "지역 서점 활성화 방안"
    assert sorted(record["topics"]) == sorted(topic.name for topic in topics[:2])
    assert "서점" in record["keywords"]
    assert record["held_on"] == records.held_on.isoformat()


def test_exports_follow_the_browse_filters(client, records, make_record, topics):
    make_record(title="2019년 모임", held_on=records.held_on.replace(year=2019))

    data = json.loads(_body(client.get("/archive/records.json?year=2019")).decode())
    by_topic = json.loads(_body(client.get(f"/archive/records.json?topic={topics[0].slug}")))

    assert [r["title"] for r in data["records"]] == ["2019년 모임"]
    assert [r["title"] for r in by_topic["records"]] == ["지역 서점 활성화 방안"]


def test_an_empty_export_is_still_valid(client, db):
    assert json.loads(_body(client.get("/archive/records.json"))) == {"records": []}
    lines = _body(client.get("/archive/records.csv")).decode("utf-8-sig").splitlines()
    assert len(lines) == 1 and lines[0].startswith("id,title")
