"""Builders for activities, sign-ups and reviews (other apps' tests may import them)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sotong.activities.models import Activity, Review, Rsvp
from tests.factories import RegionFactory, UserFactory


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    kind = Activity.Kind.GATHERING
    title = factory.Sequence(lambda n: f"요천 산책 모임 {n}")
    description = "요천 둑길을 함께 걷고 차 한 잔 나눕니다."
    region = factory.SubFactory(RegionFactory)
    place_name = "요천 생태공원 입구"
    address = "전북특별자치도 남원시 요천로"
    latitude = 35.405
    longitude = 127.385
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    capacity = 10
    fee = 0
    host = factory.SubFactory(UserFactory)
    host_contact = "010-1234-5678"
    status = Activity.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.topics.set(extracted)


class RsvpFactory(DjangoModelFactory):
    class Meta:
        model = Rsvp

    activity = factory.SubFactory(ActivityFactory)
    user = factory.SubFactory(UserFactory)
    status = Rsvp.Status.CONFIRMED


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    activity = factory.SubFactory(ActivityFactory)
    author = factory.SubFactory(UserFactory)
    rating = 5
    text = "아이와 함께 즐거운 시간이었습니다."
