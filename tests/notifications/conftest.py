import pytest

from tests.notifications.jobs import run_queued_jobs


@pytest.fixture
def run_jobs():
    """Runs every queued background job, as the worker does, until none is left."""
    return run_queued_jobs


@pytest.fixture
def activity(city, resident):
    """A published 10-seat gathering next week, hosted by the resident 지민."""
    from tests.activities.factories import ActivityFactory

    return ActivityFactory(region=city, host=resident, title="요천 둑길 걷기 모임")
