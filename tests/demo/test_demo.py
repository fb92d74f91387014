"""The demo city that `python3 run.py` fills at every start."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.sites.models import Site
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client, override_settings

from sotong.accounts.models import User, nickname_validator
from sotong.core.models import Region, RegionRole, Topic
from sotong.core.rules import is_facilitator
from sotong.demo.people import ACCOUNTS, DEMO_PASSWORD, plan_people
from sotong.demo.topics import TOPICS
from sotong.organizations.models import JoinRequest, Membership, Organization
from sotong.organizations.rules import is_official

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("sotong_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo city, made once for this module and rolled back after it.

    Each test runs inside its own savepoint on top, so what one test changes, the next does
    not see. The real password hasher takes about a second a hash; the data is what is tested.
    """
    fast_hashing = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with fast_hashing, django_db_blocker.unblock(), transaction.atomic():
        output = run_demo()
        yield output
        transaction.set_rollback(True)


def row_counts() -> dict[str, int]:
    return {
        "regions": Region.objects.count(),
        "topics": Topic.objects.count(),
        "organizations": Organization.objects.count(),
        "organization topics": Organization.topics.through.objects.count(),
        "users": User.objects.count(),
        "interests": User.interests.through.objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "memberships": Membership.objects.count(),
        "join requests": JoinRequest.objects.count(),
        "region roles": RegionRole.objects.count(),
    }


def test_demo_fills_two_cities_with_neighbourhoods_topics_organisations_and_residents(demo):
    output = demo

    namwon = Region.objects.get(slug="namwon")
    jeju = Region.objects.get(slug="jeju")
    assert Region.objects.count() >= 24
    assert set(Region.objects.top_level().values_list("name", flat=True)) == {"남원시", "제주시"}
    assert namwon.children.count() == 23
    assert {"운봉읍", "인월면", "산내면", "도통동", "향교동"} <= set(
        namwon.children.values_list("name", flat=True)
    )
    assert {"노형동", "일도1동", "아라동"} <= set(jeju.children.values_list("name", flat=True))
    assert Topic.objects.count() >= 19
    assert list(Topic.objects.values_list("name", flat=True)[:3]) == ["요리", "수공예", "플라워"]
    assert Organization.objects.filter(region_id__in=namwon.family_ids()).count() >= 30
    assert User.objects.filter(email__endswith="@demo.sotong.local").count() >= 200
    assert "regions" in output and "sotong-demo-1234" in output


def test_namwon_has_an_organisation_of_every_kind(demo):
    namwon = Region.objects.get(slug="namwon")
    kinds = set(
        Organization.objects.filter(region_id__in=namwon.family_ids()).values_list(
            "kind", flat=True
        )
    )
    assert kinds == set(Organization.Kind.values)
    assert Organization.objects.filter(name="남원시 공동체지원센터", kind="intermediary").exists()
    assert Organization.objects.filter(name="남원 문화도시 사무국", kind="intermediary").exists()
    assert Organization.objects.filter(name="놀이와 놀이터 남원시민 모임").exists()


