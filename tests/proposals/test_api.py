"""The proposals API: the list with the page's filters and keyset pages, one proposal with its
public timeline and answer; nicknames only, never an e-mail address."""

import pytest

from sotong.proposals import services

pytestmark = pytest.mark.django_db


def test_list_and_detail_with_timeline(client, proposal, official, department, second_resident):
    services.support_add(actor=second_resident, proposal=proposal)
    services.proposal_assign(
        actor=official, proposal=proposal, department=department, reason="검토합니다."
    )
    body = client.get("/api/v1/proposals").json()
    assert [item["title"] for item in body["items"]] == [proposal.title]
    assert body["items"][0]["support_count"] == 1
    assert body["items"][0]["department"]["name"] == department.name

    detail = client.get(f"/api/v1/proposals/{proposal.pk}").json()
    assert [step["to_status"] for step in detail["timeline"]] == ["submitted", "under_review"]
    assert detail["timeline"][1]["actor"] == "박주무관"
    assert detail["timeline"][1]["reason"] == "검토합니다."
    assert detail["answer"] is None
    text = str(detail)
    assert "@" not in text


def test_cursor_pages_cover_everything_once(client, city, resident):
    for n in range(7):
        services.proposal_create(
            actor=resident,
            fields={"region": city, "title": f"제안 {n}", "problem": "p", "idea": "i"},
        )
    seen, cursor = [], None
    while True:
        url = "/api/v1/proposals?limit=3" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).json()
        seen += [item["title"] for item in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(f"제안 {n}" for n in range(7))


@pytest.mark.parametrize(
    ("query", "field"),
    [("status=approved", "status"), ("region=nowhere", "region"), ("sort=random", "sort")],
)
def test_bad_filters_are_a_422_naming_the_field(client, proposal, query, field):
    response = client.get(f"/api/v1/proposals?{query}")
    assert response.status_code == 422
    assert field in str(response.json())


def test_a_withdrawn_or_unknown_proposal_is_404_in_korean(client, proposal, resident):
    services.proposal_withdraw(actor=resident, proposal=proposal)
    response = client.get(f"/api/v1/proposals/{proposal.pk}")
    assert response.status_code == 404
    assert response.json()["detail"] == "찾는 제안이 없습니다."
    assert client.get("/api/v1/proposals/999999").status_code == 404
