"""No e-mail address or phone number leaves Sotong through the API, whoever asks."""

import json
import re
from datetime import timedelta

import pytest

from tests.activities.factories import ActivityFactory, ReviewFactory, RsvpFactory
from tests.api.conftest import add_member
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRETS = [
    "jimin.private@secret-mail.example",
    "seojun@hidden.example",
    "shy.member@quiet.example",
    "office@play-namwon.example",
    "choir-contact@dongchung.example",
    "010-5555-0101",
    "063-620-7777",
    "01055550101",
]
PRIVATE_NICKNAME = "숨은구성원"


@pytest.fixture
def people_with_secrets(directory):
    play, choir = directory["play"], directory["choir"]
    play.contact_email = "office@play-namwon.example"
    play.contact_phone = "010-5555-0101"
    play.save()
    choir.contact_email = "choir-contact@dongchung.example"
    choir.contact_phone = "063-620-7777"
    choir.address = "전북 남원시 동충동 01055550101"
    choir.save()
    jimin = add_member(play, "지민이", email="jimin.private@secret-mail.example")
    seojun = add_member(choir, "서준이", email="seojun@hidden.example")
    shy = add_member(play, PRIVATE_NICKNAME, public=False, email="shy.member@quiet.example")
    jimin.interests.set(play.topics.all())
    jimin.home_region = play.region
    jimin.save()
    _activities_with_secrets(play, jimin, seojun)
    _archive_with_secrets(play, jimin)
    _notices_and_questions_with_secrets(play, jimin, seojun)
    _proposal_with_secrets(play, jimin, seojun)
    return [
        jimin,
        seojun,
        shy,
        UserFactory(email="admin.secret@secret-mail.example", is_superuser=True),
    ]


def _activities_with_secrets(play, waiting_person, reviewer):
    """Activities whose host, participants and reviewer have e-mail addresses. (Host contacts
    are organiser information the site admin among the walkers may see: tests/api/
    test_activities.py checks who sees them.)"""
    host = UserFactory(email="host.hidden@secret-mail.example")
    full = ActivityFactory(
        region=play.region,
        host=host,
        host_organization=play,
        capacity=1,
        host_contact="",
        confirmed_count=1,
        waiting_count=1,
    )
    RsvpFactory(activity=full, user=UserFactory(email="seat.holder@hidden.example"))
    RsvpFactory(activity=full, user=waiting_person, status="waiting", position=1)
    past = ActivityFactory(
        region=play.region,
        host=host,
        host_contact="",
        starts_at=full.starts_at - timedelta(days=30),
        ends_at=full.ends_at - timedelta(days=30),
        confirmed_count=1,
    )
    ReviewFactory(activity=past, author=reviewer, text="좋았어요. 다음에도 올게요.")
    ActivityFactory(region=play.region, host=host, status="draft", host_contact="")


def as_text(response) -> str:
    """The JSON as a person would read it, whatever escaping the renderer chose."""
    return json.dumps(response.json(), ensure_ascii=False)


def _archive_with_secrets(play, author):
    """A meeting record and a document by a person with an e-mail address, hosted by an
    organisation with a phone number and an e-mail address."""
    from datetime import date

    from sotong.archive.models import Document, MeetingRecord

    record = MeetingRecord.objects.create(
        title="놀이터 대화모임",
        held_on=date(2026, 5, 5),
        region=play.region,
        participants_count=9,
        summary="요약",
        created_by=author,
        host_organization=play,
    )
    record.organizations.set([play])
    Document.objects.create(
        title="놀이 보고서",
        issued_on=date(2026, 6, 1),
        region=play.region,
        summary="소개",
        created_by=author,
        host_organization=play,
    )


def _notices_and_questions_with_secrets(play, asker, neighbour):
    """A hearing whose question was answered by an official, and a library question with an
    answer, all by people with e-mail addresses."""
    from sotong.notices import services as notices
    from sotong.questions import services as questions
    from tests.notices.factories import NoticeFactory

    department = OrganizationFactory(kind="government", region=play.region)
    official = UserFactory(email="official.hidden@secret-mail.example")
    MembershipFactory(organization=department, user=official)
    notice = NoticeFactory(region=play.region, department=department, author=official)
    asked = notices.question_ask(actor=asker, notice=notice, body="질문")
    notices.question_answer(actor=official, question=asked, answer="답변")
    question = questions.question_ask(actor=asker, title="놀이터는 누가?", region=play.region)
    questions.answer_post(actor=neighbour, question=question, body="시청이요")


