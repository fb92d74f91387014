import factory
from factory.django import DjangoModelFactory

from sotong.questions.models import Answer, Question
from tests.factories import RegionFactory, UserFactory


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    title = factory.Sequence(lambda n: f"우리 동네 놀이터는 누가 관리하나요? {n}")
    body = "그네가 망가진 지 한 달이 넘었어요."
    region = factory.SubFactory(RegionFactory)
    author = factory.SubFactory(UserFactory)


class AnswerFactory(DjangoModelFactory):
    """Made through the model: counters are the services' job, so tests use those."""

    class Meta:
        model = Answer

    question = factory.SubFactory(QuestionFactory)
    author = factory.SubFactory(UserFactory)
    body = "시청 공원녹지과에 전화하면 됩니다."
