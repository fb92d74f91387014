"""The proposal pages run a fixed number of SQL queries whatever the data: counted on a small
and on a five times bigger set of proposals (with topics, supports, comments, steps, answers)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sotong.proposals import services
from sotong.proposals.models import Proposal
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

# page → SQL queries per request. Change a number only together with the code that changes it.
BUDGETS = {
    "list": 8,
    "list, filtered": 9,
    "map": 7,
    "detail": 11,
    "figures": 5,
    "dashboard": 15,
    "api list": 2,
    "api detail": 5,
}


def _fill(city, topics, n: int) -> Proposal:
    department = OrganizationFactory(kind="government", region=city)
    official = UserFactory()
    MembershipFactory(organization=department, user=official)
    people = [UserFactory() for _ in range(3)]
    last = None
    for i in range(n):
        author = UserFactory()
        proposal = services.proposal_create(
            actor=author,
            fields={
                "region": city,
                "title": f"제안 {i}",
                "problem": "문제",
                "idea": "생각",
                "place_name": "요천",
                "latitude": 35.41,
                "longitude": 127.39,
            },
            topics=topics[:2],
        )
        for person in people:
            services.support_add(actor=person, proposal=proposal)
        first = services.comment_create(actor=people[0], proposal=proposal, body="좋아요")
        services.comment_create(actor=people[1], proposal=proposal, body="저도요", parent=first)
        services.proposal_assign(actor=official, proposal=proposal, department=department)
        if i % 2:
            services.answer_create(
                actor=official, proposal=proposal, decision="accepted", reasons="예산을 세웠습니다."
            )
            services.progress_post(actor=official, proposal=proposal, body="설치 중입니다.")
        last = proposal
    return last


def _count(client: Client, url: str) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _counts(city, proposal, official_client: Client) -> dict[str, int]:
    anonymous = Client()
    return {
        "list": _count(anonymous, "/proposals/"),
        "list, filtered": _count(
            anonymous, "/proposals/?status=in_progress&sort=supports&topic=kids"
        ),
        "map": _count(anonymous, "/proposals/map/"),
        "detail": _count(anonymous, f"/proposals/{proposal.pk}/"),
        "figures": _count(anonymous, f"/proposals/regions/{city.slug}/figures/"),
        "dashboard": _count(official_client, f"/proposals/regions/{city.slug}/dashboard/"),
        "api list": _count(anonymous, "/api/v1/proposals"),
        "api detail": _count(anonymous, f"/api/v1/proposals/{proposal.pk}"),
    }


def test_query_counts_do_not_grow_with_the_data(city, topics, region_admin, capsys):
    official_client = Client()
    official_client.force_login(region_admin)
    small = _counts(city, _fill(city, topics, 4), official_client)
    big = _counts(city, _fill(city, topics, 20), official_client)
    with capsys.disabled():
        print("\nproposal query counts:", small)
    assert small == BUDGETS
    assert big == BUDGETS
