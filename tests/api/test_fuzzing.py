"""Schemathesis drives the served OpenAPI document against the real app and a filled database.

Generated requests (valid and deliberately invalid) must never cause a server error and every
answer must match what the document promises: status code, content type and body schema.
"""

from datetime import timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from sotong.organizations.models import Membership
from tests.activities.factories import ActivityFactory, ReviewFactory, RsvpFactory
from tests.api.conftest import add_member
from tests.factories import RegionRoleFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def connection_kept_open():
    """Keep the test's transaction alive across real WSGI requests, as Django's test client does.

    The WSGI handler closes "old" database connections when a request starts and finishes;
    inside a test that would close the connection holding the test's transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzzed_session(connection_kept_open, directory, topics):
    """A logged-in resident with memberships and roles, so /me has something to say."""
    play, choir = directory["play"], directory["choir"]
    # The slug the OpenAPI document gives as its example, so explicit examples find something.
    play.slug = "namwon-play"
    play.save()
    member = add_member(play, "퍼저", role=Membership.Role.ADMIN, email="fuzzer@example.kr")
    Membership.objects.create(organization=choir, user=member, is_public=False)
    RegionRoleFactory(region=play.region, user=member, role="facilitator")
    member.interests.set(topics)
    member.home_region = play.region
    member.save()
    for number in range(12):
        add_member(play, f"이웃{number}", public=number % 2 == 0)
    # Activities for /activities and its paths: upcoming, full with a waiting list, and past.
    upcoming = ActivityFactory(region=play.region, host=member, host_organization=play, capacity=1)
    RsvpFactory(activity=upcoming)
    upcoming.confirmed_count = 1
    upcoming.save()
    past = ActivityFactory(
        region=play.region,
        host=member,
        starts_at=upcoming.starts_at - timedelta(days=30),
        ends_at=upcoming.ends_at - timedelta(days=30),
    )
    ReviewFactory(activity=past)
    client = Client()
    client.force_login(member)
    return client.cookies["sessionid"].value


# Loaded when the module is collected: serving the document needs no database. (The lazy
# `schemathesis.pytest.from_fixture` loader breaks on pytest 9.2, which renamed Node._nodeid.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@settings(
    max_examples=30,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
@schema.parametrize()
@pytest.mark.django_db
def test_api_survives_generated_requests_and_keeps_its_promises(case, fuzzed_session):
    case.call_and_validate(checks=CHECKS, cookies={"sessionid": fuzzed_session})
