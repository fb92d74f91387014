"""The 800×400 preview image that KakaoTalk, Band and Facebook show for a shared activity link.

The host's photo, cropped to 800×400, when there is one; otherwise a PNG drawn here with the
title, date and place in Korean on a KRDS-blue ground. Either is kept in the cache under the
activity's id and last change, so it is drawn once per version, not once per request.
"""

import io
from functools import cache, lru_cache
from pathlib import Path

from django.core.cache import cache as django_cache
from django.utils import dateformat, timezone, translation
from PIL import Image, ImageDraw, ImageFont, ImageOps

from sotong.activities.models import Activity

WIDTH, HEIGHT = 800, 400
# Bump when the drawing changes, so cached images of the old look are not served.
DRAWING_VERSION = 1
CACHE_SECONDS = 7 * 24 * 3600

BACKGROUND = "#0b50d0"  # KRDS primary-60: white text on it passes WCAG AA
BAND = "#083891"  # KRDS primary-70
TEXT = "#ffffff"
SOFT_TEXT = "#d8e5fd"  # KRDS primary-10

# The web font the pages use (core vendors it): Pretendard GOV as its author subsets it, then
# "Sotong Hangul" for the other modern syllables. FreeType reads WOFF2 directly.
_FONT_DIR = Path(__file__).resolve().parent.parent / "core" / "static" / "vendor" / "pretendard-gov"
_FONT_FILES = {
    "bold": ("PretendardGOV-Bold.subset.woff2", "SotongHangul-Bold.woff2"),
    "regular": ("PretendardGOV-Regular.subset.woff2", "SotongHangul-Regular.woff2"),
}
_PRIVATE_USE = "\ue000"  # no font has it: its drawing is the font's "missing glyph" box


@cache
def _fonts(weight: str, size: int) -> tuple[ImageFont.FreeTypeFont, ...]:
    return tuple(ImageFont.truetype(str(_FONT_DIR / name), size) for name in _FONT_FILES[weight])


def _drawing(font: ImageFont.FreeTypeFont, char: str) -> bytes:
    canvas = Image.new("L", (32, 32))
    ImageDraw.Draw(canvas).text((0, 0), char, font=font, fill=255)
    return canvas.tobytes()


@cache
def _missing_glyph(path: str) -> tuple[ImageFont.FreeTypeFont, bytes]:
    font = ImageFont.truetype(path, 16)
    return font, _drawing(font, _PRIVATE_USE)


@lru_cache(maxsize=20_000)
def _covers(path: str, char: str) -> bool:
    """Pillow cannot ask a font for its character map, so compare with the missing-glyph box
    (drawn small: whether a font has a character does not depend on the size)."""
    if char.isspace():
        return True
    font, missing = _missing_glyph(path)
    left, top, right, bottom = font.getbbox(char)
    if right <= left or bottom <= top:
        return False
    return _drawing(font, char) != missing


def _has_glyph(font: ImageFont.FreeTypeFont, char: str) -> bool:
    return _covers(font.path, char)


def _runs(text: str, fonts) -> list[tuple[str, ImageFont.FreeTypeFont]]:
    """Splits text into pieces each drawn with the first font that has its characters."""
    runs: list[tuple[str, ImageFont.FreeTypeFont]] = []
    for char in text:
        font = next((f for f in fonts if _has_glyph(f, char)), fonts[0])
        if runs and runs[-1][1] is font:
            runs[-1] = (runs[-1][0] + char, font)
        else:
            runs.append((char, font))
    return runs


def _width(text: str, fonts) -> float:
    return sum(font.getlength(piece) for piece, font in _runs(text, fonts))


def _draw(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fonts, fill) -> None:
    x, baseline = xy
    for piece, font in _runs(text, fonts):
        draw.text((x, baseline), piece, font=font, fill=fill, anchor="ls")
        x += font.getlength(piece)


