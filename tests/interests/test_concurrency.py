"""Many follow clicks at the same moment: one follow per person, and the count is right."""

import pytest

from sotong.interests.models import Follow
from sotong.interests.selectors import follower_count
from sotong.interests.services import follow
from tests.activities.test_concurrency import run_together
from tests.factories import OrganizationFactory, RegionFactory, UserFactory

PEOPLE = 20


@pytest.mark.django_db(transaction=True)
def test_parallel_follows_make_one_row_per_person():
    organization = OrganizationFactory(region=RegionFactory())
    people = [UserFactory() for _ in range(PEOPLE)]
    # Each person clicks twice at once (two tabs, a double tap).
    errors = run_together(lambda person: follow(user=person, target=organization), people + people)
    assert errors == []
    assert Follow.objects.filter(organization=organization).count() == PEOPLE
    assert follower_count(organization) == PEOPLE
