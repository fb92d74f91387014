import pytest

from tests.factories import TopicFactory

pytestmark = pytest.mark.django_db


def test_topics_come_in_their_set_order_with_icon_and_colour(client):
    TopicFactory(name="음악", slug="music", icon="🎵", color="#aa3300", order=2)
    TopicFactory(name="요리", slug="cooking", icon="🍳", order=1)

    response = client.get("/api/v1/topics")

    assert response.status_code == 200
    assert [topic["name"] for topic in response.json()] == ["요리", "음악"]
    music = response.json()[1]
    assert music["icon"] == "🎵"
    assert music["color"] == "#aa3300"
    assert music["order"] == 2
    assert music["region_id"] is None


def test_topics_leave_out_those_switched_off(client):
    TopicFactory(name="요리", slug="cooking")
    retired = TopicFactory(name="옛 주제", slug="retired")
    retired.is_active = False
    retired.save()

    assert [topic["slug"] for topic in client.get("/api/v1/topics").json()] == ["cooking"]


def test_topics_of_a_region_are_the_shared_ones_and_that_citys_own(client, city, jeju, ido):
    TopicFactory(name="공통", slug="shared")
    TopicFactory(name="지리산", slug="jirisan", region=city)
    TopicFactory(name="오름", slug="oreum", region=jeju)

    namwon = {topic["slug"] for topic in client.get("/api/v1/topics?region=namwon").json()}
    neighbourhood = {topic["slug"] for topic in client.get("/api/v1/topics?region=ido1").json()}
    everywhere = {topic["slug"] for topic in client.get("/api/v1/topics").json()}

    assert namwon == {"shared", "jirisan"}
    assert neighbourhood == {"shared", "oreum"}
    assert everywhere == {"shared", "jirisan", "oreum"}


def test_unknown_region_filter_is_a_422_naming_the_field(client, city):
    response = client.get("/api/v1/topics?region=busan")

    assert response.status_code == 422
    assert response.json() == {
        "detail": "입력값을 확인해 주세요: region",
        "errors": [{"field": "region", "location": "query", "message": "이런 지역이 없습니다."}],
    }


def test_topic_list_runs_the_same_queries_for_three_topics_or_sixty(
    client, city, django_assert_max_num_queries
):
    TopicFactory.create_batch(3)
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/topics?region=namwon").json()) == 3

    TopicFactory.create_batch(30)
    TopicFactory.create_batch(27, region=city)
    with django_assert_max_num_queries(2):
        assert len(client.get("/api/v1/topics?region=namwon").json()) == 60
