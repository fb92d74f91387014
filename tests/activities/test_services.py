"""The rules of posting, signing up, cancelling and reviewing, called as services."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sotong.activities.models import MAX_OCCURRENCES, Activity, ActivitySeries, Rsvp
from sotong.activities.services import (
    Recurrence,
    activity_cancel,
    activity_copy,
    activity_create,
    activity_publish,
    activity_update,
    occurrence_dates,
    review_create,
    review_reply,
    rsvp_cancel,
    rsvp_checkin,
    rsvp_create,
)
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def next_week_at(hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=7)
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, 0))


def fields_for(city, **overrides):
    fields = {
        "kind": Activity.Kind.CLASS,
        "title": "어린이 판소리 교실",
        "description": "광한루원에서 판소리 한 대목을 배워요.",
        "audience": ["kids", "families"],
        "region": city,
        "place_name": "광한루원",
        "address": "남원시 요천로 1447",
        "latitude": 35.403,
        "longitude": 127.380,
        "starts_at": next_week_at(10),
        "ends_at": next_week_at(12),
        "capacity": 12,
        "fee": 0,
    }
    fields.update(overrides)
    return fields


def messages(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def test_resident_posts_an_activity_with_topics_and_audience(resident, city, topics):
    activity = activity_create(actor=resident, fields=fields_for(city), topics=topics[:2])

    assert activity.status == Activity.Status.PUBLISHED
    assert activity.host == resident
    assert activity.audience == ",kids,families,"
    assert [str(label) for label in activity.audience_labels] == ["어린이", "가족"]
    assert set(activity.topics.all()) == set(topics[:2])


def test_draft_is_published_later(resident, city):
    activity = activity_create(actor=resident, fields=fields_for(city), publish=False)
    assert activity.status == Activity.Status.DRAFT

    activity_publish(actor=resident, activity=activity)

    assert activity.status == Activity.Status.PUBLISHED
    assert activity.published_at is not None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ends_at": next_week_at(9)}, "ends_at", "끝나는 시간은 시작 시간보다 뒤여야"),
        ({"capacity": 0}, "capacity", "정원은 1명 이상"),
        ({"capacity": -5}, "capacity", "정원은 1명 이상"),
        ({"latitude": 48.85, "longitude": 2.35}, "latitude", "한국 밖"),
        ({"latitude": 37.56, "longitude": 126.97}, "latitude", "고른 지역(남원시) 밖"),
        ({"latitude": 35.4, "longitude": None}, "latitude", "위도와 경도를 함께"),
        ({"place_name": "", "is_online": False}, "place_name", "장소 이름을 적거나"),
    ],
)
def test_bad_activity_input_is_refused_in_korean(resident, city, overrides, field, message):
    with pytest.raises(ValidationError) as excinfo:
        activity_create(actor=resident, fields=fields_for(city, **overrides))

    assert field in excinfo.value.message_dict
    assert message in messages(excinfo)
    assert not Activity.objects.exists()


def test_online_activity_needs_no_place(resident, city):
    activity = activity_create(
        actor=resident,
        fields=fields_for(city, is_online=True, place_name="", latitude=None, longitude=None),
    )
    assert activity.is_online


def test_script_in_text_is_stored_as_plain_text(resident, city):
    activity = activity_create(
        actor=resident, fields=fields_for(city, title="<script>alert(1)</script> 모임")
    )
    assert activity.title == "<script>alert(1)</script> 모임"


def test_anonymous_visitor_cannot_post(city):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        activity_create(actor=AnonymousUser(), fields=fields_for(city))


def test_posting_for_an_organisation_needs_membership(resident, org_admin, organization, city):
    with pytest.raises(ValidationError) as excinfo:
        activity_create(actor=resident, fields=fields_for(city, host_organization=organization))
    assert "구성원인 단체" in messages(excinfo)

    activity = activity_create(
        actor=org_admin, fields=fields_for(city, host_organization=organization)
    )
    assert activity.host_kind == "group"
    assert activity.host_name == organization.name


def test_official_posts_for_the_city_department(official, department, city):
    activity = activity_create(
        actor=official, fields=fields_for(city, host_organization=department)
    )
    assert activity.host_kind == "city"


# --- recurrence -----------------------------------------------------------------------


def test_weekly_series_makes_one_joinable_activity_per_week_without_exceptions(resident, city):
    first = next_week_at(19)
    skipped = (first + timedelta(weeks=2)).date()
    recurrence = Recurrence(
        frequency=ActivitySeries.Frequency.WEEKLY,
        until=(first + timedelta(weeks=5)).date(),
        exception_dates=[skipped],
    )
    activity = activity_create(
        actor=resident,
        fields=fields_for(city, starts_at=first, ends_at=first + timedelta(hours=2)),
        recurrence=recurrence,
    )

    occurrences = list(activity.series.occurrences.order_by("starts_at"))
    assert len(occurrences) == 5
    assert skipped not in [timezone.localtime(o.starts_at).date() for o in occurrences]
    assert all(timezone.localtime(o.starts_at).hour == 19 for o in occurrences)
    assert all(o.ends_at - o.starts_at == timedelta(hours=2) for o in occurrences)
    rsvp_create(actor=UserFactory(), activity=occurrences[3])
    assert Rsvp.objects.filter(activity=occurrences[3]).count() == 1
    assert Rsvp.objects.filter(activity=occurrences[0]).count() == 0


def test_every_other_week_and_monthly_by_weekday():
    first = date(2030, 1, 8)  # the second Tuesday of January 2030
    biweekly = occurrence_dates(first, Recurrence("biweekly", date(2030, 2, 20)))
    monthly = occurrence_dates(first, Recurrence("monthly_weekday", date(2030, 5, 31)))

    assert biweekly == [date(2030, 1, 8), date(2030, 1, 22), date(2030, 2, 5), date(2030, 2, 19)]
    assert monthly == [
        date(2030, 1, 8),
        date(2030, 2, 12),
        date(2030, 3, 12),
        date(2030, 4, 9),
        date(2030, 5, 14),
    ]


def test_a_series_running_for_years_is_refused_before_anything_is_stored(resident, city):
    first = next_week_at(19)
    recurrence = Recurrence(frequency="weekly", until=(first + timedelta(days=365 * 10)).date())

    with pytest.raises(ValidationError) as excinfo:
        activity_create(
            actor=resident,
            fields=fields_for(city, starts_at=first, ends_at=first + timedelta(hours=1)),
            recurrence=recurrence,
        )

    assert f"{MAX_OCCURRENCES}회까지" in messages(excinfo)
    assert not Activity.objects.exists()
    assert not ActivitySeries.objects.exists()


# --- editing ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("resident", True),  # the host
        ("second_resident", False),
        ("org_admin", True),  # admin of the host organisation
        ("official", False),
        ("facilitator", False),
        ("region_admin", True),
        ("admin_user", True),
    ],
)
def test_who_may_edit_an_activity(request, organization, activity, role, allowed):
    activity.host_organization = organization
    activity.save()
    actor = request.getfixturevalue(role)

    if allowed:
        activity_update(actor=actor, activity=activity, fields={"title": "바뀐 제목"})
        activity.refresh_from_db()
        assert activity.title == "바뀐 제목"
    else:
        with pytest.raises(PermissionDenied):
            activity_update(actor=actor, activity=activity, fields={"title": "바뀐 제목"})


def test_raising_capacity_lets_waiting_people_in_and_lowering_below_confirmed_is_refused(
    resident, activity
):
    activity_update(actor=resident, activity=activity, fields={"capacity": 2})
    people = [UserFactory() for _ in range(5)]
    for person in people:
        rsvp_create(actor=person, activity=activity)

    with pytest.raises(ValidationError) as excinfo:
        activity_update(actor=resident, activity=activity, fields={"capacity": 1})
    assert "2명이 참가 확정" in messages(excinfo)

    activity_update(actor=resident, activity=activity, fields={"capacity": 4})
    activity.refresh_from_db()
    assert (activity.confirmed_count, activity.waiting_count) == (4, 1)
    assert Rsvp.objects.get(user=people[4]).position == 1


def test_cancel_keeps_signups_and_blocks_new_ones(resident, second_resident, activity):
    rsvp_create(actor=second_resident, activity=activity)

    activity_cancel(actor=resident, activity=activity, reason="비 예보로 취소합니다.")

    assert activity.status == Activity.Status.CANCELLED
    assert Rsvp.objects.filter(activity=activity, status="confirmed").count() == 1
    with pytest.raises(ValidationError):
        rsvp_create(actor=UserFactory(), activity=activity)
    with pytest.raises(ValidationError):
        activity_update(actor=resident, activity=activity, fields={"title": "다시"})


def test_copy_makes_a_future_draft_with_the_same_content(resident, topics, city):
    past = ActivityFactory(
        region=city,
        host=resident,
        topics=topics[:1],
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )

    copy = activity_copy(actor=resident, activity=past)

    assert copy.pk != past.pk
    assert copy.status == Activity.Status.DRAFT
    assert copy.title == past.title
    assert copy.starts_at > timezone.now()
    assert (copy.starts_at - past.starts_at).days % 7 == 0
    assert list(copy.topics.all()) == topics[:1]


# --- sign-ups -----------------------------------------------------------------------------


def test_signups_fill_seats_then_the_waiting_list(activity):
    activity_update(actor=activity.host, activity=activity, fields={"capacity": 2})
    a, b, c, d = (UserFactory() for _ in range(4))

    assert rsvp_create(actor=a, activity=activity).status == Rsvp.Status.CONFIRMED
    assert rsvp_create(actor=b, activity=activity).status == Rsvp.Status.CONFIRMED
    waiting_c = rsvp_create(actor=c, activity=activity)
    waiting_d = rsvp_create(actor=d, activity=activity)

    assert (waiting_c.status, waiting_c.position) == (Rsvp.Status.WAITING, 1)
    assert (waiting_d.status, waiting_d.position) == (Rsvp.Status.WAITING, 2)


def test_a_freed_seat_goes_to_the_first_in_line(activity):
    activity_update(actor=activity.host, activity=activity, fields={"capacity": 1})
    a, b, c = (UserFactory() for _ in range(3))
    for person in (a, b, c):
        rsvp_create(actor=person, activity=activity)

    rsvp_cancel(actor=a, activity=activity)

    assert Rsvp.objects.get(user=b, status__in=["confirmed", "waiting"]).status == "confirmed"
    assert Rsvp.objects.get(user=c).position == 1
    activity.refresh_from_db()
    assert (activity.confirmed_count, activity.waiting_count) == (1, 1)


def test_leaving_the_waiting_list_closes_the_gap(activity):
    activity_update(actor=activity.host, activity=activity, fields={"capacity": 1})
    people = [UserFactory() for _ in range(4)]
    for person in people:
        rsvp_create(actor=person, activity=activity)

    rsvp_cancel(actor=people[1], activity=activity)

    assert [Rsvp.objects.get(user=p).position for p in people[2:]] == [1, 2]


def test_signing_up_twice_or_too_late_is_refused(activity, second_resident):
    rsvp_create(actor=second_resident, activity=activity)
    with pytest.raises(ValidationError) as excinfo:
        rsvp_create(actor=second_resident, activity=activity)
    assert "이미 신청한" in messages(excinfo)

    started = ActivityFactory(
        region=activity.region, starts_at=timezone.now() - timedelta(minutes=5)
    )
    with pytest.raises(ValidationError) as excinfo:
        rsvp_create(actor=second_resident, activity=started)
    assert "이미 시작한" in messages(excinfo)


def test_a_person_may_sign_up_again_after_cancelling(activity, second_resident):
    rsvp_create(actor=second_resident, activity=activity)
    rsvp_cancel(actor=second_resident, activity=activity)

    again = rsvp_create(actor=second_resident, activity=activity)

    assert again.status == Rsvp.Status.CONFIRMED
    assert Rsvp.objects.filter(activity=activity, user=second_resident).count() == 2


def test_drafts_cannot_be_joined(resident, second_resident, city):
    draft = ActivityFactory(region=city, host=resident, status=Activity.Status.DRAFT)
    with pytest.raises(ValidationError):
        rsvp_create(actor=second_resident, activity=draft)


def test_only_organisers_check_people_in(activity, resident, second_resident):
    rsvp = rsvp_create(actor=second_resident, activity=activity)
    with pytest.raises(PermissionDenied):
        rsvp_checkin(actor=second_resident, rsvp=rsvp)

    rsvp_checkin(actor=resident, rsvp=rsvp)

    rsvp.refresh_from_db()
    assert rsvp.checked_in_at is not None


# --- reviews ------------------------------------------------------------------------------


def ended(activity):
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    activity.refresh_from_db()
    return activity


def test_confirmed_participant_reviews_after_the_end_and_host_replies(
    activity, resident, second_resident
):
    rsvp_create(actor=second_resident, activity=activity)
    with pytest.raises(ValidationError) as excinfo:
        review_create(actor=second_resident, activity=activity, rating=5, text="좋아요")
    assert "끝난 뒤에" in messages(excinfo)

    review = review_create(actor=second_resident, activity=ended(activity), rating=4, text="좋아요")
    review_reply(actor=resident, review=review, text="와 주셔서 고맙습니다.")

    assert review.rating == 4
    assert review.host_reply == "와 주셔서 고맙습니다."
    with pytest.raises(ValidationError) as excinfo:
        review_create(actor=second_resident, activity=activity, rating=5, text="또")
    assert "이미 후기를" in messages(excinfo)


def test_people_who_did_not_take_part_cannot_review(activity, second_resident):
    waiting_person = UserFactory()
    activity_update(actor=activity.host, activity=activity, fields={"capacity": 1})
    rsvp_create(actor=second_resident, activity=activity)
    rsvp_create(actor=waiting_person, activity=activity)
    ended(activity)

    for outsider in (UserFactory(), waiting_person):
        with pytest.raises(PermissionDenied):
            review_create(actor=outsider, activity=activity, rating=5, text="가짜 후기")


def test_review_rating_must_be_one_to_five(activity, second_resident):
    rsvp_create(actor=second_resident, activity=activity)
    with pytest.raises(ValidationError) as excinfo:
        review_create(actor=second_resident, activity=ended(activity), rating=9, text="!")
    assert "1~5" in messages(excinfo)


def test_only_the_organiser_replies_to_reviews(activity, second_resident):
    rsvp_create(actor=second_resident, activity=activity)
    review = review_create(actor=second_resident, activity=ended(activity), rating=5, text="굿")
    with pytest.raises(PermissionDenied):
        review_reply(actor=second_resident, review=review, text="셀프 답글")
