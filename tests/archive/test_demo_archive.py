"""The demo city's archive: 30+ meeting records in Korean, linked to activities and
organisations, a few documents, key words computed; a second run adds nothing."""

from io import StringIO

import pytest
from django.db import transaction
from django.test import override_settings

from sotong.archive.models import Document, MeetingRecord, Term
from sotong.demo.progress import Progress
from sotong.demo.seed import seed_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    out = StringIO()
    progress = Progress(lambda message, ending="\n": out.write(message + ending))
    with fast_hashing, django_db_blocker.unblock(), transaction.atomic():
        seed_demo(progress)
        yield out.getvalue()
        transaction.set_rollback(True)


def counts():
    return (MeetingRecord.objects.count(), Document.objects.count(), Term.objects.count())


def test_the_demo_has_thirty_records_some_from_activities(demo):
    records = MeetingRecord.objects.published()

    assert records.count() >= 30
    assert records.filter(activity__isnull=False).count() >= 3
    assert records.filter(host_organization__isnull=False).count() >= 20
    assert records.filter(host_organization__isnull=True).exclude(host_name="").count() >= 5
    assert records.filter(held_on__year=2019).count() >= 8
    assert all(any("\uac00" <= c <= "\ud7a3" for c in record.summary) for record in records)


def test_the_demo_has_documents_with_files(demo):
    assert Document.objects.count() >= 4
    assert Document.objects.filter(files__isnull=False).distinct().count() >= 2


def test_every_demo_record_has_key_words_without_stop_words(demo):
    for record in MeetingRecord.objects.all():
        words = list(record.terms.filter(is_keyword=True).values_list("term", flat=True))
        assert 3 <= len(words) <= 8, record
        assert not {"모임", "이야기", "참여", "진행", "생각"} & set(words)
    parking = MeetingRecord.objects.get(title="대학 내 주차문제")
    assert parking.terms.filter(is_keyword=True, term__contains="주차").exists()


def test_a_second_run_adds_nothing(demo):
    before = counts()
    seed_demo(Progress())
    assert counts() == before


def test_the_archive_pages_of_the_demo_answer(demo, client):
    record = MeetingRecord.objects.get(title="지역 서점 활성화 방안")

    assert client.get("/archive/").status_code == 200
    assert client.get("/archive/regions/namwon/?year=2019").status_code == 200
    html = client.get(record.get_absolute_url()).content.decode()
    assert "서점" in html
    assert "핵심 키워드" in html
