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


# Who may see a draft activity (activities/rules.py) finds it; the organisation's admin
# because it hosts this one.
ACTIVITY_DRAFT_FINDERS = {"resident", "org_admin", "region_admin", "admin"}


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_activity_is_found_by_those_who_may_see_it(
    role, user_for_role, client_for, city, resident, organization
):
    draft = ActivityFactory(
        title="비밀 기획 놀이터",
        host=resident,
        host_organization=organization,
        region=city,
        status=Activity.Status.DRAFT,
    )
    rebuild_index()
    user = user_for_role(role)
    may_see = user is not None and user.has_perm("activities.view_activity", draft)
    assert may_see is (role in ACTIVITY_DRAFT_FINDERS)
    html = page(client_for(user), q="비밀 기획")
    results = html.split('id="results-heading"')[1]
    assert ("비밀 기획" in results.replace("<mark>", "").replace("</mark>", "")) is may_see


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


# The search itself: the counts per kind, region and year (the total and three facets), the
# page, the topic facet (a page with fewer than 3 results adds the suggestion's term lookup
# and its count). Around it, the page reads the region list (which names the region facet
# too), and a signed-in person's session, user and unread notifications; the API reads the
# regions' names, and session and user.
SEARCH_QUERIES = 3
PAGE_QUERIES = {"anonymous": SEARCH_QUERIES + 1, "signed_in": SEARCH_QUERIES + 4}
API_QUERIES = {"anonymous": SEARCH_QUERIES + 1, "signed_in": SEARCH_QUERIES + 3}


def _count_queries(client, path="/search/", **params):
    client.get(path, params)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries)


def test_the_page_runs_a_fixed_number_of_queries(client, city, topics):
    ActivityFactory.create_batch(3, title="공원 산책", region=city, topics=topics[:2])
    rebuild_index()
    small = _count_queries(client, q="공원", kind="activity", topic=topics[0].pk)
    ActivityFactory.create_batch(45, title="공원 산책", region=city, topics=topics)
    rebuild_index()
    assert _count_queries(client, q="공원", kind="activity", topic=topics[0].pk) == small
    assert _count_queries(client, q="공원", page=3) == small
    assert small == PAGE_QUERIES["anonymous"]


@pytest.mark.parametrize("role", ["anonymous", "org_admin", "region_admin", "admin"])
def test_who_may_find_drafts_costs_no_query_on_the_page_or_in_the_api(
    role, user_for_role, client_for, city, topics, organization
):
    client = client_for(user_for_role(role))
    expected = "anonymous" if role == "anonymous" else "signed_in"
    params = {"q": "공원", "kind": "activity", "topic": topics[0].pk}
    for published, drafts in ((3, 2), (45, 20)):
        ActivityFactory.create_batch(published, title="공원 산책", region=city, topics=topics)
        ActivityFactory.create_batch(
            drafts,
            title="공원 초안",
            region=city,
            topics=topics,
            host_organization=organization,
            status=Activity.Status.DRAFT,
        )
        rebuild_index()
        assert _count_queries(client, **params) == PAGE_QUERIES[expected]
        assert _count_queries(client, "/api/v1/search", **params) == API_QUERIES[expected]
