from datetime import date

import pytest

from sotong.archive.models import Document, MeetingRecord


@pytest.fixture
def make_record(city, resident):
    """A meeting record; published unless told otherwise."""

    def make(**fields) -> MeetingRecord:
        topics = fields.pop("topics", [])
        values = {
            "title": "동네 놀이터 이야기",
            "held_on": date(2026, 10, 3),
            "place": "동충동 주민센터",
            "region": city,
            "participants_count": 12,
            "summary": "놀이터에 그늘막이 필요하다는 이야기를 나눴습니다.",
            "created_by": resident,
            "visibility": "published",
        }
        values.update(fields)
        record = MeetingRecord.objects.create(**values)
        record.topics.set(topics)
        return record

    return make


@pytest.fixture
def make_document(city, resident):
    def make(**fields) -> Document:
        values = {
            "title": "놀이환경 실태 조사 보고서",
            "issued_on": date(2026, 3, 2),
            "region": city,
            "summary": "놀이터 54곳을 조사했습니다.",
            "created_by": resident,
            "visibility": "published",
        }
        values.update(fields)
        return Document.objects.create(**values)

    return make