def _proposal_with_secrets(play, author, supporter):
    """A proposal whose author, supporter and commenter have e-mail addresses."""
    from sotong.proposals import services as proposals
    from tests.proposals.factories import ProposalFactory

    proposal = ProposalFactory(author=author, region=play.region)
    proposals.support_add(actor=supporter, proposal=proposal)
    proposals.comment_create(actor=supporter, proposal=proposal, body="좋은 제안이에요")


def _get_urls(client) -> list[str]:
    """Every GET operation of the served schema, filled in with every object it can show."""
    regions = [region["slug"] for region in client.get("/api/v1/regions").json()]
    organizations = []
    cursor = ""
    while True:
        page = client.get(f"/api/v1/organizations?limit=100&cursor={cursor}").json()
        organizations += [item["slug"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    activities = [
        item["id"]
        for when in ("", "&when=past")
        for item in client.get(f"/api/v1/activities?limit=100{when}").json()["items"]
    ]
    records = [
        item["id"] for item in client.get("/api/v1/archive/records?limit=100").json()["items"]
    ]
    documents = [
        item["id"] for item in client.get("/api/v1/archive/documents?limit=100").json()["items"]
    ]
    notices = [item["id"] for item in client.get("/api/v1/notices").json()["items"]]
    questions = [item["id"] for item in client.get("/api/v1/questions").json()["items"]]
    proposals = [item["id"] for item in client.get("/api/v1/proposals").json()["items"]]
    filled = {
        "/api/v1/notices/{notice_id}": notices,
        "/api/v1/questions/{question_id}": questions,
        "/api/v1/proposals/{proposal_id}": proposals,
        "/api/v1/archive/records/{record_id}": records,
        "/api/v1/archive/documents/{document_id}": documents,
        "/api/v1/activities/{activity_id}": activities,
        "/api/v1/activities/{activity_id}/reviews": activities,
        "/api/v1/regions/{slug}": regions,
        "/api/v1/organizations/{slug}": organizations,
        "/api/v1/organizations/{slug}/members": organizations,
        "/api/v1/interests/organizations/{slug}": organizations,
    }
    urls = []
    for path, operations in client.get("/api/v1/openapi.json").json()["paths"].items():
        if "get" not in operations:
            continue
        if "{" not in path:
            urls.append(path)
            continue
        assert path in filled, f"the privacy walk does not know how to fill {path}: add it here"
        urls += [re.sub(r"\{[a-z_]+\}", str(key), path) for key in filled[path]]
    return urls


def _variants(url: str) -> list[str]:
    if url == "/api/v1/organizations":
        return [url + "?limit=100", url + "?region=namwon&limit=100", url + "?q=모임"]
    if url == "/api/v1/activities":
        return [url + "?limit=100", url + "?when=past&limit=100", url + "?region=namwon"]
    if url == "/api/v1/activities/map":
        return [url + "?bbox=33,124,39,132", url + "?bbox=33,124,39,132&when=past"]
    if url == "/api/v1/topics":
        return [url, url + "?region=namwon"]
    return [url]


def test_no_email_or_phone_appears_in_any_api_response(client, client_for, people_with_secrets):
    urls = _get_urls(client)
    assert len(urls) >= 10
    visitors = [client] + [client_for(user) for user in people_with_secrets]

    answered = 0
    for visitor in visitors:
        for url in urls:
            for variant in _variants(url):
                response = visitor.get(variant)
                assert response.status_code in (200, 401), (variant, response.status_code)
                text = as_text(response)
                for secret in SECRETS:
                    assert secret not in text, f"{secret} leaked through {variant}"
                assert "@" not in text.replace("/api/v1/openapi.json", ""), variant
                answered += response.status_code == 200
    assert answered > len(urls) * len(visitors) * 0.9


def test_members_who_chose_privacy_are_not_named_in_organisation_responses(
    client, people_with_secrets
):
    for url in _get_urls(client):
        if url.startswith("/api/v1/organizations"):
            assert PRIVATE_NICKNAME not in as_text(client.get(url)), url


def test_the_published_schema_has_no_contact_fields(client):
    schema = client.get("/api/v1/openapi.json").json()
    property_names = {
        name.lower()
        for component in schema["components"]["schemas"].values()
        for name in component.get("properties", {})
    }

    assert not {name for name in property_names if "mail" in name or "phone" in name}
    assert not {name for name in property_names if "address" in name}
