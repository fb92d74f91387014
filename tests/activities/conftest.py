import pytest

from tests.activities.factories import ActivityFactory


@pytest.fixture
def activity(city, resident):
    """A published 10-seat gathering next week, hosted by the resident 지민."""
    return ActivityFactory(region=city, host=resident, title="요천 둑길 걷기 모임")
