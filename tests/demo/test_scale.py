"""The generated city (`manage.py sotong_seed`): deterministic, and its counters match its rows."""

from datetime import date
from io import StringIO

import pytest
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Max, Min, Q
from django.test import Client, override_settings

from sotong.accounts.models import User
from sotong.activities.models import Activity, Review, Rsvp
from sotong.archive.models import MeetingRecord
from sotong.demo.people import DEMO_PASSWORD
from sotong.demo.scale.generate import GENERATED_EMAIL_DOMAIN, WRITTEN_MODELS, generate_city
from sotong.demo.scale.scales import SCALES
from sotong.demo.seed import seed_demo
from sotong.interests.models import Follow
from sotong.notifications.models import Notification
from sotong.organizations.models import Membership, Organization
from sotong.proposals.models import Comment, Proposal, Step, Support

pytestmark = pytest.mark.django_db

TINY = SCALES["tiny"]
ANCHOR = date(2025, 6, 2)


def fast_hashing():
    return override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])


def generate(seed: int = 7):
    with fast_hashing():
        hashed = make_password(DEMO_PASSWORD, salt="sotongscaletest")
    return generate_city(TINY, seed=seed, anchor=ANCHOR, password_hash=hashed)


def generated_proposals():
    return Proposal.objects.filter(author__email__endswith=f"@{GENERATED_EMAIL_DOMAIN}")


def generated_activities():
    """The generated city's activities, not the demo city's own (sotong.activities.demo)."""
    return Activity.objects.filter(host__email__endswith=f"@{GENERATED_EMAIL_DOMAIN}")


def snapshot() -> dict:
    """Each generated table's row count and its last rows, every column."""
    return {
        model._meta.label: (
            model.objects.count(),
            list(model.objects.order_by("-pk").values_list()[:5]),
        )
        for model in WRITTEN_MODELS
    }


@pytest.fixture(scope="class")
def tiny_city(django_db_setup, django_db_blocker):
    """The demo city and a tiny generated city on top, rolled back after the class."""
    with fast_hashing(), django_db_blocker.unblock(), transaction.atomic():
        seed_demo()
        city = generate()
        yield city
        transaction.set_rollback(True)


