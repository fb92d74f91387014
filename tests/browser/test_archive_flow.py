"""The archive as a resident meets it on a phone, in Korean: browse the records, open one,
follow a key word to the records that share it, look at the region's year of key words."""

from datetime import date

import pytest
from playwright.sync_api import expect

from sotong.archive import keywords
from tests.archive.conftest import make_record  # noqa: F401  (the archive tests' fixture)
from tests.browser.conftest import check_page, field, follow, visit

pytestmark = pytest.mark.browser

BOOKSHOP = (
    "동네 서점이 문을 닫지 않도록 작가와의 만남과 독서 모임을 서점에서 열기로 했습니다. "
    "도서관이 지역 서점에서 책을 사는 방안도 이야기했습니다."
)
LIBRARY = (
    "작은도서관이 동네 서점에서 책을 사면 서점도 살고 주민도 새 책을 가까이에서 봅니다. "
    "그림책 읽어 주기 봉사자를 함께 모집합니다."
)
BUS = "시내버스 배차 간격이 길어 불편하다는 이야기가 많았습니다. 정류장 전광판이 필요합니다."


@pytest.fixture
def archive(make_record, topics):  # noqa: F811  (the imported fixture)
    records = {
        "bookshop": make_record(
            title="지역 서점 활성화 방안", summary=BOOKSHOP, held_on=date(2026, 7, 25)
        ),
        "library": make_record(
            title="동네 책방과 작은도서관 잇기", summary=LIBRARY, held_on=date(2026, 11, 8)
        ),
        "bus": make_record(title="대중교통 불편점 해결", summary=BUS, held_on=date(2026, 8, 9)),
    }
    keywords.refresh_all()
    return records


def test_a_resident_follows_a_key_word_from_a_record_to_related_records(page, archive, city):
    visit(page, "/archive/", "archive")
    expect(page.get_by_role("heading", level=1)).to_have_text("아카이브")
    expect(page.get_by_role("link", name="대중교통 불편점 해결")).to_be_visible()

    follow(page, page.get_by_role("link", name="지역 서점 활성화 방안"), "**/archive/records/*/")
    expect(page.get_by_role("heading", level=1)).to_have_text("지역 서점 활성화 방안")
    expect(page.get_by_role("heading", name="핵심 키워드")).to_be_visible()
    expect(page.get_by_text("CC BY 4.0").first).to_be_visible()
    related = page.get_by_role("region", name="키워드가 비슷한 기록")
    expect(related.get_by_role("link", name="동네 책방과 작은도서관 잇기")).to_be_visible()
    expect(related.get_by_role("link", name="대중교통 불편점 해결")).to_have_count(0)

    follow(page, page.get_by_role("link", name="#서점"), "**/archive/keywords/**")
    expect(page.get_by_role("heading", level=1)).to_contain_text("서점")
    expect(page.get_by_role("link", name="동네 책방과 작은도서관 잇기")).to_be_visible()
    expect(page.get_by_role("link", name="대중교통 불편점 해결")).to_have_count(0)

    follow(page, page.get_by_role("link", name="동네 책방과 작은도서관 잇기"))
    expect(page.get_by_role("heading", level=1)).to_have_text("동네 책방과 작은도서관 잇기")


def test_the_region_year_chart_and_the_browse_filter(page, archive, city):
    visit(page, f"/archive/regions/{city.slug}/?year=2026", "archive-region")
    expect(page.get_by_role("img", name=f"{city.name}의 2026년 키워드 막대그래프")).to_be_visible()
    expect(page.get_by_role("table").get_by_role("link", name="서점")).to_be_visible()

    visit(page, "/archive/", "archive-filter")
    page.get_by_text("분야·연도·단체로 좁히기").click()
    field(page, "연도").select_option("2026")
    follow(page, page.get_by_role("button", name="보기"))
    expect(page.get_by_role("link", name="지역 서점 활성화 방안")).to_be_visible()
    check_page(page, "archive-filtered")


def test_from_an_organisation_to_its_records_and_back_to_all(page, make_record, city):  # noqa: F811
    from tests.factories import OrganizationFactory

    group = OrganizationFactory(name="요천 책방 모임", slug="yocheon-books", region=city)
    make_record(title="지역 서점 활성화 방안", summary=BOOKSHOP, host_organization=group)
    make_record(title="대중교통 불편점 해결", summary=BUS, held_on=date(2026, 8, 9))

    visit(page, f"/organizations/{group.slug}/", "organisation-with-records")
    follow(page, page.get_by_role("link", name="이 단체의 기록 보기"), "**/archive/?organization=*")
    expect(page.get_by_text("단체: 요천 책방 모임")).to_be_visible()
    expect(page.get_by_role("link", name="지역 서점 활성화 방안")).to_be_visible()
    expect(page.get_by_role("link", name="대중교통 불편점 해결")).to_have_count(0)

    follow(page, page.get_by_role("link", name="‘요천 책방 모임’ 조건 빼기"), label="archive-all")
    expect(page.get_by_role("link", name="대중교통 불편점 해결")).to_be_visible()

    page.get_by_text("분야·연도·단체로 좁히기").click()
    field(page, "단체 이름").fill("없는 모임")
    follow(page, page.get_by_role("button", name="보기"), label="archive-no-organisation")
    expect(page.get_by_text("이름에 ‘없는 모임’이(가) 들어간 단체가 없습니다.")).to_be_visible()
    expect(field(page, "단체 이름")).to_have_value("없는 모임")

    field(page, "단체 이름").fill("책방")
    follow(page, page.get_by_role("button", name="보기"), label="archive-by-name")
    expect(page.get_by_role("link", name="지역 서점 활성화 방안")).to_be_visible()
    expect(page.get_by_role("link", name="대중교통 불편점 해결")).to_have_count(0)


def test_the_editors_and_a_document_page_are_accessible(open_phone, resident, archive, city):
    from sotong.archive.models import Document

    document = Document.objects.create(
        title="놀이환경 실태 조사 보고서",
        issued_on=date(2026, 3, 2),
        region=city,
        summary="놀이터 54곳을 조사했습니다.",
        created_by=resident,
    )
    jimin = open_phone(resident)

    visit(jimin, "/archive/records/new/", "record-new")
    expect(jimin.get_by_role("heading", level=1)).to_have_text("대화모임 기록 남기기")
    field(jimin, "주제").fill("")
    with jimin.expect_navigation():
        jimin.get_by_role("button", name="기록 저장하기").click()
    # The form answers 400 with the errors beside the fields: that answer is the point here.
    jimin.watch.problems[:] = [p for p in jimin.watch.problems if not p.startswith("HTTP 400")]
    check_page(jimin, "record-new-errors")
    expect(jimin.get_by_text("주제를 적어 주세요.", exact=True)).to_be_visible()

    visit(jimin, f"/archive/records/{archive['bus'].pk}/edit/", "record-edit")
    visit(jimin, "/archive/documents/new/", "document-new")
    visit(jimin, document.get_absolute_url(), "document")
    expect(jimin.get_by_role("link", name="자료 고치기")).to_be_visible()
