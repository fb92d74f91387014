"""Korean is the source language, so it is always complete; English must be complete too."""

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "sotong"
CATALOGUES = sorted(SRC.glob("**/locale/en/LC_MESSAGES/django.po"))


def _entries(po_text: str):
    """Yields (msgid, msgstr, flags) for every entry of a .po file, plurals included."""
    entry: dict[str, str] = {}
    flags = ""
    current = None
    for raw in [*po_text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            if entry.get("msgid"):
                msgid = entry["msgid"]
                if entry.get("msgctxt"):  # gettext files a context's entries under this key
                    msgid = f"{entry['msgctxt']}\x04{msgid}"
                yield msgid, entry.get("msgstr", ""), flags
            entry, flags, current = {}, "", None
        elif line.startswith("#,"):
            flags = line
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgid_plural ", "msgstr ", "msgstr[0] ", "msgctxt ")):
            key, _, value = line.partition(" ")
            current = {"msgstr[0]": "msgstr"}.get(key, key)
            entry[current] = entry.get(current, "") + value.strip('"')
        elif line.startswith("msgstr["):
            current = None
        elif line.startswith('"') and current:
            entry[current] = entry.get(current, "") + line.strip('"')


def test_every_app_with_interface_text_has_an_english_catalogue():
    apps_with_catalogue = {po.parts[-5] for po in CATALOGUES}
    assert {"core", "accounts", "organizations"} <= apps_with_catalogue


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_english_catalogue_is_complete(catalogue):
    missing = [
        msgid
        for msgid, msgstr, flags in _entries(catalogue.read_text(encoding="utf-8"))
        if not msgstr or "fuzzy" in flags
    ]
    assert missing == [], f"untranslated in {catalogue}: {missing[:10]}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_compiled_catalogue_is_up_to_date(catalogue):
    compiled = catalogue.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run compilemessages"
    assert _same_messages(catalogue), f"{compiled} is older than its .po: run compilemessages"


def _same_messages(catalogue: Path) -> bool:
    import gettext

    with catalogue.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    return all(
        msgstr in (compiled.gettext(msgid), compiled.ngettext(msgid, msgid, 1))
        for msgid, msgstr, flags in _entries(catalogue.read_text(encoding="utf-8"))
        if msgstr and "fuzzy" not in flags and "\\" not in msgid
    )
