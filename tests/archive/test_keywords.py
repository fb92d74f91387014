"""Key words: nouns and compounds, TF-IDF against the archive, stop words out; related
records by shared key words; the key-word page and the region's year chart."""

import pytest

from sotong.archive import keywords
from sotong.archive.models import Term
from tests.notifications.jobs import run_queued_jobs

pytestmark = pytest.mark.django_db

PARKING = (
    "대학 내 주차문제를 이야기했습니다. 학생들은 주차 공간이 부족하다고 했고, 교직원 "
    "주차장을 시간제로 개방하자는 의견이 나왔습니다. 통학버스 증편도 이야기했습니다. "
    "통학버스가 늘면 차를 두고 올 학생이 많습니다."
)
BUS = (
    "시내버스 배차 간격이 길어 불편하다는 이야기가 많았습니다. 통학버스와 시내버스 "
    "노선을 잇고, 정류장에 도착 안내 전광판을 달자는 의견이 나왔습니다."
)
BOOKS = (
    "동네 서점이 문을 닫지 않도록 작가와의 만남과 독서 모임을 서점에서 열기로 했습니다. "
    "도서관이 지역 서점에서 책을 사는 방안도 이야기했습니다."
)


@pytest.fixture
def three(make_record):
    records = [
        make_record(title="대학 내 주차문제", summary=PARKING),
        make_record(title="대중교통 불편점 해결", summary=BUS),
        make_record(title="지역 서점 활성화 방안", summary=BOOKS),
    ]
    keywords.refresh_all()
    return records


def test_nouns_and_compounds_without_stop_words():
    counts = keywords.noun_counts(PARKING)

    assert "주차문제" in counts  # a compound written as one word stays one
    assert "주차장" in counts
    assert "학생" in counts and "학생들" not in counts
    assert not {"이야기", "의견", "모임"} & set(counts)


def test_key_words_say_what_a_record_is_about(three):
    parking, bus, books = three

    assert "서점" in keywords.keywords_of(books)
    assert any("주차" in word for word in keywords.keywords_of(parking))
    assert "시내버스" in keywords.keywords_of(bus)
    assert len(keywords.keywords_of(parking)) <= keywords.KEYWORDS_PER_ITEM


def test_a_word_every_record_uses_weighs_less(make_record):
    shared = "마을 회관에서 만났습니다. "
    first = make_record(title="하나", summary=shared + "놀이터 그늘막 그늘막 그늘막")
    make_record(title="둘", summary=shared + "버스 정류장")
    make_record(title="셋", summary=shared + "서점 독서")
    keywords.refresh_all()

    scores = dict(Term.objects.filter(record=first).values_list("term", "score"))
    assert scores["그늘막"] > scores["회관"]


def test_related_records_share_key_words(three):
    parking, bus, books = three

    related = keywords.related_records(parking)

    assert bus in related  # 통학버스 in both
    assert books not in related
    assert parking not in related


def test_drafts_are_never_related(three, make_record):
    parking, *_ = three
    draft = make_record(title="초안", summary=PARKING, visibility="draft")
    keywords.refresh(draft)

    assert draft not in keywords.related_records(parking)


def test_saving_through_the_service_queues_the_key_words(
    make_record, resident, city, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from sotong.archive.services import record_update

    record = make_record(summary="처음 요약")
    with django_capture_on_commit_callbacks(execute=True):
        record_update(actor=resident, record=record, fields={"summary": PARKING})

    job = DBTaskResult.objects.get(task_path="sotong.archive.tasks.refresh_record_keywords")
    assert job.args_kwargs["args"] == [record.pk]
    assert run_queued_jobs() == 1  # what the task worker does
    assert "통학버스" in keywords.keywords_of(record)


def test_the_keyword_page_lists_records_with_it(client, three):
    parking, bus, books = three

    html = client.get("/archive/keywords/서점/").content.decode()

    assert "지역 서점 활성화 방안" in html
    assert "대학 내 주차문제" not in html
    assert client.get("/archive/keywords/없는낱말/").status_code == 404


def test_the_record_page_links_key_words_and_related_records(client, three):
    parking, bus, books = three

    html = client.get(parking.get_absolute_url()).content.decode()

    assert "핵심 키워드" in html
    assert 'href="/archive/keywords/' in html
    assert "키워드가 비슷한 기록" in html
    assert bus.get_absolute_url() in html


def test_the_region_year_chart_has_a_table_alternative(client, three, city):
    html = client.get(f"/archive/regions/{city.slug}/?year=2026").content.decode()

    assert '<svg role="img"' in html
    assert "<table" in html and "서점" in html
    assert client.get(f"/archive/regions/{city.slug}/?year=abc").status_code == 200
    assert client.get(f"/archive/regions/{city.slug}/?year=99999").status_code == 200
    assert client.get(f"/archive/regions/{city.slug}/?year=-5").status_code == 200


def test_the_management_command_recomputes_everything(three, capsys):
    from django.core.management import call_command

    Term.objects.all().delete()
    call_command("archive_keywords")

    assert Term.objects.filter(is_keyword=True).count() >= 6
    assert "3 records and documents analysed." in capsys.readouterr().out


def test_a_busy_key_word_pages_its_records_instead_of_cutting_at_fifty(client, make_record):
    from datetime import date, timedelta

    for n in range(23):
        record = make_record(title=f"서점 모임 {n:02d}", held_on=date(2026, 1, 1) + timedelta(n))
        Term.objects.create(record=record, term="서점", count=2, score=3.0, is_keyword=True)

    first = client.get("/archive/keywords/서점/")
    html = first.content.decode()
    after = first.context["page"].next_cursor
    rest = client.get(f"/archive/keywords/서점/?after={after}")

    assert [r.title for r in first.context["page"].items][:2] == ["서점 모임 22", "서점 모임 21"]
    assert len(first.context["page"].items) == 20
    assert "더 지난 기록" in html
    assert "대화모임 기록 20건" not in html  # not a count of what is only the first page
    assert [r.title for r in rest.context["page"].items] == [
        "서점 모임 02",
        "서점 모임 01",
        "서점 모임 00",
    ]
    assert rest.status_code == 200


def test_a_key_word_on_one_page_says_how_many(client, three):
    html = client.get("/archive/keywords/서점/").content.decode()

    assert "대화모임 기록 1건" in html
    assert "더 지난 기록" not in html


def test_related_records_are_ranked_among_each_words_newest(make_record, monkeypatch):
    monkeypatch.setattr(keywords, "RELATED_CANDIDATES_PER_WORD", 2)
    parking = make_record(title="대학 내 주차문제", summary=PARKING)
    oldest = make_record(title="처음 주차 이야기", summary=PARKING)
    newer = [make_record(title=f"주차 이야기 {n}", summary=PARKING) for n in range(2)]
    keywords.refresh_all()

    related = keywords.related_records(parking)

    assert set(related) == set(newer)  # each word brings its two newest records only
    assert oldest not in related
