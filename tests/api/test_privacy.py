"""No e-mail address or phone number leaves Sotong through the API, whoever asks."""

import json
import re

import pytest

from tests.api.conftest import add_member
from tests.factories import UserFactory

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
    return [
        jimin,
        seojun,
        shy,
        UserFactory(email="admin.secret@secret-mail.example", is_superuser=True),
    ]


def as_text(response) -> str:
    """The JSON as a person would read it, whatever escaping the renderer chose."""
    return json.dumps(response.json(), ensure_ascii=False)


def _get_urls(client) -> list[str]:
    """Every GET operation of the served schema, filled in with every object it can show."""
    regions = [region["slug"] for region in client.get("/api/v1/regions").json()]
    organizations = []
    offset = 0
    while True:
        page = client.get(f"/api/v1/organizations?limit=100&offset={offset}").json()
        organizations += [item["slug"] for item in page["items"]]
        offset += 100
        if offset >= page["count"]:
            break
    filled = {
        "/api/v1/regions/{slug}": regions,
        "/api/v1/organizations/{slug}": organizations,
        "/api/v1/organizations/{slug}/members": organizations,
    }
    urls = []
    for path, operations in client.get("/api/v1/openapi.json").json()["paths"].items():
        if "get" not in operations:
            continue
        if "{" not in path:
            urls.append(path)
            continue
        assert path in filled, f"the privacy walk does not know how to fill {path}: add it here"
        urls += [re.sub(r"\{slug\}", slug, path) for slug in filled[path]]
    return urls


def _variants(url: str) -> list[str]:
    if url == "/api/v1/organizations":
        return [url + "?limit=100", url + "?region=namwon&limit=100", url + "?q=모임"]
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
