"""Follow rules: who may follow what, once, and who counts as a follower of an activity."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from sotong.accounts.models import User
from sotong.interests.models import Follow
from sotong.interests.selectors import (
    followed_by,
    follower_count,
    follower_ids_for_activity,
    is_following,
)
from sotong.interests.services import follow, unfollow
from tests.activities.factories import ActivityFactory
from tests.conftest import ROLES
from tests.factories import NeighbourhoodFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_following_a_topic_is_the_profile_interest(resident, topics):
    assert follow(user=resident, target=topics[0]) is True
    assert list(resident.interests.all()) == [topics[0]]
    assert is_following(resident, topics[0])
    assert follower_count(topics[0]) == 1
    assert unfollow(user=resident, target=topics[0]) is True
    assert not resident.interests.exists()


def test_each_target_is_followed_once(resident, second_resident, organization, city):
    for target in (organization, city, second_resident):
        assert follow(user=resident, target=target) is True
        assert follow(user=resident, target=target) is False
        assert follower_count(target) == 1
    followed = followed_by(resident)
    assert followed.organization_ids == {organization.pk}
    assert followed.region_ids == {city.pk}
    assert followed.person_ids == {second_resident.pk}


def test_the_database_refuses_a_second_row_and_a_row_without_or_with_two_targets(
    resident, organization, city
):
    Follow.objects.create(follower=resident, organization=organization)
    for bad in (
        {"organization": organization},
        {},
        {"organization": organization, "region": city},
        {"person": resident},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Follow.objects.create(follower=resident, **bad)


@pytest.mark.parametrize("role", ROLES)
def test_every_signed_in_role_may_follow_and_anonymous_may_not(
    role, user_for_role, organization, topics
):
    user = user_for_role(role)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        with pytest.raises(PermissionDenied):
            follow(user=AnonymousUser(), target=organization)
        return
    assert follow(user=user, target=organization) is True
    assert follow(user=user, target=topics[1]) is True


def test_nobody_follows_themselves_a_private_profile_or_an_inactive_target(
    resident, second_resident, city
):
    with pytest.raises(PermissionDenied):
        follow(user=resident, target=resident)
    second_resident.profile_visibility = User.Visibility.PRIVATE
    second_resident.save()
    with pytest.raises(PermissionDenied):
        follow(user=resident, target=second_resident)
    closed = OrganizationFactory(region=city, is_active=False)
    with pytest.raises(PermissionDenied):
        follow(user=resident, target=closed)


def test_followers_of_an_activity(city, topics, organization, resident, second_resident):
    neighbourhood = NeighbourhoodFactory(parent=city)
    activity = ActivityFactory(
        region=neighbourhood, host=resident, host_organization=organization, topics=[topics[0]]
    )
    by_topic, by_city, by_neighbourhood, by_org, by_host, unrelated, gone = (
        UserFactory() for _ in range(7)
    )
    follow(user=by_topic, target=topics[0])
    follow(user=by_city, target=city)
    follow(user=by_neighbourhood, target=neighbourhood)
    follow(user=by_org, target=organization)
    follow(user=by_host, target=resident)
    follow(user=unrelated, target=topics[1])
    follow(user=gone, target=topics[0])
    gone.is_active = False
    gone.save()
    # The host follows their own topic: never notified of their own activity.
    follow(user=resident, target=topics[0])
    # Someone following through two ways counts once.
    follow(user=by_topic, target=organization)

    ids = list(follower_ids_for_activity(activity.pk))
    assert sorted(ids) == sorted(
        [by_topic.pk, by_city.pk, by_neighbourhood.pk, by_org.pk, by_host.pk]
    )


def test_followers_of_an_unknown_activity_are_nobody(db):
    assert list(follower_ids_for_activity(987654)) == []


def test_followers_of_an_activity_take_four_queries_whatever_the_follows(
    city, topics, resident, django_assert_num_queries
):
    activity = ActivityFactory(region=city, host=resident, topics=topics)
    for _ in range(5):
        follow(user=UserFactory(), target=topics[0])
    with django_assert_num_queries(4):  # activity, its topics, its region, the followers
        assert len(list(follower_ids_for_activity(activity.pk))) == 5


def test_account_deletion_removes_follows_both_ways(resident, second_resident, organization):
    from sotong.accounts.selectors import user_personal_data
    from sotong.accounts.services import user_delete

    follow(user=resident, target=organization)
    follow(user=second_resident, target=resident)
    exported = user_personal_data(user=resident)
    assert "놀이와 놀이터 남원시민 모임" in str(exported)
    user_delete(user=resident)
    assert not Follow.objects.filter(follower=resident).exists()
    assert not Follow.objects.filter(person=resident).exists()
