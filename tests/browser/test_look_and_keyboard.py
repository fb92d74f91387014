"""What every page shares: KRDS styles and the Korean web font really load, the keyboard works."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import visit


def test_home_loads_the_krds_styles_and_draws_hangul_with_the_vendored_font(page, city, topics):
    visit(page, "/")
    stylesheets = page.evaluate(
        """() => [...document.styleSheets].filter((sheet) => sheet.href).map((sheet) => ({
            href: sheet.href, rules: sheet.cssRules.length,
        }))"""
    )
    assert any("krds" in sheet["href"].lower() for sheet in stylesheets), stylesheets
    assert all(sheet["rules"] > 0 for sheet in stylesheets), stylesheets

    page.evaluate("() => document.fonts.ready")
    body_font = page.evaluate("() => getComputedStyle(document.body).fontFamily")
    assert re.match(r'^"?Pretendard', body_font), body_font
    loaded_faces = page.evaluate(
        """() => [...document.fonts]
            .filter((face) => face.status === "loaded")
            .map((face) => face.family)"""
    )
    assert any("Pretendard" in family for family in loaded_faces), loaded_faces
    first_family = body_font.split(",")[0].strip()
    assert page.evaluate("(family) => document.fonts.check(`16px ${family}`, '소통')", first_family)


def test_the_skip_link_is_the_first_tab_stop_and_moves_to_the_main_content(page, city):
    visit(page, "/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="본문 바로가기")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('header') === null")


def test_keyboard_focus_is_visible_on_menu_links(page, city):
    visit(page, "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {tag: document.activeElement.tagName, outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth), shadow: style.boxShadow};
        }"""
    )
    assert outline["tag"] in {"A", "BUTTON"}, outline
    assert (outline["outline"] != "none" and outline["width"] > 0) or outline["shadow"] != "none"
