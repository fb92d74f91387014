"""Who sees and edits what: a draft only for those who may edit it, for every role."""

import pytest

from sotong.archive.models import MeetingRecord
from tests.activities.factories import ActivityFactory
from tests.conftest import ROLES
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

EDITORS_OF_OWN = {"resident", "region_admin", "admin"}  # author, region's admin, site admin


def _form(record, **overrides):
    data = {
        "title": record.title,
        "held_on": record.held_on.isoformat(),
        "place": record.place,
        "region": str(record.region_id),
        "participants_count": str(record.participants_count),
        "summary": "고친 요약입니다.",
        "licence": record.licence,
        "visibility": record.visibility,
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_seen_only_by_who_may_edit_it(role, user_for_role, client_for, make_record):
    draft = make_record(visibility="draft", title="비공개 초안 기록")
    client = client_for(user_for_role(role))

    page = client.get(f"/archive/records/{draft.pk}/")
    listing = client.get("/archive/").content.decode()
    export = b"".join(client.get("/archive/records.csv").streaming_content).decode("utf-8-sig")

    assert page.status_code == (200 if role in EDITORS_OF_OWN else 404)
    assert "비공개 초안 기록" not in listing  # lists and exports hold published records only
    assert "비공개 초안 기록" not in export


@pytest.mark.parametrize("role", ROLES)
def test_a_published_record_is_public_and_editable_by_its_editors(
    role, user_for_role, client_for, make_record
):
    record = make_record()
    client = client_for(user_for_role(role))

    page = client.get(f"/archive/records/{record.pk}/")
    edit = client.post(f"/archive/records/{record.pk}/edit/", _form(record))

    assert page.status_code == 200
    record.refresh_from_db()
    if role == "anonymous":
        assert edit.status_code == 302 and "/accounts/login/" in edit["Location"]
    elif role in EDITORS_OF_OWN:
        assert edit.status_code == 302
        assert record.summary == "고친 요약입니다."
    else:
        assert edit.status_code == 403
        assert record.summary != "고친 요약입니다."


def test_the_host_organisations_admins_may_edit(client_for, make_record, organization, org_admin):
    record = make_record(host_organization=organization, visibility="draft")

    assert client_for(org_admin).get(f"/archive/records/{record.pk}/").status_code == 200
    form = _form(record, host_organization=str(organization.pk))
    response = client_for(org_admin).post(f"/archive/records/{record.pk}/edit/", form)
    assert response.status_code == 302


def test_the_linked_activitys_organiser_may_edit(client_for, make_record, city, second_resident):
    activity = ActivityFactory(region=city, host=second_resident)
    record = make_record(activity=activity)

    response = client_for(second_resident).post(
        f"/archive/records/{record.pk}/edit/", _form(record)
    )

    assert response.status_code == 302
    assert MeetingRecord.objects.get().summary == "고친 요약입니다."


def test_only_members_may_name_an_organisation_as_host(
    client_for, make_record, organization, resident
):
    record = make_record()
    form = _form(record, host_organization=str(organization.pk))

    refused = client_for(resident).post(f"/archive/records/{record.pk}/edit/", form)
    MembershipFactory(organization=organization, user=resident)
    accepted = client_for(resident).post(f"/archive/records/{record.pk}/edit/", form)

    assert refused.status_code == 400
    assert "내가 속한 단체만 주최 단체로 고를 수 있습니다." in refused.content.decode()
    assert accepted.status_code == 302
    record.refresh_from_db()
    assert record.host_organization == organization


@pytest.mark.parametrize("role", ROLES)
def test_writing_a_record_needs_an_account(role, user_for_role, client_for, city):
    client = client_for(user_for_role(role))

    response = client.post(
        "/archive/records/new/",
        {
            "title": "마을 빈집 어떻게 살릴까",
            "held_on": "2026-11-01",
            "region": str(city.pk),
            "participants_count": "9",
            "summary": "빈집을 마을 공간으로 쓰자는 이야기를 했습니다.",
            "host_name": "인월 둘레 모임",
            "licence": "all-rights-reserved",
            "visibility": "published",
        },
    )

    if role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert not MeetingRecord.objects.exists()
    else:
        record = MeetingRecord.objects.get()
        assert response["Location"] == f"/archive/records/{record.pk}/"
        assert record.licence == "all-rights-reserved"
        assert record.host_display == "인월 둘레 모임"
        assert record.published_at is not None
