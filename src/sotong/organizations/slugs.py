"""ASCII web addresses for Korean names: 남원 문화도시 사무국 → namwon-munhwadosi-samuguk.

Hangul syllables are romanised one by one after the Revised Romanisation of Korean, without
its sound-change rules: the result only has to be readable and stable, not phonetically exact.
"""

import re
import unicodedata

_INITIALS = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
    "p", "h",
]  # fmt: skip
_VOWELS = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
    "we", "wi", "yu", "eu", "ui", "i",
]  # fmt: skip
_FINALS = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
    "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
]  # fmt: skip
_FIRST_SYLLABLE, _LAST_SYLLABLE = 0xAC00, 0xD7A3


def romanize(text: str) -> str:
    """Hangul syllables → Latin letters; everything else is left as it is."""
    out = []
    for char in text:
        code = ord(char)
        if _FIRST_SYLLABLE <= code <= _LAST_SYLLABLE:
            index = code - _FIRST_SYLLABLE
            initial, rest = divmod(index, 21 * 28)
            vowel, final = divmod(rest, 28)
            out.append(_INITIALS[initial] + _VOWELS[vowel] + _FINALS[final])
        else:
            out.append(char)
    return "".join(out)


def slug_base(name: str, *, max_length: int = 60, fallback: str = "org") -> str:
    """A lowercase ASCII slug (a-z, 0-9, single hyphens) made from a name, never empty."""
    ascii_text = (
        unicodedata.normalize("NFKD", romanize(name)).encode("ascii", "ignore").decode("ascii")
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    return slug or fallback
