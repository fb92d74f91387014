"""/archive/ and /archive/documents/: browsing by organisation (a link's slug, or words of its
name), the years from the first and the last record, and the links to the filter."""

import re
from datetime import date

import pytest

from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [item.title for item in response.context["page"].items]


def name_box(html: str) -> str:
    """The "단체 이름" text box as the page draws it."""
    return re.search(r'<input type="text" name="organization_name"[^>]*>', html)[0]


@pytest.fixture
def records(make_record, organization, city):
    other = OrganizationFactory(name="남원 청년 협동조합", slug="namwon-youth", region=city)
    hosted = make_record(title="놀이터 그늘막", host_organization=organization)
    joined = make_record(title="하천 산책로", host_organization=other, held_on=date(2025, 5, 1))
    joined.organizations.set([organization])
    make_record(title="청년 일자리", host_organization=other, held_on=date(2024, 2, 1))
    make_record(title="혼자 연 모임")
    return {"hosted": hosted, "joined": joined, "other": other}


def test_an_organisation_link_shows_what_it_hosted_or_joined(client, records, organization):
    response = client.get(f"/archive/?organization={organization.slug}")

    assert response.status_code == 200
    assert titles(response) == ["놀이터 그늘막", "하천 산책로"]


def test_the_chosen_organisation_is_a_removable_choice_that_keeps_the_other_filters(
    client, records, organization, city
):
    html = client.get(f"/archive/?region={city.slug}&organization={organization.slug}").content
    html = html.decode()

    assert "단체: 놀이와 놀이터 남원시민 모임" in html
    assert f'<input type="hidden" name="organization" value="{organization.slug}">' in html
    remove = re.search(r'<a class="archive-chosen__remove" href="([^"]*)"', html)[1]
    assert remove == f"?region={city.slug}"
    assert "‘놀이와 놀이터 남원시민 모임’ 조건 빼기" in html  # what a screen reader says


def test_an_unknown_organisation_is_said_in_korean_and_the_other_filters_stay(client, records):
    response = client.get("/archive/?year=2025&organization=gone-away")
    html = response.content.decode()

    assert response.status_code == 200
    assert "이 주소의 단체를 찾지 못했습니다." in html
    assert titles(response) == ["하천 산책로"]  # the year still applies
    assert '<option value="2025" selected>' in html
    assert 'name="organization" value="gone-away"' not in html  # not sent again


def test_words_of_a_name_find_the_organisations_that_have_them_all(client, records):
    response = client.get("/archive/?organization_name=남원 청년")

    assert titles(response) == ["하천 산책로", "청년 일자리"]
    assert client.get("/archive/?organization_name=놀이터  남원").context["page"].items
    nobody = client.get("/archive/?organization_name=청년 놀이터").content.decode()
    assert "이름에 ‘청년 놀이터’이(가) 들어간 단체가 없습니다." in nobody


def test_a_name_nobody_has_is_said_in_korean_and_the_text_stays(client, records):
    response = client.get("/archive/?year=2024&organization_name=없는단체")
    html = response.content.decode()

    assert "이름에 ‘없는단체’이(가) 들어간 단체가 없습니다." in html
    assert 'value="없는단체"' in name_box(html)
    assert 'aria-invalid="true"' in name_box(html)
    assert titles(response) == ["청년 일자리"]  # the rest of the filter still applies


def test_an_overlong_name_is_refused_in_korean_and_kept(client, records):
    typed = "가" * 51

    html = client.get(f"/archive/?organization_name={typed}").content.decode()

    assert "단체 이름은 50자까지 적을 수 있습니다." in html
    assert f'value="{typed}"' in name_box(html)


def test_too_many_words_are_refused_in_korean(client, records):
    html = client.get("/archive/?organization_name=가 나 다 라 마 바").content.decode()

    assert "단체 이름은 낱말 5개까지 적을 수 있습니다." in html


