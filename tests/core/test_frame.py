"""What every page shares (base.html): skip link, landmarks, menus, messages, languages."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

STATIC_LINK = re.compile(r'(?:href|src)="/static/([^"]+)"')


def body(client, path="/") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_skip_link_comes_first_and_points_at_main(client, city):
    text = body(client)
    after_body = text.split("<body>", 1)[1]
    first_link = re.search(r"<a [^>]*>[^<]*</a>", after_body).group(0)
    assert first_link == '<a href="#main">본문 바로가기</a>'
    assert '<main id="main"' in text


def test_page_has_banner_navigation_main_and_footer_landmarks(client, city):
    text = body(client)
    assert text.count("<header") == 1
    assert '<nav class="site-nav" aria-label="주 메뉴">' in text
    assert '<nav class="site-account" aria-label="회원 메뉴">' in text
    assert text.count("<main") == 1
    assert text.count("<footer") == 1
    assert text.count("<h1") == 1


def test_html_lang_is_korean_by_default(client, city):
    assert '<html lang="ko">' in body(client)


def test_main_menu_marks_the_current_section(client, city):
    assert '<a href="/" aria-current="page">홈</a>' in body(client, "/")
    assert '<a href="/regions/" aria-current="page">지역</a>' in body(client, "/regions/")
    assert '<a href="/regions/" aria-current="page">지역</a>' in body(client, "/regions/namwon/")
    assert 'href="/organizations/" aria-current="page"' in body(client, "/organizations/")


def test_anonymous_visitor_gets_log_in_and_sign_up(client, city):
    text = body(client)
    assert 'href="/accounts/login/">로그인</a>' in text
    assert 'href="/accounts/signup/">회원가입</a>' in text
    assert "로그아웃" not in text


def test_resident_gets_their_profile_and_a_log_out_button_that_posts(client, city, resident):
    client.force_login(resident)
    text = body(client)
    assert 'href="/people/me/">내 정보</a>' in text
    logout = re.search(r'<form method="post" action="/accounts/logout/">(.*?)</form>', text, re.S)
    assert logout is not None
    assert 'name="csrfmiddlewaretoken"' in logout.group(1)
    assert '<button type="submit" class="site-account-link">로그아웃</button>' in logout.group(1)
    assert 'href="/accounts/login/"' not in text


def test_the_frame_never_shows_the_residents_email(client, city, resident):
    client.force_login(resident)
    assert resident.email not in body(client)


def test_messages_are_announced_in_a_status_region_with_a_written_label(client, city, resident):
    client.force_login(resident)
    response = client.post("/accounts/logout/", follow=True)
    text = response.content.decode()
    status = re.search(r'<div class="site-messages" role="status">(.*?)</div>', text, re.S)
    assert status is not None, "a log-out leaves a message"
    assert "sotong-alert-label" in status.group(1)


def test_language_buttons_post_to_set_language_and_come_back(client, city):
    text = body(client, "/regions/")
    form = re.search(
        r'<form class="site-language" method="post" action="/language/">(.*?)</form>',
        text,
        re.S,
    )
    assert form is not None
    assert "csrfmiddlewaretoken" not in form.group(1)
    assert '<input type="hidden" name="next" value="/regions/">' in form.group(1)
    assert 'name="language" value="ko" lang="ko"' in form.group(1)
    assert 'name="language" value="en" lang="en"' in form.group(1)
    assert ">English</button>" in form.group(1)
    assert ">한국어</button>" in form.group(1)


def test_switching_to_english_turns_the_page_english(city):
    client = Client(enforce_csrf_checks=True)  # the switcher's form carries no token
    response = client.post("/language/", {"language": "en", "next": "/regions/"})
    assert response.status_code == 302
    assert response["Location"] == "/regions/"
    text = body(client, "/regions/")
    assert '<html lang="en">' in text
    assert ">Organisations</a>" in text
    assert ">Skip to main content</a>" in text
    assert "<h1>Regions</h1>" in text
    back = client.post("/language/", {"language": "ko", "next": "/"})
    assert back.status_code == 302
    assert '<html lang="ko">' in body(client, "/")


def test_every_static_file_the_frame_links_exists(client, city):
    paths = set(STATIC_LINK.findall(body(client)))
    assert {"vendor/krds/krds.min.css", "sotong/site.css"} <= paths
    for path in paths:
        assert finders.find(path), path


def test_stylesheets_name_only_files_that_exist():
    for stylesheet in (
        "vendor/krds/krds.min.css",
        "sotong/site.css",
        "vendor/noto-emoji/noto-emoji.css",
    ):
        location = finders.find(stylesheet)
        css = Path(location).read_text(encoding="utf-8")
        for url in re.findall(r"url\(\"?([^\")]+)\"?\)", css):
            if url.startswith("data:"):
                continue
            assert not url.startswith(("http:", "https:", "//")), f"{stylesheet} loads {url}"
            target = (stylesheet.rsplit("/", 1)[0] + "/" + url).replace("/./", "/")
            parts = []
            for part in target.split("/"):
                if part == "..":
                    parts.pop()
                else:
                    parts.append(part)
            assert finders.find("/".join(parts)), f"{stylesheet} names missing {url}"


def test_vendored_assets_keep_their_licences():
    for licence in (
        "vendor/krds/LICENSE.md",
        "vendor/pretendard-gov/LICENSE.txt",
        "vendor/noto-emoji/LICENSE",
        "vendor/README.md",
    ):
        assert finders.find(licence), licence


def test_the_frame_looks_regions_up_at_most_twice_per_page(client, city, neighbourhood):
    for path in ("/no-such-page/", "/regions/", "/", "/regions/dongchung/"):
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        region_queries = [q for q in queries.captured_queries if 'FROM "core_region"' in q["sql"]]
        assert len(region_queries) <= 2, (path, [q["sql"][:80] for q in region_queries])


def test_pages_without_the_frame_do_not_look_regions_up(client, city, django_assert_num_queries):
    with django_assert_num_queries(0):
        client.get("/healthz")
