"""Search as a resident uses it on a phone, in Korean: type an inflected word in the header's
box, narrow the results to one kind, open the one she wanted."""

from datetime import date

import pytest
from playwright.sync_api import expect

from sotong.archive.models import MeetingRecord
from tests.activities.factories import ActivityFactory
from tests.browser.conftest import follow, visit
from tests.proposals.factories import ProposalFactory
from tests.search.conftest import rebuild_index

pytestmark = pytest.mark.browser


@pytest.fixture
def findable(city, resident):
    ActivityFactory(
        title="놀이터 그늘막 함께 만들기",
        description="여름 놀이터가 뜨거워요. 그늘막을 같이 세웁니다.",
        region=city,
    )
    ProposalFactory(region=city, author=resident, title="놀이터마다 음수대를 놓아 주세요")
    record = MeetingRecord.objects.create(
        title="놀이환경 대화모임",
        held_on=date(2026, 9, 5),
        region=city,
        participants_count=11,
        summary="아이들이 놀이터를 직접 바꿔 보자는 이야기를 나눴습니다.",
        created_by=resident,
        visibility="published",
    )
    MeetingRecord.objects.create(
        title="놀이터 비공개 초안",
        held_on=date(2026, 9, 6),
        region=city,
        participants_count=3,
        summary="아직 정리하지 않은 놀이터 이야기",
        created_by=resident,
        visibility="draft",
    )
    rebuild_index()
    return record


def test_a_resident_searches_from_the_header_narrows_by_kind_and_opens_a_record(page, findable):
    visit(page, "/", "home")
    box = page.get_by_role("search", name="통합 검색").get_by_role("searchbox")
    box.fill("놀이터를")
    follow(page, page.get_by_role("button", name="찾기"), "**/search/?q=*", "search-results")

    expect(page.get_by_role("heading", level=1)).to_have_text("검색")
    results = page.get_by_role("region", name="검색 결과 3건")
    expect(results).to_be_visible()
    expect(results.locator("mark").first).to_have_text("놀이터")
    expect(results.get_by_role("link", name="놀이터 비공개 초안")).to_have_count(0)

    facets = page.get_by_role("complementary", name="결과 좁히기")
    follow(page, facets.get_by_role("link", name="대화모임 기록 1"), "**kind=record*")
    expect(page.get_by_role("region", name="검색 결과 1건")).to_be_visible()
    expect(facets.get_by_role("link", name="모든 종류")).to_be_visible()

    record_url = f"**{findable.get_absolute_url()}"
    follow(page, page.get_by_role("link", name="놀이환경 대화모임"), record_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("놀이환경 대화모임")


def test_a_typo_offers_the_word_and_an_empty_query_explains(page, findable):
    visit(page, "/search/?q=놀이텨", "search-typo")
    follow(page, page.get_by_role("link", name="놀이터"), "**/search/?q=*")
    expect(page.get_by_role("region", name="검색 결과 3건")).to_be_visible()
    visit(page, "/search/?q=%22%2A%28%29", "search-punctuation")
    expect(page.get_by_text("검색어에서 찾을 낱말을 알아보지 못했습니다.")).to_be_visible()
