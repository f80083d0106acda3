"""`feed.xml`: the papers as an Atom 1.0 feed (RFC 4287), newest additions first.

Only papers with an `added` day are in it (`readme-gen added --from-git` fills them once;
`add` stamps new ones). An entry's id is a `urn:uuid` made from the list's repository and
the paper's permalink id, so it never changes when the title or the feed's URL does."""

from __future__ import annotations

import re
import uuid
from xml.sax.saxutils import escape, quoteattr

from readme_gen.catalog.model import Catalog
from readme_gen.escape import safe_url
from readme_gen.site.entries import Entry
from readme_gen.site.plain import plain

MAX_ENTRIES = 100  # a feed reader wants what is new, not the whole list
# Not allowed in XML 1.0 at all: C0 controls but tab and line breaks, surrogates, U+FFFE/F
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NAMESPACE = uuid.UUID("0b5e0a35-3f7c-4f1e-9a55-6c0d1f1e3a21")  # readme-gen's feed ids


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", value))


def entry_id(repository: str, paper_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{repository}#{paper_id}')}"


def atom(catalog: Catalog, found: list[Entry], *, repository: str = "", url: str = "") -> str:
    title = plain(catalog.title) if catalog.adopted else catalog.title
    dated = sorted((e for e in found if e.paper.added), key=lambda e: e.paper.added, reverse=True)
    dated = dated[:MAX_ENTRIES]
    updated = f"{dated[0].paper.added}T00:00:00Z" if dated else "1970-01-01T00:00:00Z"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n',
        '<feed xmlns="http://www.w3.org/2005/Atom">\n',
        f"  <title>{_text(title)}: new papers</title>\n",
        f"  <id>{entry_id(repository, '')}</id>\n",
        f"  <updated>{updated}</updated>\n",
        "  <author><name>The list's maintainers</name></author>\n",
        "  <generator>readme-gen</generator>\n",
    ]
    if url:
        out.append(f'  <link rel="alternate" type="text/html" href={_attr(url)}/>\n')
        out.append(f'  <link rel="self" href={_attr(url.rstrip("/") + "/feed.xml")}/>\n')
    for e in dated:
        p = e.paper
        first = safe_url(p.links[0].url) if p.links else None
        href = f"{url.rstrip('/')}/#{e.id}" if url else (first or "")
        where = ", ".join(x for x in (e.venue, e.when) if x)
        out += [
            "  <entry>\n",
            f"    <title>{_text(e.title)}</title>\n",
            f"    <id>{entry_id(repository, e.id)}</id>\n",
            f"    <updated>{p.added}T00:00:00Z</updated>\n",
            f"    <published>{p.added}T00:00:00Z</published>\n",
            *(f"    <author><name>{_text(a)}</name></author>\n" for a in e.authors[:20]),
            f'    <link rel="alternate" href={_attr(href)}/>\n' if href else "",
            f"    <summary>{_text(where)}</summary>\n" if where else "",
            "  </entry>\n",
        ]
    out.append("</feed>\n")
    return "".join(out)
