"""The search page as a person uses it: results, highlighting, facets, bad input, privacy."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sotong.activities.models import Activity
from sotong.search.models import SearchDocument
from sotong.search.selectors import MAX_QUERY_CHARS
from tests.activities.factories import ActivityFactory
from tests.conftest import ROLES
from tests.search.conftest import rebuild_index

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_an_inflected_word_finds_and_marks_the_word(client, corpus):
    html = page(client, q="놀이터를")
    assert "놀이터 개선 주민 모임" not in html  # the title is marked up, not plain
    assert "<mark>놀이터</mark> 개선 주민 모임" in html
    assert 'href="' + corpus["playground"] + '"' in html
    assert "검색 결과 2건" in html


def test_a_verb_is_marked_in_its_inflected_form(client, corpus):
    html = page(client, q="바꾸다")
    assert "<mark>바꿔</mark>" in html


def test_everything_is_escaped_before_marking(client, city):
    ActivityFactory(
        title="<script>alert(1)</script> 놀이터", description="<b>놀이터</b>", region=city
    )
    rebuild_index()
    html = page(client, q="놀이터")
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>놀이터</mark>" in html
    assert "&lt;b&gt;<mark>놀이터</mark>&lt;/b&gt;" in html


def test_title_matches_rank_above_body_matches(client, city):
    body_only = ActivityFactory(title="주민 모임", description="공원 이야기", region=city)
    in_title = ActivityFactory(title="공원 청소", description="함께 합니다", region=city)
    rebuild_index()
    html = page(client, q="공원")
    assert html.index(in_title.get_absolute_url()) < html.index(body_only.get_absolute_url())


def test_a_compound_is_found_by_its_part_below_the_exact_word(client, city):
    from datetime import timedelta

    from django.utils import timezone

    exact = ActivityFactory(
        title="어린이 그림 교실", starts_at=timezone.now() - timedelta(days=30), region=city
    )
    compound = ActivityFactory(
        title="어린이집 안전 점검", starts_at=timezone.now() + timedelta(days=3), region=city
    )
    rebuild_index()
    html = page(client, q="어린이")
    assert "<mark>어린이</mark>집 안전 점검" in html
    # The compound is newer, yet the title that says 어린이 comes first.
    assert html.index(exact.get_absolute_url()) < html.index(compound.get_absolute_url())


def test_when_relevance_ties_the_more_recent_comes_first(client, city):
    from datetime import timedelta

    from django.utils import timezone

    older = ActivityFactory(title="공원 청소", starts_at=timezone.now() - timedelta(days=60))
    newer = ActivityFactory(title="공원 청소", starts_at=timezone.now() + timedelta(days=3))
    rebuild_index()
    html = page(client, q="공원")
    assert html.index(newer.get_absolute_url()) < html.index(older.get_absolute_url())


def test_facets_count_and_filter_by_kind(client, corpus):
    html = page(client, q="모임")
    assert "결과 좁히기" in html
    assert "?q=%EB%AA%A8%EC%9E%84&amp;kind=organization" in html
    only_organizations = page(client, q="모임", kind="organization")
    assert corpus["play-group"] in only_organizations
    assert corpus["playground"] not in only_organizations


def test_year_and_unknown_facet_values_are_safe(client, corpus):
    assert corpus["playground"] in page(client, q="놀이터", kind="nonsense", topic="x", year="3")
    assert "검색 결과 0건" in page(client, q="놀이터", year="1999")


@pytest.mark.parametrize(
    "query",
    ["", "   ", '"', "*", "()", ":", "^", "-", '"*():^-', "AND", "OR NOT", "\x00", "ㅋㅋㅋ", "🙂"],
)
def test_bad_input_never_fails(client, corpus, query):
    page(client, q=query)


def test_the_query_is_shown_escaped(client, corpus):
    html = page(client, q='<script>"놀이터')
    assert 'value="&lt;script&gt;&quot;놀이터"' in html
    assert "<script>&quot;" not in html


def test_a_very_long_query_is_cut_with_a_message(client, corpus):
    html = page(client, q="놀이터 " + "가" * 5000)
    assert f"앞의 {MAX_QUERY_CHARS}자로만" in html


def test_a_typo_suggests_the_indexed_word(client, corpus):
    html = page(client, q="놀이텨를")
    assert "이 검색어를 찾으셨나요?" in html
    assert "놀이터</a>" in html


@pytest.mark.parametrize("role", ROLES)
def test_a_private_draft_is_found_by_its_host_only(role, user_for_role, client_for, city, resident):
    ActivityFactory(
        title="비밀 기획 놀이터", host=resident, region=city, status=Activity.Status.DRAFT
    )
    rebuild_index()
    user = user_for_role(role)
    html = page(client_for(user), q="비밀 기획")
    results = html.split('id="results-heading"')[1]
    assert ("비밀 기획" in results.replace("<mark>", "").replace("</mark>", "")) is (
        user == resident
    )


def test_the_host_finds_the_draft(client_for, city, resident):
    draft = ActivityFactory(title="비밀 기획", host=resident, status=Activity.Status.DRAFT)
    rebuild_index()
    assert draft.get_absolute_url() in page(client_for(resident), q="비밀")


def test_saving_reindexes_on_commit(city, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        activity = ActivityFactory(title="새로 만든 꽃밭 모임", region=city)
    document = SearchDocument.objects.get(kind="activity", object_id=activity.pk)
    assert "꽃밭" in document.title_terms.split()
    with django_capture_on_commit_callbacks(execute=True):
        activity.status = Activity.Status.CANCELLED
        activity.save()
    assert not SearchDocument.objects.filter(kind="activity", object_id=activity.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        other = ActivityFactory(title="금방 지울 모임", region=city)
        other_pk = other.pk
        other.delete()
    assert not SearchDocument.objects.filter(kind="activity", object_id=other_pk).exists()


def test_the_reindex_command_rebuilds_everything(city):
    from io import StringIO

    from django.core.management import call_command

    ActivityFactory.create_batch(3, region=city)
    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("sotong_reindex", stdout=out)
    assert SearchDocument.objects.filter(kind="activity").count() == 3
    assert "documents indexed" in out.getvalue()


def _count_queries(client, **params):
    client.get("/search/", params)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        page(client, **params)
    return len(queries)


def test_the_page_runs_a_fixed_number_of_queries(client, city, topics):
    ActivityFactory.create_batch(3, title="공원 산책", region=city, topics=topics[:2])
    rebuild_index()
    small = _count_queries(client, q="공원", kind="activity", topic=topics[0].pk)
    ActivityFactory.create_batch(45, title="공원 산책", region=city, topics=topics)
    rebuild_index()
    assert _count_queries(client, q="공원", kind="activity", topic=topics[0].pk) == small
    assert _count_queries(client, q="공원", page=3) == small - 0
    assert small <= 10