def _fit(text: str, fonts, width: float) -> str:
    """The text, cut with an ellipsis so that it fits in width."""
    if _width(text, fonts) <= width:
        return text
    while text and _width(text + "…", fonts) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, fonts, width: float, max_lines: int) -> list[str]:
    """Breaks at spaces where it can and inside a word (Korean allows it) where it must."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _width(candidate, fonts) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        for char in word:
            if _width(line + char, fonts) <= width:
                line += char
            else:
                lines.append(line)
                line = char
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _fit(" ".join(lines[max_lines - 1 :]), fonts, width)]
    return lines


KOREAN_WEEKDAYS = "월화수목금토일"


def when_text(activity: Activity) -> str:
    """E.g. 2025년 5월 3일 (토) 오후 2:00 — always in Korean, like the image."""
    local = timezone.localtime(activity.starts_at)
    with translation.override("ko"):
        day = dateformat.format(local, "Y년 n월 j일")
        clock = dateformat.format(local, "A g:i")
    return f"{day} ({KOREAN_WEEKDAYS[local.weekday()]}) {clock}"


def place_text(activity: Activity) -> str:
    with translation.override("ko"):
        parts = []
        if activity.is_online:
            parts.append(str(translation.gettext("온라인")))
        if activity.place_name:
            parts.append(activity.place_name)
        if not parts and activity.address:
            parts.append(activity.address)
        return " · ".join(parts)


def draw_card(activity: Activity) -> bytes:
    """The generated 800×400 PNG: title (up to 3 lines), date and place."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 48
    inner = WIDTH - 2 * margin

    with translation.override("ko"):
        label = f"{activity.get_kind_display()} · {activity.region.city.name}"
        site = str(translation.gettext("소통"))
    small = _fonts("bold", 24)
    _draw(draw, (margin, 72), _fit(label, small, inner), small, SOFT_TEXT)

    title_fonts = _fonts("bold", 50)
    y = 140
    for line in wrap(activity.title, title_fonts, inner, max_lines=3):
        _draw(draw, (margin, y), line, title_fonts, TEXT)
        y += 62

    band_top = HEIGHT - 104
    draw.rectangle((0, band_top, WIDTH, HEIGHT), fill=BAND)
    detail = _fonts("regular", 26)
    _draw(draw, (margin, band_top + 42), _fit(when_text(activity), detail, inner), detail, TEXT)
    place = place_text(activity)
    if place:
        site_width = _width(site, small) + 24
        _draw(draw, (margin, band_top + 82), _fit(place, detail, inner - site_width), detail, TEXT)
    _draw(draw, (WIDTH - margin - _width(site, small), band_top + 82), site, small, SOFT_TEXT)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def crop_photo(activity: Activity) -> bytes:
    """The host's photo, scaled and centre-cropped to 800×400, as a JPEG."""
    with activity.image.open("rb") as file, Image.open(file) as photo:
        photo = ImageOps.exif_transpose(photo).convert("RGB")
        fitted = ImageOps.fit(photo, (WIDTH, HEIGHT), method=Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    fitted.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def version(activity: Activity) -> str:
    """Changes whenever the activity does: part of the cache key and of the image URL."""
    return f"{int(activity.updated_at.timestamp())}-{DRAWING_VERSION}"


def card_png(activity: Activity) -> bytes:
    """The drawn card, once per version of the activity."""
    key = f"activities:og:{activity.pk}:card:{version(activity)}"
    data = django_cache.get(key)
    if data is None:
        data = draw_card(activity)
        django_cache.set(key, data, CACHE_SECONDS)
    return data


def photo_jpeg(activity: Activity) -> bytes | None:
    """The host's photo cropped, once per version; None without a (readable) photo."""
    if not activity.image:
        return None
    key = f"activities:og:{activity.pk}:photo:{version(activity)}"
    data = django_cache.get(key)
    if data is None:
        try:
            data = crop_photo(activity)
        except (OSError, ValueError, Image.DecompressionBombError):
            return None
        django_cache.set(key, data, CACHE_SECONDS)
    return data
