"""The arXiv API's Atom feed (export.arxiv.org/api/query?id_list=...), read as hostile XML.

Per id: title, authors, year first published, `arxiv:journal_ref` and `arxiv:doi`. The
feed is refused when it is over `MAX_FEED` bytes or declares a DTD (no entity can then be
defined, so none can expand: the billion-laughs and external-entity attacks need one).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NoReturn
from xml.parsers import expat

from readme_gen import identifiers
from readme_gen.catalog.model import ARXIV_CATEGORY
from readme_gen.metadata.drift import Aspect, Drift, clean
from readme_gen.metadata.failure import Failure, Reason

MAX_FEED = 4 * 1024 * 1024  # 100 entries with abstracts are ~300 KB
MAX_TEXT = 2000  # a field's characters at most (the catalog's own limit)
BATCH = 100
_NS = {"a": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
# An arXiv category as arXiv writes it; anything else from the feed is not kept.
CATEGORY = ARXIV_CATEGORY


@dataclass(frozen=True, slots=True)
class Entry:
    arxiv_id: str
    title: str
    authors: tuple[str, ...]
    year: int | None
    journal_ref: str = ""
    doi: str = ""
    category: str = ""
    """The primary category (`cs.CV`), BibTeX's `primaryClass`."""


def arxiv_id(text: str) -> str | None:
    """The bare, unversioned id in `2412.10181v2`, `arXiv:2412.10181` or an abs/pdf URL."""
    return identifiers.arxiv_id(text)


def batches(ids: Iterable[str], size: int = BATCH) -> Iterator[list[str]]:
    """Distinct ids in first-seen order, `size` at a time (one API request each)."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


class _Refused(Exception):
    pass


def _refuse_dtd(data: bytes) -> None:
    """A first pass with expat itself, so a DTD is seen in any encoding the feed declares."""

    def refuse(*_: object) -> NoReturn:
        raise _Refused

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.Parse(data, True)


def _text(element: ET.Element, path: str) -> str:
    """A field's text as the catalog could hold it: control, format (bidi) and surrogate
    characters dropped, white space collapsed, at most MAX_TEXT characters."""
    found = element.find(path, _NS)
    return clean(found.text or "", limit=MAX_TEXT) if found is not None else ""


def _entry(element: ET.Element) -> Entry | None:
    key = arxiv_id(_text(element, "a:id"))
    if key is None:  # an error entry (".../api/errors#...") or a foreign id
        return None
    year = re.match(r"([12][0-9]{3})-", _text(element, "a:published"))
    doi = _text(element, "arxiv:doi")
    authors = tuple(name for a in element.findall("a:author", _NS) if (name := _text(a, "a:name")))
    return Entry(
        arxiv_id=key,
        title=_text(element, "a:title"),
        authors=authors,
        year=int(year.group(1)) if year else None,
        journal_ref=_text(element, "arxiv:journal_ref"),
        doi="" if identifiers.names_preprint(doi) else doi,
        category=_category(element),
    )


def _category(element: ET.Element) -> str:
    """The entry's primary category, when it is one (`cs.CV`, `eess.IV`, `hep-th`)."""
    found = element.find("arxiv:primary_category", _NS)
    term = found.get("term", "") if found is not None else ""
    return term if CATEGORY.fullmatch(term) else ""


def parse_feed(data: bytes) -> dict[str, Entry] | Failure:
    """Entries by bare id; ids the feed does not list are simply absent."""
    if len(data) > MAX_FEED:
        return Failure(Reason.TOO_LARGE, f"the arXiv feed is over {MAX_FEED} bytes")
    try:
        _refuse_dtd(data)
        root = ET.fromstring(data)
    except _Refused:
        return Failure(Reason.MALFORMED_RESPONSE, "the arXiv feed declares a DTD (refused)")
    except (expat.ExpatError, ET.ParseError) as exc:
        return Failure(Reason.MALFORMED_RESPONSE, f"the arXiv feed is not well-formed XML ({exc})")
    except (LookupError, ValueError, UnicodeError) as exc:  # an encoding expat cannot use:
        # unknown (`bogus`, `UTF-9`) or multi-byte (big5, shift_jis), named by the feed
        detail = f"the arXiv feed declares an encoding that cannot be read ({clean(str(exc))})"
        return Failure(Reason.MALFORMED_RESPONSE, detail)
    if root.tag != f"{{{_NS['a']}}}feed":
        return Failure(Reason.MALFORMED_RESPONSE, "the arXiv answer is not an Atom feed")
    entries: dict[str, Entry] = {}
    for element in root.findall("a:entry", _NS):
        entry = _entry(element)
        if entry is not None:
            entries.setdefault(entry.arxiv_id, entry)
    return entries


def says_preprint(venue: str) -> bool:
    """Whether a catalog venue names no publication: empty, arXiv or CoRR."""
    return venue.strip().casefold() in {"", "arxiv", "arxiv preprint", "corr", "preprint"}


def published_drift(catalog_venue: str, entry: Entry) -> Drift | None:
    """The catalog lists a preprint that arXiv knows was published: a drift, suggesting the
    journal reference (or the DOI when arXiv has only that)."""
    if not says_preprint(catalog_venue) or not (entry.journal_ref or entry.doi):
        return None
    where = clean(entry.journal_ref) or f"doi:{clean(entry.doi)}"
    also = f" (doi:{clean(entry.doi)})" if entry.journal_ref and entry.doi else ""
    listed = f"catalog says {clean(catalog_venue)}" if catalog_venue.strip() else "no venue"
    return Drift(
        (Aspect.VENUE,),
        f"arXiv lists a publication: {where}{also}; {listed}",
        suggestion=clean(entry.journal_ref) or f"https://doi.org/{clean(entry.doi)}",
    )