class TestTinyCity:
    """One tiny city, generated once for these tests (read-only)."""

    def test_tiny_city_has_the_promised_amounts(self, tiny_city):
        generated = User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}")
        assert generated.count() == TINY.residents
        assert Organization.objects.filter(slug__regex=r"-\d{5}$").count() == TINY.organizations
        assert generated_activities().count() == TINY.activities
        assert Rsvp.objects.filter(activity__in=generated_activities()).count() == TINY.rsvps
        assert Review.objects.filter(activity__in=generated_activities()).count() == TINY.reviews

    def test_generated_counters_match_the_rows_they_count(self, tiny_city):
        activities = Activity.objects.annotate(
            confirmed=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.CONFIRMED)),
            waiting=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.WAITING)),
        )
        assert not activities.exclude(confirmed_count=F("confirmed")).exists()
        assert not activities.exclude(waiting_count=F("waiting")).exists()
        assert activities.filter(confirmed_count__gt=0).count() > TINY.activities // 2
        assert not Activity.objects.filter(
            capacity__isnull=False, confirmed_count__gt=F("capacity")
        )
        members = Organization.objects.annotate(rows=Count("memberships"))
        assert not members.exclude(member_count=F("rows")).exists()

    def test_waiting_lists_are_numbered_without_gaps(self, tiny_city):
        queues = (
            Rsvp.objects.filter(status=Rsvp.Status.WAITING)
            .values("activity")
            .annotate(first=Min("position"), last=Max("position"), size=Count("pk"))
        )
        assert queues, "the tiny city should have at least one waiting list"
        for queue in queues:
            assert (queue["first"], queue["last"]) == (1, queue["size"])

    def test_reviews_come_from_confirmed_participants_after_the_activity(self, tiny_city):
        confirmed = set(
            Rsvp.objects.filter(status=Rsvp.Status.CONFIRMED).values_list("activity_id", "user_id")
        )
        for review in Review.objects.select_related("activity"):
            assert (review.activity_id, review.author_id) in confirmed
            assert review.created_at > review.activity.ends_at
            assert review.activity.status == Activity.Status.PUBLISHED

    def test_activities_span_past_and_future_with_points_inside_their_neighbourhood(
        self, tiny_city
    ):
        anchor_time = tiny_city.now
        starts = [a.starts_at.timestamp() for a in Activity.objects.only("starts_at")]
        assert any(t < anchor_time for t in starts) and any(t > anchor_time for t in starts)
        generated = generated_activities().filter(latitude__isnull=False)
        for activity in generated.select_related("region"):
            assert activity.region.contains_point(activity.latitude, activity.longitude)
            assert activity.region.parent_id is not None

    def test_generated_people_have_unique_valid_nicknames_and_no_real_contact(self, tiny_city):
        from sotong.accounts.models import nickname_validator

        generated = list(User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}"))
        for user in generated[:50]:
            nickname_validator(user.nickname)
            assert 2 <= len(user.nickname) <= 20
        assert len({u.nickname.casefold() for u in generated}) == len(generated)

    def test_proposals_counters_match_their_supports_and_comments(self, tiny_city):
        proposals = generated_proposals()
        assert proposals.count() == TINY.proposals
        assert Support.objects.filter(proposal__in=proposals).count() == TINY.supports
        assert Comment.objects.filter(proposal__in=proposals).count() == TINY.comments
        counted = proposals.annotate(
            active=Count("supports", filter=Q(supports__withdrawn_at__isnull=True), distinct=True),
            rows=Count("comments", distinct=True),
        )
        assert not counted.exclude(support_count=F("active")).exists()
        assert not counted.exclude(comment_count=F("rows")).exists()
        assert not Support.objects.filter(proposal__author=F("user")).exists()
        assert Support.objects.filter(withdrawn_at__isnull=False).exists()

    def test_proposals_have_a_timeline_that_matches_their_status(self, tiny_city):
        proposals = generated_proposals()
        for proposal in proposals.prefetch_related("steps"):
            steps = list(proposal.steps.all())
            assert steps[0].to_status == Proposal.Status.SUBMITTED
            assert steps[-1].to_status == proposal.status
            assert [s.created_at for s in steps] == sorted(s.created_at for s in steps)
            levels = [s.level for s in steps if s.kind == Step.Kind.THRESHOLD]
            assert (max(levels) if levels else 0) == proposal.threshold_reached
        # With 1,800 supports over 120 proposals some cross the first level (50) and get
        # a department, and some of those its answer.
        reached = proposals.filter(threshold_reached__gt=0)
        assert reached.exists()
        assert not reached.filter(due_at__isnull=True).exists()
        assert not reached.filter(support_count__lt=F("threshold_reached")).exists()
        answered = proposals.filter(answer__isnull=False)
        assert answered.exists()
        assert not answered.filter(answered_at__isnull=True).exists()
        assert not answered.exclude(answer__department__kind="government").exists()

    def test_meeting_records_are_hosted_by_organisations_with_their_members(self, tiny_city):
        records = MeetingRecord.objects.filter(created_by__email__endswith=GENERATED_EMAIL_DOMAIN)
        assert records.count() == TINY.meeting_records
        assert records.filter(visibility="published", published_at__isnull=False).exists()
        for record in records.select_related("host_organization")[:40]:
            assert Membership.objects.filter(
                organization=record.host_organization, user=record.created_by, role="admin"
            ).exists()
            assert record.region_id == record.host_organization.region_id or (
                record.host_organization.region.parent_id is None
            )

    def test_follows_are_about_five_a_resident_and_valid(self, tiny_city):
        follows = Follow.objects.filter(follower__email__endswith=GENERATED_EMAIL_DOMAIN)
        assert TINY.follows * 0.9 <= follows.count() <= TINY.follows
        assert follows.regions().exists() and follows.organizations().exists()
        assert follows.people().exists()
        assert not follows.filter(person=F("follower")).exists()

    def test_notifications_are_about_twenty_a_resident_read_and_already_emailed(self, tiny_city):
        notifications = Notification.objects.filter(
            recipient__email__endswith=GENERATED_EMAIL_DOMAIN
        )
        assert TINY.notifications * 0.9 <= notifications.count() <= TINY.notifications
        assert not notifications.filter(emailed_at__isnull=True).exists()
        assert notifications.filter(read_at__isnull=True).exists()
        assert notifications.filter(read_at__isnull=False).exists()
        kinds = set(notifications.values_list("kind", flat=True))
        assert {"activities.new", "proposals.step", "archive.record"} <= kinds
        sample = notifications.filter(kind="proposals.step").first()
        assert sample.params["title"] in sample.text
        assert "{" not in sample.text

    def test_a_generated_resident_sees_the_civic_pages(self, tiny_city):
        client = Client()
        proposal = generated_proposals().filter(answer__isnull=False).first()
        response = client.get(proposal.get_absolute_url())
        assert response.status_code == 200
        assert proposal.title in response.content.decode()
        record = MeetingRecord.objects.filter(visibility="published").last()
        assert client.get(record.get_absolute_url()).status_code == 200
        user = (
            Notification.objects.filter(recipient__email__endswith=GENERATED_EMAIL_DOMAIN)
            .first()
            .recipient
        )
        client.force_login(user)
        assert client.get("/notifications/").status_code == 200

    def test_a_generated_resident_can_log_in_with_the_demo_password(self, tiny_city):
        user = User.objects.filter(email__endswith=f"@{GENERATED_EMAIL_DOMAIN}").last()
        client = Client()
        with fast_hashing():
            response = client.post(
                "/accounts/login/", {"login": user.email, "password": DEMO_PASSWORD}
            )
        assert response.status_code == 302
        assert client.get("/people/me/")["Location"] == f"/people/{user.pk}/"