def test_each_role_account_logs_in_with_the_demo_password(demo):
    for account in ACCOUNTS:
        client = Client()
        response = client.post(
            "/accounts/login/", {"login": account.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, account.email
        assert response.url == "/", account.email
        assert client.session["_auth_user_id"] == str(User.objects.get(email=account.email).pk)


def test_each_role_account_holds_its_role(demo):
    namwon = Region.objects.get(slug="namwon")
    play_group = Organization.objects.get(slug="namwon-play")
    user = {a.email.split("@")[0]: User.objects.get(email=a.email) for a in ACCOUNTS}

    assert user["admin"].is_superuser and user["admin"].is_staff
    assert user["regionadmin"].has_perm("core.change_region", namwon)
    assert not user["regionadmin"].is_superuser
    assert is_facilitator(user["facilitator"], namwon)
    assert is_official(user["official"], namwon)
    assert user["orgadmin"].has_perm("organizations.manage_members", play_group)
    assert not user["resident"].has_perm("core.change_region", namwon)
    assert not user["resident"].has_perm("organizations.manage_members", play_group)
    assert not is_official(user["resident"], namwon)


def test_demo_accounts_have_verified_primary_email_addresses(demo):
    for account in ACCOUNTS:
        address = EmailAddress.objects.get(email=account.email)
        assert address.verified and address.primary


def test_running_the_demo_again_adds_nothing_and_is_quick(demo, django_assert_max_num_queries):
    before = row_counts()

    # A few queries per stage and per app (each app checks what it already has in bulk),
    # never one per row: the count does not grow with the demo's size.
    with django_assert_max_num_queries(60):
        output = run_demo()

    assert row_counts() == before
    assert "new" not in output
    assert "already there" in output


def test_running_the_demo_again_keeps_what_people_changed(demo):
    walk = Organization.objects.get(slug="yocheon-walk")
    resident = User.objects.get(email="resident@sotong.local")
    Membership.objects.filter(organization=walk, user=resident).delete()
    Topic.objects.filter(slug="beauty").update(name="미용")

    run_demo()

    assert not Membership.objects.filter(organization=walk, user=resident).exists()
    assert Topic.objects.get(slug="beauty").name == "미용"


def test_every_centre_and_bound_lies_inside_its_city(demo):
    for region in Region.objects.select_related("parent"):
        assert region.contains_point(region.latitude, region.longitude), region.name
        city = region.city
        south, west, north, east = region.bounds
        assert city.contains_point(south, west), region.name
        assert city.contains_point(north, east), region.name
    namwon = Region.objects.get(slug="namwon")
    for town in namwon.children.all():
        assert 35.30 <= town.latitude <= 35.55 and 127.20 <= town.longitude <= 127.65


def test_member_counts_match_the_memberships(demo):
    for organization in Organization.objects.all():
        assert organization.member_count == organization.memberships.count(), organization.name
        assert organization.memberships.filter(role="admin").exists(), organization.name
    assert Membership.objects.filter(is_public=False).exists()


def test_the_play_group_has_pending_join_requests_for_its_admin_to_decide(demo):
    pending = JoinRequest.objects.filter(
        organization__slug="namwon-play", status=JoinRequest.Status.PENDING
    )
    assert pending.count() >= 3
    assert not Membership.objects.filter(
        organization__slug="namwon-play", user__in=pending.values("user")
    ).exists()


def test_residents_have_valid_unique_nicknames_home_regions_and_interests(demo):
    residents = User.objects.filter(email__endswith="@demo.sotong.local")
    nicknames = [n.casefold() for n in residents.values_list("nickname", flat=True)]
    assert len(nicknames) == len(set(nicknames))
    for nickname in nicknames:
        nickname_validator(nickname)
        assert 2 <= len(nickname) <= 20
    assert not residents.filter(home_region__isnull=True).exists()
    assert residents.filter(interests__isnull=False).distinct().count() == residents.count()
    assert residents.exclude(bio="").count() >= 50
    assert len({r.home_region_id for r in residents}) >= 20


def test_demo_refuses_to_run_on_a_real_installation(settings, monkeypatch):
    settings.DEBUG = False
    settings.TESTING = False
    monkeypatch.delenv("SOTONG_DEMO", raising=False)

    with pytest.raises(CommandError, match="published password"):
        run_demo()


def test_the_plan_is_the_same_on_every_machine():
    first, second = plan_people(7), plan_people(7)

    assert first.residents == second.residents
    assert first.memberships == second.memberships
    assert plan_people(8).residents != first.residents


def test_demo_names_the_site_for_e_mails(demo):
    site = Site.objects.get(pk=1)
    assert (site.domain, site.name) == ("127.0.0.1:8000", "소통")


def _contrast_with_white(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    return 1.05 / (luminance + 0.05)


def test_topic_colours_carry_white_text():
    for topic in TOPICS:
        assert _contrast_with_white(topic.color) >= 4.5, topic.name
    assert len({t.color for t in TOPICS}) == len(TOPICS)
    assert all(len(t.icon) <= 2 for t in TOPICS)
