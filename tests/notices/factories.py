from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from sotong.notices.models import Notice, NoticeQuestion
from tests.factories import OrganizationFactory, RegionFactory, UserFactory


class NoticeFactory(DjangoModelFactory):
    class Meta:
        model = Notice

    kind = Notice.Kind.HEARING
    title = factory.Sequence(lambda n: f"공원 이름 바꾸기 공청회 {n}")
    body = "**공원 이름**을 바꾸는 안에 대해 주민 의견을 듣습니다."
    region = factory.SubFactory(RegionFactory)
    department = factory.SubFactory(
        OrganizationFactory, kind="government", region=factory.SelfAttribute("..region")
    )
    author = factory.SubFactory(UserFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    place_name = "남원시청 3층 대회의실"
    comment_closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


class NoticeQuestionFactory(DjangoModelFactory):
    class Meta:
        model = NoticeQuestion

    notice = factory.SubFactory(NoticeFactory)
    author = factory.SubFactory(UserFactory)
    body = "새 이름은 누가 정하나요?"
