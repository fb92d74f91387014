"""The OpenAPI document describes every operation fully, so clients and fuzzers can rely on it."""

import pytest

pytestmark = pytest.mark.django_db

EXPECTED_OPERATIONS = {
    ("get", "/api/v1/health"),
    ("get", "/api/v1/regions"),
    ("get", "/api/v1/regions/{slug}"),
    ("get", "/api/v1/topics"),
    ("get", "/api/v1/organizations"),
    ("get", "/api/v1/organizations/{slug}"),
    ("get", "/api/v1/organizations/{slug}/members"),
    ("get", "/api/v1/me"),
}


@pytest.fixture
def operations(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return {
        (method, path): operation
        for path, methods in response.json()["paths"].items()
        for method, operation in methods.items()
    }


def test_schema_lists_every_endpoint(operations):
    assert set(operations) >= EXPECTED_OPERATIONS


def test_every_operation_has_an_id_summary_description_and_tag(operations):
    for key, operation in operations.items():
        assert operation.get("operationId"), key
        assert operation.get("summary"), key
        assert operation.get("description"), key
        assert operation.get("tags"), key


def test_every_response_has_a_json_schema(operations):
    for key, operation in operations.items():
        for status, response in operation["responses"].items():
            assert response["content"]["application/json"]["schema"], (key, status)


def test_errors_an_operation_can_give_are_documented(operations):
    for (method, path), operation in operations.items():
        statuses = set(operation["responses"])
        if "{" in path:
            assert "404" in statuses, path
        if any(parameter["in"] == "query" for parameter in operation["parameters"]):
            assert "422" in statuses, path
        if operation.get("security"):
            assert "401" in statuses, path


def test_me_says_it_needs_a_session(operations):
    assert operations[("get", "/api/v1/me")]["security"] == [{"SessionAuth": []}]


def test_interactive_docs_are_served(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert "/api/v1/openapi.json" in response.content.decode()
