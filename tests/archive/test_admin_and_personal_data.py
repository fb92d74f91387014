"""The admin lists and opens archive items in Korean; a person's export holds their records;
deleting the account keeps the records, authored by the anonymised account."""

import json

import pytest

from sotong.accounts.services import user_delete
from sotong.archive.models import MeetingRecord

pytestmark = pytest.mark.django_db


def test_the_admin_shows_records_and_documents(client_for, admin_user, make_record, make_document):
    record = make_record()
    document = make_document()
    client = client_for(admin_user)

    for url in (
        "/admin/archive/meetingrecord/",
        f"/admin/archive/meetingrecord/{record.pk}/change/",
        "/admin/archive/document/",
        f"/admin/archive/document/{document.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "대화모임 기록" in client.get("/admin/archive/meetingrecord/").content.decode()


def test_the_personal_export_holds_ones_records(client_for, resident, make_record):
    make_record(title="내가 쓴 기록", visibility="draft")

    response = client_for(resident).get("/people/me/export/")

    data = json.loads(b"".join(getattr(response, "streaming_content", [response.content])))
    assert "내가 쓴 기록" in json.dumps(data, ensure_ascii=False)


def test_deleting_the_account_keeps_the_record_anonymised(client, resident, make_record):
    record = make_record(title="남는 기록")

    user_delete(user=resident)

    record = MeetingRecord.objects.get(pk=record.pk)
    html = client.get(record.get_absolute_url()).content.decode()
    assert "남는 기록" in html
    assert record.created_by.nickname.startswith("탈퇴한회원") or record.created_by.deleted_at
    assert resident.email not in html
