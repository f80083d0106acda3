"""Whether two spellings of a person's name name the same person (rules: docs/metadata.md).

A name is read as one or more (given, family) readings: "Family, Given" has one; "Given
Family" has the Western one, plus the swapped one for two-part names (East Asian order),
the two-surname one for Spanish-style names and the trailing-initials one ("Smith JA").
Two names match when some pair of readings does. Han, kana and Hangul cannot be
romanised offline, so a name in those scripts matches only the same characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PARTICLES = frozenset(
    # one string reads better than 32 quoted words
    "van von der den ter ten te de del della delle dei degli da das dos do di du des "  # noqa: SIM905
    "le la zu zum zur af av al el bin ibn y vander".split()
)
"""Lower-case words that belong to the family name when they stand before it."""
CONJUNCTIONS = frozenset({"y"})
"""Particles that join two surnames ("Ortega y Gasset"): the word before belongs too."""
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_FOLD = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)
_CJK = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]+"
)
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
"""Umlauts written out, as German names often are (Müller = Mueller)."""
_APOSTROPHES = re.compile("['\u2019\u02bc`\u00b4]")
_CAPITAL_INITIALS = re.compile(r"[A-Z]{2,3}")


def fold(text: str) -> str:
    """Case and accents folded away: "Ł", "L", "Ĺ" and "l" all become "l"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", bare.casefold()).translate(_FOLD)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a name: its given and family words, as written. `whole_given`: the
    given name is one unit (family name first, East Asian order: "Lee Kyoung Mu"), so no
    part of it may be left out as a middle name could."""

    given: tuple[str, ...]
    family: tuple[str, ...]
    whole_given: bool = False


_PINYIN = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua"
    r"|uai|uan|uang|ue|ui|un|uo|v|ve)"
)
"""One Mandarin syllable in pinyin without tones ("chen", "xuan")."""


def _pinyin(word: str) -> bool:
    return _PINYIN.fullmatch(fold(word)) is not None


def _words(text: str) -> list[str]:
    # "J.Smith" and "J.-P. Sartre": a full stop ends a word
    return text.replace(".", ". ").replace("(", " ").replace(")", " ").split()


def _is_particle(word: str) -> bool:
    return fold(word).strip(".") in PARTICLES


def _is_suffix(word: str) -> bool:
    return fold(word).strip(".") in SUFFIXES


def _is_initial(word: str) -> bool:
    return len(fold(word).strip(".-")) == 1


def _split_name(text: str) -> tuple[str, str]:
    """(Han/kana/Hangul characters, the rest): "Rong Qin (秦荣)" -> ("秦荣", "Rong Qin")."""
    cjk = "".join(_CJK.findall(text))
    latin = " ".join(_words(_CJK.sub(" ", unicodedata.normalize("NFKC", text))))
    return cjk, latin


def readings(name: str) -> list[Reading]:
    """Every plausible (given, family) reading of a name written in Latin script."""
    if "," in name:
        parts = [p for p in (s.strip() for s in name.split(",")) if p and not _is_suffix(p)]
        if len(parts) >= 2:
            family, given = _words(parts[0]), _words(parts[1])
            while given and _is_particle(given[-1]):  # "Laak, Jeroen van der"
                family.insert(0, given.pop())
            return [Reading(tuple(given), tuple(family))]
        name = " ".join(parts)
    words = _words(name)
    while len(words) > 2 and _is_suffix(words[-1]):
        words.pop()
    if len(words) <= 1:
        return [Reading((), tuple(words))]
    start = len(words) - 1
    while start > 1 and _is_particle(words[start - 1]):
        start -= 2 if fold(words[start - 1]) in CONJUNCTIONS and start > 2 else 1
    found = [Reading(tuple(words[:start]), tuple(words[start:]))]
    if len(words) == 2 and start == 1:  # "Qin Rong": family name first
        found.append(Reading((words[1],), (words[0],), whole_given=True))
    last = words[-1]
    if _CAPITAL_INITIALS.fullmatch(last) and not all(w.isupper() for w in words):
        found.append(Reading(tuple(last), tuple(words[:-1])))  # "Smith JA"
    plain = start == len(words) - 1 and not any(map(_is_initial, words))
    # three capitalised words, family name first: "Lee Kyoung Mu", "Chan Tai Man", and
    # "Nguyen Van Anh", whose "Van" is a Vietnamese middle name, not a Dutch particle
    capitalised = len(words) == 3 and all(w[:1].isupper() for w in words)
    if len(words) == 3 and (plain or (capitalised and not any(map(_is_initial, words)))):
        if not plain:
            found.append(Reading(tuple(words[:2]), (words[2],)))
        found.append(Reading(tuple(words[1:]), (words[0],), whole_given=True))
    # "Gabriel García Márquez"; not "Hao Chen Liu", whose words are all Mandarin syllables
    if len(words) >= 3 and plain and not all(map(_pinyin, words)):
        found.append(Reading(tuple(words[:-2]), tuple(words[-2:])))
    return found


def _parts(words: tuple[str, ...], *, initials: bool) -> list[str]:
    """Folded parts of words, hyphens and full stops removed; "JP" as initials when asked."""
    out: list[str] = []
    for word in words:
        if initials and _CAPITAL_INITIALS.fullmatch(word):
            out.extend(word.lower())
            continue
        out.extend(p for p in fold(word).replace(".", "-").split("-") if p)
    return out


def _same_family(a: tuple[str, ...], b: tuple[str, ...], *, prefix: bool = True) -> bool:
    whole_a, whole_b = _parts(a, initials=False), _parts(b, initials=False)
    if not whole_a or not whole_b:
        return False
    if "".join(whole_a) == "".join(whole_b):  # "DeMello" ~ "De Mello", "Jean-Pierre"
        return True
    core_a = [p for p in whole_a if p not in PARTICLES]
    core_b = [p for p in whole_b if p not in PARTICLES]
    if not core_a or not core_b:
        return False
    if "".join(core_a) == "".join(core_b):  # "van der Laak" ~ "Laak"
        return True
    shorter, longer = sorted((core_a, core_b), key=len)
    return prefix and longer[: len(shorter)] == shorter  # "García" ~ "García Márquez"


def _compatible(x: str, y: str) -> bool:
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _same_given(a: tuple[str, ...], b: tuple[str, ...], *, whole: bool = False) -> bool:
    pa, pb = _parts(a, initials=True), _parts(b, initials=True)
    if not pa or not pb or "".join(pa) == "".join(pb):  # "Xingyu" ~ "Xing-Yu"
        return True
    if sorted(pa) == sorted(pb):  # "Van Anh" ~ "Anh Van": the order of given parts varies
        return True
    if whole or "-" in "".join(a + b):  # one unit: "Chen" is not "Chen Liu", "Fei-Fei"
        if min(len(pa), len(pb)) == 1 and min(len(pa[0]), len(pb[0])) == 1:  # not "Fei"
            return pa[0][0] == pb[0][0]  # but "M." is an initial of "Ming-Hsuan"
        return len(pa) == len(pb) and all(map(_compatible, pa, pb))
    if len(pa) > 1 and len(pa[0]) == 1 and _same_given(a[1:], b):  # "R. Devon" ~ "Devon"
        return True
    if len(pb) > 1 and len(pb[0]) == 1 and _same_given(a, b[1:]):
        return True
    # middle names may be left out ("Drew F. K. Williamson" ~ "Drew Williamson")
    return all(_compatible(x, y) for x, y in zip(pa, pb, strict=False))


def _match(a: Reading, b: Reading) -> bool:
    whole = a.whole_given or b.whole_given
    # a family-first reading's family name is one word: no first-surname-alone rule
    return _same_family(a.family, b.family, prefix=not whole) and _same_given(
        a.given, b.given, whole=whole
    )


def same_person(a: str, b: str) -> bool:
    """Whether `a` and `b` plausibly name the same person (tolerant by design: a false
    alarm costs a maintainer's time, a miss only a check)."""
    cjk_a, latin_a = _split_name(a)
    cjk_b, latin_b = _split_name(b)
    if cjk_a and cjk_b:
        return cjk_a == cjk_b
    if not latin_a or not latin_b:
        return False
    if any(_match(x, y) for x in readings(latin_a) for y in readings(latin_b)):
        return True
    # German umlauts are also written as two letters: "Jürgen Müller" ~ "Juergen Mueller"
    spelled_a, spelled_b = latin_a.translate(UMLAUTS), latin_b.translate(UMLAUTS)
    if (spelled_a, spelled_b) == (latin_a, latin_b):
        return False
    return any(_match(x, y) for x in readings(spelled_a) for y in readings(spelled_b))


def bibtex_key_name(name: str) -> str:
    """The family name as a BibTeX key writes it: ASCII letters and digits, lower case,
    particles kept ("Jeroen van der Laak" -> "vanderlaak", "Müller" -> "muller"); empty
    for a name with no Latin letters."""
    _, latin = _split_name(name)
    family = family_name(latin) if latin else ""
    return re.sub(r"[^a-z0-9]", "", fold(family).encode("ascii", "ignore").decode())


def family_name(name: str) -> str:
    """The family name as written, for messages: "van der Laak", "Qin"; a name in Han,
    kana or Hangul characters only is returned whole (where its family name ends is not
    known offline)."""
    cjk, latin = _split_name(name)
    if not latin:
        return cjk
    return " ".join(readings(latin)[0].family).strip(" .")
