"""Sign-ups and the waiting list stay right when many people press the button at once.

Each thread uses its own database connection and all start together at a barrier, so the
requests really overlap: on PostgreSQL the activity row lock orders them, on SQLite the
IMMEDIATE transactions do.
"""

import threading

import pytest
from django.db import connection

from sotong.activities.models import Activity, Rsvp
from sotong.activities.services import rsvp_cancel, rsvp_create
from tests.activities.factories import ActivityFactory
from tests.conftest import database_vendor
from tests.factories import RegionFactory, UserFactory

PEOPLE = 60
SEATS = 10


def run_together(work, items):
    """Runs work(item) for every item in its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(items))
    errors: list[BaseException] = []

    def run(item):
        try:
            barrier.wait(timeout=30)
            work(item)
        except BaseException as exc:  # reported below, so a failing thread fails the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    return errors


def assert_queue_is_consistent(activity: Activity):
    activity.refresh_from_db()
    rsvps = list(Rsvp.objects.filter(activity=activity).exclude(status=Rsvp.Status.CANCELLED))
    confirmed = [r for r in rsvps if r.status == Rsvp.Status.CONFIRMED]
    waiting = sorted((r for r in rsvps if r.status == Rsvp.Status.WAITING), key=lambda r: r.pk)
    assert len({r.user_id for r in rsvps}) == len(rsvps), "someone holds two sign-ups"
    assert [r.position for r in waiting] == list(range(1, len(waiting) + 1)), (
        "waiting positions follow arrival order without gaps"
    )
    assert activity.confirmed_count == len(confirmed)
    assert activity.waiting_count == len(waiting)
    return confirmed, waiting


@pytest.mark.django_db(transaction=True)
def test_sixty_parallel_signups_fill_ten_seats_and_queue_the_rest_in_order():
    city = RegionFactory()
    activity = ActivityFactory(region=city, capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]

    errors = run_together(lambda person: rsvp_create(actor=person, activity=activity), people)

    assert errors == []
    confirmed, waiting = assert_queue_is_consistent(activity)
    assert len(confirmed) == SEATS
    assert len(waiting) == PEOPLE - SEATS
    assert Rsvp.objects.filter(activity=activity).count() == PEOPLE
    print(
        f"\n[{database_vendor()}] {PEOPLE} parallel sign-ups at {SEATS} seats: "
        f"{len(confirmed)} confirmed, {len(waiting)} waiting at positions "
        f"{waiting[0].position}..{waiting[-1].position}"
    )


@pytest.mark.django_db(transaction=True)
def test_the_same_person_pressing_join_many_times_at_once_gets_one_signup():
    activity = ActivityFactory(region=RegionFactory(), capacity=SEATS)
    person = UserFactory()

    errors = run_together(lambda _: rsvp_create(actor=person, activity=activity), range(20))

    assert Rsvp.objects.filter(activity=activity, user=person).count() == 1
    assert len(errors) == 19
    assert all("이미 신청한 활동입니다." in str(error) for error in errors)
    assert_queue_is_consistent(activity)


@pytest.mark.django_db(transaction=True)
def test_parallel_cancellations_promote_exactly_that_many_waiting_people_in_order():
    activity = ActivityFactory(region=RegionFactory(), capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]
    for person in people:  # one by one: the first ten confirmed, the other fifty waiting 1..50
        rsvp_create(actor=person, activity=activity)
    leaving = people[:7]
    first_in_line = people[SEATS : SEATS + 7]

    errors = run_together(lambda person: rsvp_cancel(actor=person, activity=activity), leaving)

    assert errors == []
    confirmed, waiting = assert_queue_is_consistent(activity)
    assert len(confirmed) == SEATS
    assert {r.user_id for r in confirmed} == {p.pk for p in [*people[7:SEATS], *first_in_line]}
    assert [r.user_id for r in sorted(waiting, key=lambda r: r.position)] == [
        p.pk for p in people[SEATS + 7 :]
    ]
    print(
        f"\n[{database_vendor()}] {len(leaving)} parallel cancellations: "
        f"{len(confirmed)} confirmed, {len(waiting)} still waiting at 1..{len(waiting)}"
    )


@pytest.mark.django_db(transaction=True)
def test_cancellations_and_signups_racing_each_other_keep_the_counts_true():
    activity = ActivityFactory(region=RegionFactory(), capacity=SEATS)
    first = [UserFactory() for _ in range(20)]
    for person in first:
        rsvp_create(actor=person, activity=activity)
    newcomers = [UserFactory() for _ in range(30)]
    jobs = [("cancel", p) for p in first[:5] + first[12:17]] + [("join", p) for p in newcomers]

    def work(job):
        action, person = job
        if action == "cancel":
            rsvp_cancel(actor=person, activity=activity)
        else:
            rsvp_create(actor=person, activity=activity)

    errors = run_together(work, jobs)

    assert errors == []
    confirmed, waiting = assert_queue_is_consistent(activity)
    assert len(confirmed) == SEATS
    assert len(waiting) == 20 - 10 + 30 - SEATS
