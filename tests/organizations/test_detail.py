import pytest

from sotong.organizations.models import Membership, Organization
from tests.factories import UserFactory
from tests.organizations.helpers import add_member, queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def contactable(organization):
    Organization.objects.filter(pk=organization.pk).update(
        contact_email="play@namwon-group.kr",
        contact_phone="063-620-1234",
        website="https://play.namwon.example.kr",
        address="남원시 동충동 12",
        description="첫 줄\n둘째 줄",
    )
    organization.refresh_from_db()
    return organization


def page(client, url="/organizations/play-namwon/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_detail_shows_the_profile(client, contactable, topics):
    contactable.topics.set(topics[:2])
    text = page(client)
    assert "<h1" in text and "놀이와 놀이터 남원시민 모임" in text
    assert "주민모임" in text
    assert "남원시" in text
    assert "키즈" in text and "음악" in text
    assert "<p>첫 줄<br>둘째 줄</p>" in text
    assert "https://play.namwon.example.kr" in text
    assert "남원시 동충동 12" in text


def test_anonymous_visitors_never_see_the_organisation_contact(client, contactable):
    text = page(client)
    assert "play@namwon-group.kr" not in text
    assert "063-620-1234" not in text
    assert "로그인하면 단체의 이메일과 전화번호를 볼 수 있습니다" in text


def test_logged_in_residents_see_the_organisation_contact(client, contactable, resident):
    client.force_login(resident)
    text = page(client)
    assert "play@namwon-group.kr" in text
    assert "063-620-1234" in text


def test_public_members_are_listed_by_nickname_with_admins_marked(client, organization, org_admin):
    shy = UserFactory(email="shy@example.kr", nickname="수줍은이")
    bold = UserFactory(email="bold@example.kr", nickname="당당한이")
    add_member(organization, shy, is_public=False)
    add_member(organization, bold)
    text = page(client)
    assert f'href="/people/{bold.pk}/"' in text and "당당한이" in text
    assert f'href="/people/{org_admin.pk}/"' in text
    assert "수줍은이" not in text
    admin_item = text[text.index("하늘") : text.index("하늘") + 200]
    assert "관리자" in admin_item


@pytest.mark.parametrize("viewer", ["anonymous", "resident", "org_admin", "admin"])
def test_member_email_addresses_never_appear(client, organization, org_admin, viewer, request):
    add_member(organization, UserFactory(email="member-secret@example.kr", nickname="비밀회원"))
    user = {"anonymous": None, "resident": "resident", "org_admin": "org_admin"}.get(viewer)
    if viewer == "admin":
        user = "admin_user"
    if user:
        client.force_login(request.getfixturevalue(user))
    text = page(client)
    assert "member-secret@example.kr" not in text
    assert "haneul@example.kr" not in text
    assert "@example.kr" not in text


def test_deleted_accounts_are_not_listed(client, organization):
    gone = UserFactory(email="gone@example.kr", nickname="떠난이")
    add_member(organization, gone)
    gone.is_active = False
    gone.save()
    assert "떠난이" not in page(client)


def test_description_with_script_is_shown_as_text(client, organization):
    Organization.objects.filter(pk=organization.pk).update(
        description='<script>alert("x")</script>\n<b>굵게</b>'
    )
    text = page(client)
    assert '<script>alert("x")</script>' not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "&lt;b&gt;굵게&lt;/b&gt;" in text


def test_unknown_organisation_is_404(client):
    assert client.get("/organizations/no-such-group/").status_code == 404


def test_anonymous_sees_a_login_link_instead_of_join(client, organization):
    text = page(client)
    assert "로그인하고 가입하기" in text
    assert "/accounts/login/?next=/organizations/play-namwon/" in text


def test_open_organisation_offers_join_at_once(client, open_organization, resident):
    client.force_login(resident)
    text = page(client, "/organizations/namwon-guitar/")
    assert "가입하기" in text and "가입 신청하기" not in text


def test_approval_organisation_offers_a_request_with_a_message(client, organization, resident):
    client.force_login(resident)
    text = page(client)
    assert "가입 신청하기" in text
    assert 'name="message"' in text


def test_pending_applicant_can_withdraw(client, organization, applicant):
    client.force_login(applicant)
    text = page(client)
    assert "가입 신청 취소하기" in text
    assert "가입 신청하기" not in text


def test_member_sees_leave_and_visibility_buttons(client, organization, member):
    client.force_login(member)
    text = page(client)
    assert "단체에서 탈퇴하기" in text
    assert "구성원 목록에서 내 닉네임 숨기기" in text


def test_managers_see_the_management_links_and_others_do_not(
    client, organization, org_admin, applicant, resident
):
    client.force_login(org_admin)
    text = page(client)
    assert "/organizations/play-namwon/edit/" in text
    assert "/organizations/play-namwon/requests/" in text
    assert "대기 1건" in text
    assert "/organizations/play-namwon/members/" in text
    client.force_login(resident)
    assert "/organizations/play-namwon/edit/" not in page(client)


def test_government_organisation_names_its_members_officials(client, department, official):
    text = page(client, "/organizations/namwon-admin-dept/")
    assert "담당 공무원" in text
    assert "박주무관" in text
    assert "official@namwon.go.kr" not in text


def test_inactive_organisation_says_it_takes_no_members(client, organization, resident):
    Organization.objects.filter(pk=organization.pk).update(is_active=False)
    client.force_login(resident)
    text = page(client)
    assert "활동을 멈춘 단체" in text
    assert "가입 신청하기" not in text


def test_detail_runs_the_same_queries_for_5_or_60_members(client, organization, org_admin, topics):
    organization.topics.set(topics)
    client.force_login(org_admin)
    for number in range(5):
        add_member(organization, UserFactory(nickname=f"회원{number}"))
    few = queries_for(client, "/organizations/play-namwon/")
    for number in range(5, 60):
        add_member(organization, UserFactory(nickname=f"회원{number}"))
    many = queries_for(client, "/organizations/play-namwon/")
    assert few == many
    assert many <= 16


def test_very_large_organisations_show_a_bounded_member_list(client, organization):
    users = [UserFactory(nickname=f"회원{number}") for number in range(105)]
    Membership.objects.bulk_create(
        Membership(organization=organization, user=user) for user in users
    )
    text = page(client)
    assert "회원0" in text
    assert "회원104" not in text
    assert "먼저 가입한 100명만 보입니다" in text
