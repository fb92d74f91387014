import pytest
from django.db import transaction

from sotong.core import events


@pytest.fixture
def received():
    seen: list[dict] = []

    def handler(**payload):
        seen.append(payload)

    events.subscribe("test.happened", handler)
    yield seen
    events._handlers["test.happened"].remove(handler)


@pytest.mark.django_db(transaction=True)
def test_handlers_run_only_after_the_transaction_commits(received):
    with transaction.atomic():
        events.publish("test.happened", thing_id=7)
        assert received == []
    assert received == [{"thing_id": 7}]


@pytest.mark.django_db(transaction=True)
def test_rolled_back_work_publishes_nothing(received):
    with pytest.raises(RuntimeError), transaction.atomic():
        events.publish("test.happened", thing_id=8)
        raise RuntimeError("the request failed")
    assert received == []


@pytest.mark.django_db(transaction=True)
def test_a_failing_handler_does_not_stop_the_others(received):
    def broken(**payload):
        raise ValueError("boom")

    events._handlers["test.happened"].insert(0, broken)
    try:
        events.publish("test.happened", thing_id=9)
    finally:
        events._handlers["test.happened"].remove(broken)
    assert received == [{"thing_id": 9}]


def test_subscribing_twice_registers_once(received):
    handler = events.subscribers("test.happened")[0]
    events.subscribe("test.happened", handler)
    assert events.subscribers("test.happened").count(handler) == 1
