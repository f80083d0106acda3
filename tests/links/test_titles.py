"""Reading a landing page's head and deciding whether it names the catalog's paper."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readme_gen.links.titles import can_name_a_paper, same_paper
from readme_gen.metadata.page import parse_meta
from readme_gen.text import normalise

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


# -- the scanner against a reference HTML tokenizer ----------------------------------
class _Reference:
    """html.parser's tokenizer, asked the same question: the head's meta fields and title."""

    def __init__(self, document: str) -> None:
        from html.parser import HTMLParser

        fields: list[tuple[str, str]] = []
        title: list[str] = []
        state = {"in_title": False, "done": False, "titled": False}

        class Parser(HTMLParser):
            def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
                if state["done"]:
                    return
                if tag == "body":
                    state["done"] = True
                first: dict[str, str] = {}
                for k, v in attrs:
                    first.setdefault(k, v or "")
                if tag == "meta":
                    key = first.get("name") or first.get("property")
                    if key and "content" in first:
                        fields.append((key.lower(), first["content"].strip()))
                if tag == "title" and not state["titled"]:
                    state["in_title"] = True

            def handle_endtag(self, tag: str) -> None:
                if tag == "head":
                    state["done"] = True
                if tag == "title" and state["in_title"]:
                    state["in_title"], state["titled"] = False, True

            def handle_data(self, data: str) -> None:
                if state["in_title"] and not state["done"]:
                    title.append(data)

        parser = Parser(convert_charrefs=True)
        parser.feed(document)
        parser.close()
        self.fields = fields
        self.title = " ".join("".join(title).split()) or None if state["titled"] else None


_WORD = st.text(alphabet="abcXYZ &;<>/=-'\" é", min_size=0, max_size=12)
_PLAIN = st.text(alphabet="abcXYZ é-", min_size=1, max_size=12)


@st.composite
def _fragment(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["meta", "comment", "script", "style", "text", "entity"]))
    name = draw(st.sampled_from(["citation_title", "og:title", "citation_author", "x"]))
    value = draw(_WORD).replace('"', "&quot;")
    meta = draw(
        st.sampled_from(
            [
                f'<meta name="{name}" content="{value}">',
                f"<META CONTENT=\"{value}\" NAME='{name}' />",
                f'<meta property="{name}" data-x="a>b" content="{value}">',
                f"<meta name={name} content={draw(_PLAIN).replace(' ', '')}>",
            ]
        )
    )
    return {
        "meta": meta,
        "comment": f"<!-- {meta} -->",
        "script": f"<script>var s = '{meta}';</script>",
        "style": f"<style>/* {meta} */</style>",
        "text": draw(_PLAIN),
        "entity": "&amp; &lt; &#233;",
    }[kind]


@given(
    st.lists(_fragment(), max_size=8),
    st.one_of(st.none(), _PLAIN),
    st.lists(_fragment(), max_size=4),
)
def test_the_scanner_agrees_with_a_reference_tokenizer(before, title, after):
    page = "<!doctype html><html><head>" + "".join(before)
    if title is not None:
        page += f"<title>{title}</title>"
    page += "".join(after) + "</head><body><meta name='citation_title' content='body'></body>"
    ours, reference = parse_meta(page), _Reference(page)
    assert list(ours.fields) == reference.fields
    assert ours.title == reference.title


@pytest.mark.parametrize(
    "page",
    [
        "<title>" * 40_000,
        "<b>" * 80_000,
        "<metax" * 40_000,
        "<!---->" * 30_000,
        "<meta a" * 40_000,
        '<meta content="' * 20_000,
        "<!--" * 60_000,
        "<script>" * 30_000,
        "<a " + "x=" * 100_000,
        "<head>" + "<meta name=citation_title content=" + "a" * 250_000,
        '<meta name="' + "\x00" * 250_000,
    ],
)
def test_pathological_pages_end_without_error(page):
    """Each would cost the old regular expressions tens of seconds (see bench_links.py
    for the time per page); here: they parse, and nothing bogus is found."""
    meta = parse_meta(page)
    assert meta.citation_title is None or meta.citation_title.startswith("a")


def test_markup_in_comments_and_scripts_is_not_a_tag():
    page = (
        '<head><!-- <meta name="citation_title" content="Wrong"> -->'
        '<script>document.write(\'<meta name="citation_title" content="Wrong">\')</script>'
        '<meta name="citation_title" data-note="a > b" content="Right">'
    )
    assert parse_meta(page).citation_title == "Right"


def test_a_head_is_read_up_to_its_tag_limit():
    from readme_gen.metadata.page import MAX_TAGS

    authors = "".join(f'<meta name="citation_author" content="A{i}">' for i in range(MAX_TAGS + 50))
    meta = parse_meta(f'<head><meta name="citation_title" content="{TITLE}">{authors}')
    assert meta.citation_title == TITLE
    assert len(meta.authors) == MAX_TAGS - 1  # the title's tag counts too


def test_other_tags_are_passed_over_and_look_alike_names_are_not_tags():
    page = '<head><b><metax name="citation_title" content="no">' * 1000
    page += '<meta name="citation_title" content="yes"></head>'
    assert parse_meta(page).citation_title == "yes"