def test_a_common_word_resolves_fifty_organisations_and_says_so(client, make_record, city):
    groups = [
        OrganizationFactory(name=f"마을 모임 {n:03d}", slug=f"maeul-{n:03d}", region=city)
        for n in range(51)
    ]
    make_record(title="첫 모임의 기록", host_organization=groups[0])
    make_record(title="쉰한째 모임의 기록", host_organization=groups[50])

    response = client.get("/archive/?organization_name=마을")
    html = response.content.decode()

    assert titles(response) == ["첫 모임의 기록"]  # the first 50 by name: 000 … 049
    assert "앞의 50곳의 기록만 보여 드립니다" in html
    assert "낱말을 더 적어 좁혀 보세요." in html
    assert titles(client.get("/archive/?organization_name=마을 모임 050")) == ["쉰한째 모임의 기록"]


def test_the_filter_lists_no_organisations_however_many_there_are(client, make_record, city):
    for n in range(30):
        group = OrganizationFactory(name=f"기록 남긴 모임 {n}", slug=f"kept-{n}", region=city)
        make_record(title=f"기록 {n}", host_organization=group)

    html = client.get("/archive/").content.decode()

    assert "기록 남긴 모임 7</option>" not in html
    assert 'name="organization_name"' in html


def test_the_years_run_from_the_last_record_back_to_the_first(client, make_record):
    make_record(held_on=date(2019, 6, 1))
    make_record(held_on=date(2026, 10, 3))
    make_record(held_on=date(2012, 1, 1), visibility="draft")  # a draft says nothing

    form = client.get("/archive/").context["form"]

    years = [value for value, _label in form.fields["year"].choices if value]
    assert years == [str(year) for year in range(2026, 2018, -1)]


def test_an_empty_archive_offers_no_year(client, db):
    form = client.get("/archive/").context["form"]

    assert [value for value, _label in form.fields["year"].choices] == [""]


def test_documents_take_the_organisation_filter_and_their_own_years(
    client, make_document, make_record, organization
):
    make_record(held_on=date(2019, 6, 1))
    report = make_document(title="놀이터 조사", issued_on=date(2022, 3, 1))
    report.organizations.set([organization])
    make_document(title="다른 단체의 자료", issued_on=date(2023, 3, 1))

    response = client.get(f"/archive/documents/?organization={organization.slug}")

    assert [item.title for item in response.context["page"].items] == ["놀이터 조사"]
    years = [value for value, _label in response.context["form"].fields["year"].choices]
    assert years == ["", "2023", "2022"]


def test_the_organisation_page_links_to_its_records(client, records, organization):
    html = client.get(f"/organizations/{organization.slug}/").content.decode()

    assert f'href="/archive/?organization={organization.slug}">이 단체의 기록 보기</a>' in html


def test_an_organisation_with_only_drafts_gets_no_link(client, make_record, city):
    quiet = OrganizationFactory(name="조용한 모임", slug="quiet", region=city)
    make_record(host_organization=quiet, visibility="draft")

    html = client.get("/organizations/quiet/").content.decode()

    assert "이 단체의 기록 보기" not in html


def test_an_organisation_that_only_took_part_gets_the_link(client, make_record, city):
    guest = OrganizationFactory(name="함께한 모임", slug="guest", region=city)
    make_record().organizations.set([guest])

    html = client.get("/organizations/guest/").content.decode()

    assert 'href="/archive/?organization=guest">이 단체의 기록 보기</a>' in html


def test_a_record_page_links_its_host_to_the_filter(client, records, organization):
    html = client.get(records["hosted"].get_absolute_url()).content.decode()

    assert f'href="/archive/?organization={organization.slug}">이 단체의 기록</a>' in html


def test_the_region_page_years_cover_its_neighbourhoods(client, make_record, city, neighbourhood):
    make_record(region=neighbourhood, held_on=date(2019, 6, 1))
    make_record(region=city, held_on=date(2021, 6, 1))

    city_page = client.get(f"/archive/regions/{city.slug}/")
    neighbourhood_page = client.get(f"/archive/regions/{neighbourhood.slug}/")

    assert city_page.context["years"] == [2021, 2020, 2019]
    assert city_page.context["year"] == 2021
    assert neighbourhood_page.context["years"] == [2019]