def test_the_same_seed_gives_the_same_city(db):
    with fast_hashing():
        seed_demo()
    demo_activities = Activity.objects.count()
    with transaction.atomic():
        generate(seed=11)
        first = snapshot()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate(seed=11)
        second = snapshot()
        transaction.set_rollback(True)
    assert first == second
    assert first["activities.Activity"][0] == TINY.activities + demo_activities


def test_another_seed_gives_another_city(db):
    with fast_hashing():
        seed_demo()
    with transaction.atomic():
        generate(seed=11)
        first = snapshot()
        transaction.set_rollback(True)
    generate(seed=12)
    second = snapshot()
    assert first["activities.Activity"][0] == second["activities.Activity"][0]
    assert first["activities.Activity"][1] != second["activities.Activity"][1]


def test_command_generates_once_and_then_does_nothing(db):
    out = StringIO()
    with fast_hashing():
        call_command("sotong_seed", "--scale", "tiny", "--seed", "3", stdout=out)
        assert "reviews" in out.getvalue() and "total" in out.getvalue()
        again = StringIO()
        call_command("sotong_seed", "--scale", "tiny", "--seed", "3", stdout=again)
    assert "nothing to do" in again.getvalue()
    assert Membership.objects.filter(user__email__endswith=GENERATED_EMAIL_DOMAIN).exists()


def test_command_refuses_a_second_city_of_another_scale(db):
    with fast_hashing():
        call_command("sotong_seed", "--scale", "tiny", stdout=StringIO())
        with pytest.raises(SystemExit) as stopped:
            call_command("sotong_seed", "--scale", "small", stdout=StringIO(), stderr=StringIO())
    assert stopped.value.code == 3
    assert generated_activities().count() == TINY.activities


def test_command_refuses_outside_the_demo_without_force(db, settings, monkeypatch):
    from django.core.management import CommandError

    monkeypatch.delenv("SOTONG_DEMO", raising=False)
    settings.TESTING = False
    settings.DEBUG = False
    with pytest.raises(CommandError, match="published"):
        call_command("sotong_seed", "--scale", "tiny", stdout=StringIO())
    assert not Activity.objects.exists()
