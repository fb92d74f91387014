"""Published meeting records as CSV (UTF-8 with a BOM, so Excel reads the Korean) and JSON.

Only what the record page shows publicly: no author e-mail, no drafts."""

import csv
import json
from collections.abc import Iterable, Iterator

from django.conf import settings

from sotong.archive.models import Licence, MeetingRecord

COLUMNS = (
    "id",
    "title",
    "held_on",
    "place",
    "region",
    "host",
    "participants_count",
    "summary",
    "discussion",
    "outcomes",
    "next_steps",
    "topics",
    "organizations",
    "keywords",
    "activity_url",
    "url",
    "licence",
    "licence_name",
    "published_at",
)
BOM = "\ufeff"


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def record_row(record: MeetingRecord) -> dict:
    keyword_rows = getattr(record, "keyword_rows", None)
    if keyword_rows is None:
        keyword_rows = record.terms.filter(is_keyword=True).order_by("-score", "term")
    return {
        "id": record.pk,
        "title": record.title,
        "held_on": record.held_on.isoformat(),
        "place": record.place,
        "region": record.region.full_name,
        "host": record.host_display,
        "participants_count": record.participants_count,
        "summary": record.summary,
        "discussion": record.discussion,
        "outcomes": record.outcomes,
        "next_steps": record.next_steps,
        "topics": [topic.name for topic in record.topics.all()],
        "organizations": [org.name for org in record.organizations.all()],
        "keywords": [row.term for row in keyword_rows],
        "activity_url": _absolute(record.activity.get_absolute_url()) if record.activity else "",
        "url": _absolute(record.get_absolute_url()),
        "licence": record.licence,
        "licence_name": str(Licence(record.licence).label),
        "published_at": record.published_at.isoformat() if record.published_at else "",
    }


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(records: Iterable[MeetingRecord]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(COLUMNS)
    for record in records:
        row = record_row(record)
        yield writer.writerow(
            [
                " · ".join(row[name]) if isinstance(row[name], list) else row[name]
                for name in COLUMNS
            ]
        )


def json_chunks(records: Iterable[MeetingRecord]) -> Iterator[str]:
    yield '{"records": ['
    for index, record in enumerate(records):
        yield ("," if index else "") + json.dumps(record_row(record), ensure_ascii=False)
    yield "]}"
