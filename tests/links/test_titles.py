"""Reading a landing page's head and deciding whether it names the catalog's paper."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readme_gen.links.titles import can_name_a_paper, normalise, parse_meta, same_paper

TITLE = "Learning to Zoom: a Saliency-Based Sampling Layer for Neural Networks"


def test_citation_title_first_then_og_title_then_title():
    head = (
        "<html><head><title>Site</title>"
        '<meta property="og:title" content="OG">'
        "<meta name='citation_title' content=\"Citation &amp; Title\">"
        "</head><body><meta name=citation_title content=Ignored></body>"
    )
    meta = parse_meta(head)
    assert meta.best_title == ("citation_title", "Citation & Title")
    assert meta.og_title == "OG" and meta.title == "Site"
    assert parse_meta('<meta property="og:title" content="OG"><title>T</title>').best_title == (
        "og:title",
        "OG",
    )
    assert parse_meta("<TITLE>\n  A   spaced\n title </TITLE>").best_title == (
        "title",
        "A spaced title",
    )
    assert parse_meta("<p>no head at all</p>").best_title is None


def test_authors_from_citation_author_or_openreview_s_joined_tag():
    meta = parse_meta(
        '<meta name="citation_author" content="Ann A"><meta name="citation_author" content="Bo B">'
    )
    assert meta.authors == ("Ann A", "Bo B")
    joined = parse_meta('<meta name="citation_authors" content="Ann A; Bo B;">')
    assert joined.authors == ("Ann A", "Bo B")


def test_a_prefix_cut_inside_the_head_still_parses():
    assert parse_meta(f'<head><meta name="citation_title" content="{TITLE}"><meta na').best_title
    assert parse_meta("<head><title>Half a ti").best_title is None


@pytest.mark.parametrize(
    ("page", "source"),
    [
        (TITLE, "citation_title"),
        (TITLE.upper(), "citation_title"),  # case
        ("Learning to zoom - a saliency based sampling layer for neural networks", "og:title"),
        ("  Learning   to Zoom:\ta Saliency-Based Sampling Layer for Neural Networks ", "title"),
        (
            "Ｌｅａｒｎｉｎｇ to Zoom: a Saliency-Based Sampling Layer for Neural Networks",
            "og:title",
        ),
        (f"{TITLE} | OpenReview", "title"),  # a site suffix
        (f"CVF Open Access: {TITLE}", "title"),  # a site prefix
    ],
)
def test_the_same_paper_in_other_clothes(page, source):
    assert same_paper(TITLE, page, source=source)


def test_accents_in_either_unicode_form():
    composed, decomposed = "Réseaux à attention", "Re\u0301seaux a\u0300 attention"
    assert normalise(composed) == normalise(decomposed)
    assert same_paper(composed, decomposed, source="citation_title")


def test_another_paper_is_not_the_same():
    assert not same_paper(TITLE, "Recurrent Models of Visual Attention", source="citation_title")
    assert not same_paper(TITLE, "Learning to Zoom", source="citation_title")  # too short a match
    assert same_paper(
        "Deep Residual Learning for Image Recognition: a study",
        "Deep Residual Learning for Image Recognition",
        source="citation_title",
    )  # a subtitle dropped on one side, long enough to be sure


def test_a_short_title_tag_cannot_name_a_paper():
    assert not can_name_a_paper("IEEE Xplore", source="title")
    assert not can_name_a_paper("Just a moment...", source="title")
    assert can_name_a_paper("Recurrent Models of Visual Attention", source="title")
    assert can_name_a_paper("YOLOv3", source="citation_title")  # meta tags always count


@given(st.text(max_size=60))
def test_a_title_is_always_its_own_paper(title):
    for source in ("citation_title", "og:title", "title"):
        assert same_paper(title, title, source=source)
        assert same_paper(title, f"  {title.upper()} ", source=source) or not normalise(title)
