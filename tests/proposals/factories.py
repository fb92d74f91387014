"""Builders for proposals (other apps' tests may import them)."""

import factory
from factory.django import DjangoModelFactory

from sotong.proposals.models import Proposal
from tests.factories import RegionFactory, UserFactory


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"놀이터 그늘막 설치 제안 {n}")
    problem = "여름이면 놀이터 미끄럼틀이 뜨거워 아이들이 놀 수 없습니다."
    idea = "놀이터마다 그늘막과 음수대를 설치해 주세요."
    expected_effect = "한여름에도 아이들이 밖에서 놀 수 있습니다."
    author = factory.SubFactory(UserFactory)
