"""Heading anchors against github-slugger's own fixtures (test/fixtures.json) and our list."""

from __future__ import annotations

import pytest

from readme_gen.readme.slug import Slugger, slug

# (input, expected) in order, through ONE slugger: github-slugger's fixtures run that way.
SEQUENCE = [
    ("alpha", "alpha"),
    ("alpha", "alpha-1"),
    ("bravoCharlieDelta", "bravocharliedelta"),
    ("__proto__", "__proto__"),
    ("__proto__", "__proto__-1"),
    ("hasOwnProperty", "hasownproperty"),
    ("echo", "echo"),
    ("echo", "echo-1"),
    ("echo 1", "echo-1-1"),
    ("echo-1", "echo-1-2"),
    ("echo", "echo-2"),
    ("foxtrot-1", "foxtrot-1"),
    ("foxtrot", "foxtrot"),
    ("foxtrot", "foxtrot-2"),
    ("heading with a - dash", "heading-with-a---dash"),
    ("heading with an _ underscore", "heading-with-an-_-underscore"),
    ("heading with a period.txt", "heading-with-a-periodtxt"),
    (
        "exchange.bind_headers(exchange, routing [, bindCallback])",
        "exchangebind_headersexchange-routing--bindcallback",
    ),
    (" ", "-"),
    (" a", "-a"),
    ("a ", "a-"),
    (" a ", "-a-"),
    ("-a-", "-a--1"),
    ("apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"),
    ("golf", "golf"),
    ("golf", "golf-1"),
    ("golf", "golf-2"),
    ("I ♥ unicode", "i--unicode"),
    ("dash-dash", "dash-dash"),
    ("en–dash", "endash"),
    ("em–dash", "emdash"),
    ("😄 unicode emoji", "-unicode-emoji"),
    ("😄-😄 unicode emoji", "--unicode-emoji"),
    ("😄_😄 unicode emoji", "_-unicode-emoji"),
    ("😄 - an emoji", "---an-emoji"),
    (":smile: - a gemoji", "smile---a-gemoji"),
    ("Привет", "привет"),
    ("Профили пользователей", "профили-пользователей"),
    ("Привет non-latin 你好", "привет-non-latin-你好"),
    (":ok: No underscore", "ok-no-underscore"),
    (":ok_hand: Single", "ok_hand-single"),
    (
        ":ok_hand::hatched_chick: Two in a row with no spaces",
        "ok_handhatched_chick-two-in-a-row-with-no-spaces",
    ),
    (":ok_hand: :hatched_chick: Two in a row", "ok_hand-hatched_chick-two-in-a-row"),
]


def test_github_slugger_fixtures_in_sequence():
    slugger = Slugger()
    assert [(text, slugger.slug(text)) for text, _ in SEQUENCE] == SEQUENCE


# One character per General_Category (trimmed from github-slugger's fixtures), each alone.
CATEGORIES = [
    ("a) ] } ༻ ༽ ⁆ ⌉ 〉 ❩ ）b", "a---------b"),
    ("a_ ‿ ⁀ ⁔ ︳ ＿b", "a_-‿-⁀-⁔-︳-＿b"),
    ("a$ ¢ £ ¤ ¥ € ₿ ＄b", "a-------b"),
    ("a- ֊ ‐ ‑ ‒ – — ― －b", "a---------b"),
    ("a0 1 ١ ٢ ० ০ ０ 𝟏b", "a0-1-١-٢-०-০-０-𝟏b"),
    ("a» ’ ” ›b", "a---b"),
    ("a« ‘ “ ‹b", "a---b"),
    ("aᛮ Ⅰ Ⅻ ⅰ 〇 〡b", "aᛮ-ⅰ-ⅻ-ⅰ-〇-〡b"),
    ("a\u2028b", "ab"),
    ("aa f µ ä é ß ς ſb", "aa-f-µ-ä-é-ß-ς-ſb"),
    ("à ̅ ̋ ҄b", "à-̅-̋-҄b"),
]


@pytest.mark.parametrize(("text", "expected"), CATEGORIES)
def test_general_categories(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date & Time", "date--time"),
        ("Über uns", "über-uns"),
        ("C++ / Rust: a comparison!", "c--rust-a-comparison"),
        ("Ⓐ circled", "ⓐ-circled"),  # Alphabetic symbols are kept
        ("½ ² ³", "--"),  # Other_Number is removed
        ("Tab\there", "tabhere"),
        ("Papers-about-High-Resolution-Image", "papers-about-high-resolution-image"),
        ("High-resolution Image Recognition", "high-resolution-image-recognition"),
        ("Maintainers' guide", "maintainers-guide"),
    ],
)
def test_slug(text, expected):
    assert slug(text) == expected


def test_years_repeat_across_sections():
    slugger = Slugger()
    assert [slugger.slug(h) for h in ("2025", "2024", "2025", "2025")] == [
        "2025",
        "2024",
        "2025-1",
        "2025-2",
    ]
