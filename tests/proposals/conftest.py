import pytest

from sotong.proposals import services
from tests.factories import UserFactory
from tests.proposals.factories import ProposalFactory


@pytest.fixture
def proposal(city, resident):
    """지민's proposal in the city, just submitted (with its first timeline step)."""
    return services.proposal_create(
        actor=resident,
        fields={
            "region": city,
            "title": "향교동 놀이터에 그늘막을 설치해 주세요",
            "problem": "여름 한낮에 놀이터 미끄럼틀이 너무 뜨거워 아이들이 놀 수 없습니다.",
            "idea": "놀이터 두 곳에 그늘막과 음수대를 설치해 주세요.",
        },
    )


@pytest.fixture
def supporters(city):
    """Returns a function: n → n residents of the city."""

    def make(n: int):
        return [UserFactory(home_region=city) for _ in range(n)]

    return make


@pytest.fixture
def bare_proposal(city, resident):
    return ProposalFactory(region=city, author=resident)
