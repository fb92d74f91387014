# ruff: noqa: F811  (the browser harness fixtures are imported by name)
"""A new resident on a phone, in Korean: signs up, picks topics in onboarding, and finds a
matching activity first in the feed with its reason. Every page is checked with axe-core."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.activities.factories import ActivityFactory
from tests.browser.conftest import (  # noqa: F401  (fixtures)
    browser,
    browser_unavailable_reason,
    field,
    follow,
    open_phone,
    page,
    tick,
    visit,
)
from tests.factories import RegionFactory

_skip = browser_unavailable_reason()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(bool(_skip), reason=_skip or "")]

PASSWORD = "seomjin-river-lantern-42"


def test_new_resident_picks_topics_and_sees_a_matching_activity_first(
    page, city, neighbourhood, topics, mailoutbox
):
    jeju = RegionFactory(name="제주시", slug="jeju", order=1)
    now = timezone.now()
    ActivityFactory(region=city, title="남원 줍깅", published_at=now - timedelta(days=2))
    ActivityFactory(region=jeju, title="제주 음악회", topics=[topics[1]], published_at=now)
    ActivityFactory(
        region=jeju,
        title="제주 그림책 읽는 아이들",
        topics=[topics[0]],
        published_at=now - timedelta(hours=3),
    )

    visit(page, "/")
    follow(page, page.get_by_role("banner").get_by_role("link", name="회원가입", exact=True))
    field(page, "이메일").fill("bada@example.kr")
    field(page, "닉네임").fill("바다")
    field(page, "사는 지역").select_option(label=city.full_name)
    field(page, "비밀번호").fill(PASSWORD)
    field(page, "비밀번호 (확인)").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="가입하기"), "**/accounts/confirm-email/")
    link = re.search(r"https?://\S+/accounts/confirm-email/[^/\s]+/", mailoutbox[0].body).group(0)
    visit(page, link, "confirm-email")
    follow(page, page.get_by_role("button", name="확인"), "**/interests/start/")

    expect(page.get_by_role("heading", level=1)).to_have_text("관심사 고르기")
    tick(page, "checkbox", "🧸 키즈")
    follow(page, page.get_by_role("button", name="저장하고 내 소식 보기"), re.compile(r"/$"))

    expect(page.get_by_role("heading", level=1)).to_have_text("내 소식")
    cards = page.locator(".feed-item")
    first = cards.first
    expect(first).to_contain_text("제주 그림책 읽는 아이들")
    expect(first).to_contain_text("#키즈 주제를 팔로우해서")
    expect(cards.nth(1)).to_contain_text("남원 줍깅")
    expect(cards.nth(1)).to_contain_text("사는 지역의 활동이라서")
    expect(page.get_by_role("main")).not_to_contain_text("제주 음악회")

    follow(page, page.get_by_role("link", name="내 관심사 관리"), "**/interests/")
    expect(page.get_by_role("main")).to_contain_text("#키즈")
