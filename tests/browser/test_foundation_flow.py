"""The foundation as a resident meets it: on a phone, in Korean, through the real pages."""

import json
import re
from pathlib import Path

from playwright.sync_api import expect

from sotong.accounts.models import User
from sotong.organizations.models import JoinRequest, Membership, Organization
from tests.browser.conftest import field, follow, tick, visit
from tests.conftest import PASSWORD
from tests.factories import OrganizationFactory

NEW_PASSWORD = "seomjin-river-lantern-42"


def menu_link(page, name: str):
    return page.get_by_role("banner").get_by_role("link", name=name, exact=True)


def menu_button(page, name: str):
    return page.get_by_role("banner").get_by_role("button", name=name, exact=True)


def test_newcomer_signs_up_confirms_email_logs_in_and_fills_in_profile(
    page, city, neighbourhood, topics, mailoutbox
):
    visit(page, "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("남원시")

    follow(page, menu_link(page, "회원가입"), "**/accounts/signup/")
    field(page, "이메일").fill("sora@example.kr")
    field(page, "닉네임").fill("소라")
    field(page, "사는 지역").select_option(label=neighbourhood.full_name)
    field(page, "비밀번호").fill(NEW_PASSWORD)
    field(page, "비밀번호 (확인)").fill(NEW_PASSWORD)
    tick(page, "checkbox", "음악")
    follow(page, page.get_by_role("button", name="가입하기"), "**/accounts/confirm-email/")
    expect(page.get_by_role("heading", level=1)).to_have_text("이메일을 확인해 주세요")

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sora@example.kr"]
    assert message.subject.startswith("[소통]")
    link = re.search(r"https?://\S+/accounts/confirm-email/[^/\s]+/", message.body).group(0)

    visit(page, link, "confirm-email")
    follow(page, page.get_by_role("button", name="확인"))
    # Confirming in the browser that signed up logs the newcomer in.
    expect(menu_link(page, "내 정보")).to_be_visible()
    follow(page, menu_button(page, "로그아웃"))
    expect(menu_link(page, "로그인")).to_be_visible()

    follow(page, menu_link(page, "로그인"), "**/accounts/login/**")
    field(page, "이메일").fill("sora@example.kr")
    field(page, "비밀번호").fill(NEW_PASSWORD)
    follow(page, page.get_by_role("main").get_by_role("button", name="로그인"))

    follow(page, menu_link(page, "내 정보"), re.compile(r"/people/\d+/$"))
    follow(page, page.get_by_role("main").get_by_role("link", name="프로필 고치기"))
    field(page, "한 줄 소개").fill("동충동에서 아이 둘 키우는 엄마예요.")
    expect(page.get_by_role("checkbox", name="음악")).to_be_checked()
    tick(page, "checkbox", "키즈")
    follow(page, page.get_by_role("button", name="저장"), re.compile(r"/people/\d+/$"))

    main = page.get_by_role("main")
    expect(page.get_by_role("heading", level=1)).to_contain_text("소라")
    expect(main).to_contain_text("동충동에서 아이 둘 키우는 엄마예요.")
    expect(main).to_contain_text("음악")
    expect(main).to_contain_text("키즈")
    expect(main).not_to_contain_text("sora@example.kr")
    sora = User.objects.get(email="sora@example.kr")
    assert sora.nickname == "소라"
    assert sora.home_region == neighbourhood
    assert {topic.name for topic in sora.interests.all()} == {"음악", "키즈"}


def test_resident_registers_an_organization_and_finds_it_in_the_directory(
    open_phone, resident, city, topics, organization
):
    page = open_phone(resident)
    visit(page, "/organizations/new/", "organization-new")
    field(page, "이름").fill("동충동 그림책 모임")
    # A resident may not register a government department: the server says so in Korean,
    # next to the field, and keeps everything typed.
    field(page, "종류").select_option(label="행정기관")
    field(page, "지역").select_option(label=city.name)
    field(page, "한 줄 소개").fill("매주 토요일 도서관에서 그림책을 함께 읽어요.")
    tick(page, "checkbox", "🧸 키즈")
    expect(page.get_by_role("radio", name="관리자 승인 후 가입")).to_be_checked()
    follow(page, page.get_by_role("button", name="등록하기"), label="organization-new-refused")
    kind = field(page, "종류")
    expect(kind).to_have_attribute("aria-invalid", "true")
    expect(kind).to_have_accessible_description(re.compile("지역 관리자나 운영자만 등록할 수"))
    expect(field(page, "이름")).to_have_value("동충동 그림책 모임")
    expect(page.get_by_role("checkbox", name="🧸 키즈")).to_be_checked()
    assert not Organization.objects.filter(name="동충동 그림책 모임").exists()

    kind.select_option(label="주민모임")
    tick(page, "radio", "누구나 바로 가입")
    follow(page, page.get_by_role("button", name="등록하기"))

    expect(page.get_by_role("heading", level=1)).to_have_text("동충동 그림책 모임")
    new = Organization.objects.get(name="동충동 그림책 모임")
    assert page.url.endswith(f"/organizations/{new.slug}/")
    assert new.memberships.get(user=resident).role == Membership.Role.ADMIN
    assert new.join_policy == Organization.JoinPolicy.OPEN

    visit(page, "/organizations/", "directory")
    results = page.get_by_role("main")
    expect(results.get_by_role("link", name="놀이와 놀이터 남원시민 모임")).to_be_visible()
    field(page, "검색어").fill("그림책")
    follow(
        page,
        page.get_by_role("search", name="단체 검색").get_by_role("button", name="찾기"),
        re.compile(r"q=%EA%B7%B8"),
    )
    expect(results.get_by_role("link", name="놀이와 놀이터 남원시민 모임")).to_have_count(0)
    follow(page, results.get_by_role("link", name="동충동 그림책 모임"), re.compile(new.slug))
    expect(page.get_by_role("heading", level=1)).to_have_text("동충동 그림책 모임")


def test_second_resident_joins_an_open_group_and_an_admin_approves_a_request(
    open_phone, organization, org_admin, second_resident, city
):
    approval_group = OrganizationFactory(
        name="요천 생태 지킴이",
        slug="yocheon-eco",
        region=city,
        join_policy=Organization.JoinPolicy.APPROVAL,
    )
    Membership.objects.create(
        organization=approval_group, user=org_admin, role=Membership.Role.ADMIN
    )
    Organization.objects.filter(pk=organization.pk).update(join_policy=Organization.JoinPolicy.OPEN)

    seojun = open_phone(second_resident)
    visit(seojun, "/organizations/play-namwon/", "open-group")
    follow(seojun, seojun.get_by_role("button", name="가입하기"))
    expect(seojun.get_by_role("button", name="단체에서 탈퇴하기")).to_be_visible()
    assert organization.memberships.filter(user=second_resident).exists()

    visit(seojun, "/organizations/yocheon-eco/", "approval-group")
    follow(seojun, seojun.get_by_role("button", name="가입 신청하기"))
    expect(seojun.get_by_role("main")).to_contain_text("관리자의 승인을 기다리고 있습니다")
    assert JoinRequest.objects.get(organization=approval_group).status == "pending"

    haneul = open_phone(org_admin)
    visit(haneul, "/organizations/yocheon-eco/requests/", "requests")
    follow(haneul, haneul.get_by_role("button", name="승인 서준"))
    expect(haneul.get_by_role("main")).not_to_contain_text("seojun@example.kr")
    assert approval_group.memberships.filter(user=second_resident).exists()
    assert JoinRequest.objects.get(organization=approval_group).status == "approved"

    visit(seojun, "/organizations/yocheon-eco/", "approved-group")
    expect(seojun.get_by_role("button", name="단체에서 탈퇴하기")).to_be_visible()


def test_language_switcher_turns_the_pages_to_english_and_back(page, city):
    visit(page, "/")
    follow(page, page.get_by_role("contentinfo").get_by_role("button", name="English"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()

    visit(page, "/organizations/", "directory-en")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    follow(page, page.get_by_role("contentinfo").get_by_role("button", name="한국어"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page).to_have_url(re.compile(r"/organizations/$"))
    expect(menu_link(page, "로그인")).to_be_visible()


def test_resident_with_wrong_password_sees_a_korean_error_and_keeps_the_email(page, resident):
    visit(page, "/accounts/login/")
    field(page, "이메일").fill("jimin@example.kr")
    field(page, "비밀번호").fill(PASSWORD + "-wrong")
    follow(page, page.get_by_role("main").get_by_role("button", name="로그인"))
    expect(page.get_by_role("main")).to_contain_text("올바르지 않습니다")
    expect(field(page, "이메일")).to_have_value("jimin@example.kr")


def test_resident_downloads_their_data_then_leaves_and_the_group_keeps_no_trace_of_them(
    open_phone, resident, organization
):
    Membership.objects.create(organization=organization, user=resident)
    page = open_phone(resident)
    visit(page, "/people/me/edit/", "profile-edit")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="내 정보 내려받기 (JSON)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".json")
    exported = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert "jimin@example.kr" in json.dumps(exported, ensure_ascii=False)
    assert "놀이와 놀이터 남원시민 모임" in json.dumps(exported, ensure_ascii=False)

    follow(page, page.get_by_role("link", name="회원 탈퇴"), "**/people/me/delete/")
    field(page, "비밀번호").fill("not-my-password")
    follow(page, page.get_by_role("button", name="탈퇴하기"), label="delete-refused")
    expect(field(page, "비밀번호")).to_have_accessible_description(
        re.compile("비밀번호가 맞지 않습니다")
    )
    field(page, "비밀번호").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="탈퇴하기"), "**/")
    expect(page.get_by_role("status")).to_contain_text("탈퇴했습니다")
    expect(menu_link(page, "로그인")).to_be_visible()

    visit(page, "/organizations/play-namwon/", "group-after-leaving")
    expect(page.get_by_role("main")).not_to_contain_text("지민")
    resident.refresh_from_db()
    assert resident.email != "jimin@example.kr"
    assert resident.nickname.startswith("탈퇴한회원")
