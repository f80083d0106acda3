"""Venues: the list's names for them, the other spellings of them, and the one normalisation
every path goes through (a landing page's `citation_conference_title`, a DOI record's
container title, arXiv's `journal_ref`, Semantic Scholar and DBLP, `add --venue`).

`[tool.readme-gen.lint] venue-aliases` replaces `DEFAULT_VENUE_ALIASES` (lint's RG103);
`VENUES` is the built-in table of the field's common conferences and journals, with their
full names and common variants. A year inside the text ("CVPR 2023", "Proc. CVPR'23") is
returned apart, for the year field. Rules: docs/metadata.md, "Venues".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

DEFAULT_VENUE_ALIASES: dict[str, tuple[str, ...]] = {
    "NeurIPS": ("NIPS",),
    "ACM MM": ("MM", "ACMMM"),
    "TPAMI": ("PAMI", "T-PAMI"),
}

Kind = Literal["conference", "journal"]
MAX_VENUE = 500  # a real venue text is under 200 characters; past this, hostile


@dataclass(frozen=True, slots=True)
class Venue:
    name: str  # the short name a list uses: "CVPR"
    kind: Kind
    full: str  # the proceedings' or journal's name, as BibTeX's booktitle/journal wants it
    variants: tuple[str, ...] = ()  # other names and spellings, full or short


def _c(name: str, full: str, *variants: str) -> Venue:
    return Venue(name, "conference", full, variants)


def _j(name: str, full: str, *variants: str) -> Venue:
    return Venue(name, "journal", full, variants)


VENUES: tuple[Venue, ...] = (
    _c(
        "CVPR",
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "Computer Vision and Pattern Recognition",
        "CVPR",
    ),
    _c(
        "ICCV",
        "IEEE/CVF International Conference on Computer Vision",
        "International Conference on Computer Vision",
    ),
    _c("ECCV", "European Conference on Computer Vision"),
    # the main conferences' workshops: named apart, never as the conference
    _c(
        "CVPR Workshops",
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops",
        "CVPRW",
        "CVPR Workshop",
        "Computer Vision and Pattern Recognition Workshops",
    ),
    _c(
        "ICCV Workshops",
        "IEEE/CVF International Conference on Computer Vision Workshops",
        "ICCVW",
        "ICCV Workshop",
        "International Conference on Computer Vision Workshops",
    ),
    _c("ECCV Workshops", "European Conference on Computer Vision Workshops", "ECCVW"),
    _c(
        "WACV",
        "IEEE/CVF Winter Conference on Applications of Computer Vision",
        "Workshop on Applications of Computer Vision",
        "IEEE Workshop/Winter Conference on Applications of Computer Vision",
    ),
    _c("BMVC", "British Machine Vision Conference"),
    _c("3DV", "International Conference on 3D Vision"),
    _c(
        "NeurIPS",
        "Advances in Neural Information Processing Systems",
        "Neural Information Processing Systems",
        "NIPS",
        "Conference on Neural Information Processing Systems",
    ),
    _c("ICLR", "International Conference on Learning Representations"),
    _c("ICML", "International Conference on Machine Learning"),
    _c("AISTATS", "International Conference on Artificial Intelligence and Statistics"),
    _c("UAI", "Conference on Uncertainty in Artificial Intelligence"),
    _c("COLT", "Conference on Learning Theory"),
    _c("AAAI", "AAAI Conference on Artificial Intelligence"),
    _c("IJCAI", "International Joint Conference on Artificial Intelligence"),
    _c("ACL", "Annual Meeting of the Association for Computational Linguistics"),
    _c("EMNLP", "Conference on Empirical Methods in Natural Language Processing"),
    _c(
        "NAACL",
        "Conference of the North American Chapter of the Association for "
        "Computational Linguistics: Human Language Technologies",
        "North American Chapter of the Association for Computational Linguistics",
        "NAACL-HLT",
    ),
    _c(
        "MICCAI",
        "International Conference on Medical Image Computing and Computer-Assisted Intervention",
        "Medical Image Computing and Computer Assisted Intervention",
    ),
    _c("MIDL", "Medical Imaging with Deep Learning"),
    _c("ISBI", "IEEE International Symposium on Biomedical Imaging"),
    _c("ACM MM", "ACM International Conference on Multimedia", "ACM Multimedia", "ACMMM"),
    _c(
        "KDD",
        "ACM SIGKDD Conference on Knowledge Discovery and Data Mining",
        "Knowledge Discovery and Data Mining",
        "SIGKDD",
    ),
    _c("SIGGRAPH", "ACM SIGGRAPH Conference", "SIGGRAPH Conference Papers"),
    _c("SIGGRAPH Asia", "ACM SIGGRAPH Asia Conference", "SIGGRAPH Asia Conference Papers"),
    _c("ICRA", "IEEE International Conference on Robotics and Automation"),
    _c("IROS", "IEEE/RSJ International Conference on Intelligent Robots and Systems"),
    _c("CoRL", "Conference on Robot Learning"),
    _c("ICASSP", "IEEE International Conference on Acoustics, Speech and Signal Processing"),
    _c(
        "Interspeech",
        "Annual Conference of the International Speech Communication Association",
        "INTERSPEECH",
    ),
    _c("ICME", "IEEE International Conference on Multimedia and Expo"),
    _j(
        "TPAMI",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        "PAMI",
        "T-PAMI",
        "IEEE Trans. Pattern Anal. Mach. Intell.",
    ),
    _j("IJCV", "International Journal of Computer Vision", "Int. J. Comput. Vis."),
    _j("TIP", "IEEE Transactions on Image Processing", "IEEE Trans. Image Process."),
    _j("TMI", "IEEE Transactions on Medical Imaging", "IEEE Trans. Medical Imaging"),
    _j(
        "TGRS",
        "IEEE Transactions on Geoscience and Remote Sensing",
        "IEEE Trans. Geosci. Remote. Sens.",
    ),
    _j("TMLR", "Transactions on Machine Learning Research", "Trans. Mach. Learn. Res."),
    _j("JMLR", "Journal of Machine Learning Research", "J. Mach. Learn. Res."),
    _j("TOG", "ACM Transactions on Graphics", "ACM Trans. Graph."),
    _j("TVCG", "IEEE Transactions on Visualization and Computer Graphics"),
    _j("TNNLS", "IEEE Transactions on Neural Networks and Learning Systems"),
    _j("Medical Image Analysis", "Medical Image Analysis", "MedIA", "Medical Image Anal."),
    _j("Pattern Recognition", "Pattern Recognition", "Pattern Recognit."),
    _j("Nature", "Nature"),
    _j("Nature Communications", "Nature Communications", "Nat. Commun."),
    _j("Nature Methods", "Nature Methods", "Nat. Methods"),
    _j("Nature Medicine", "Nature Medicine", "Nat. Med."),
    _j("Science", "Science"),
)
"""The field's common venues. A list that names one otherwise (its own venues, its alias
table) keeps its own name."""

PREPRINT_SERVERS: Mapping[str, str] = {
    "arxiv": "arXiv",
    "corr": "arXiv",  # DBLP's name for arXiv
    "biorxiv": "bioRxiv",
    "medrxiv": "medRxiv",
    "ssrn": "SSRN",
    "techrxiv": "TechRxiv",
    "chemrxiv": "ChemRxiv",
    "research square": "Research Square",
    "openreview": "OpenReview",
}
"""Folded names of preprint servers (and OpenReview, whose pages precede a venue)."""
PREPRINT_HOSTS: Mapping[str, str] = {
    "arxiv.org": "arXiv",
    "openreview.net": "OpenReview",
    "biorxiv.org": "bioRxiv",
    "medrxiv.org": "medRxiv",
    "ssrn.com": "SSRN",
    "techrxiv.org": "TechRxiv",
    "chemrxiv.org": "ChemRxiv",
    "researchsquare.com": "Research Square",
}
"""Hosts (and their subdomains) of those servers."""

_NOISE = frozenset(
    # words that differ between spellings of one venue's name, not between venues
    "proceedings proc of the on in ieee cvf rsj acm annual international intl conference "  # noqa: SIM905
    "conf and for vol volume no issue pp pages part accepted to at by published as paper "
    "papers oral poster spotlight main track full long short camera ready version".split()
)
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_WORD = re.compile(r"[a-z0-9]+")
_YEAR = re.compile(r"(?<![\d\-–/.])((?:19|20)\d\d)(?![\d\-–/])")
_SHORT_YEAR = re.compile(r"(?<=[A-Za-z])\s?['’‘](\d\d)\b")
_PARTS = re.compile(r"[,;:()\[\]]|\s[-–—]\s")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")
_WORKSHOP = re.compile(r"workshop|companion|findings|doctoral|demo|tutorial|symposium", re.I)
_LEAD = re.compile(
    r"^\s*(?:(?:accepted|published|to appear|appears?)\s+(?:to|in|at|as|by)?\s*|in\s+)", re.I
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def venue_key(text: str) -> str:
    """The words that tell venues apart: case, accents, punctuation, years, ordinals and
    words such as "Proceedings of the", "IEEE/CVF", "International" folded away."""
    words = _WORD.findall(_fold(text).replace("&", " and "))
    kept = [w for w in words if w not in _NOISE and not w.isdigit() and not _ORDINAL.match(w)]
    return " ".join(kept)


@dataclass(frozen=True, slots=True)
class Named:
    """A venue as the list names it, the year its text carried (or None), and whether it
    was recognised (a known, aliased or built-in venue) or kept as written."""

    venue: str
    year: int | None
    recognised: bool


def _acronym(spelling: str) -> bool:
    """Whether a name may be spotted as a word in a longer text ("Accepted to CVPR 2023"):
    one token with two capitals or more ("NeurIPS", "MICCAI"; not "Nature", not "MM")."""
    return (
        _TOKEN.fullmatch(spelling) is not None
        and len(spelling) > 2
        and sum(c.isupper() for c in spelling) >= 2
    )


def _table(
    aliases: Mapping[str, tuple[str, ...]], known: Iterable[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(venue key -> the list's name, acronym -> the list's name). The alias table's names
    come first (the list's declared choice), then the venues the list already uses, then
    the built-in table, whose names give way to a name the list uses for the same venue."""
    by_key: dict[str, str] = {}
    for name, spellings in aliases.items():
        for spelling in (name, *spellings):
            by_key.setdefault(venue_key(spelling), name)
    for name in known:
        if name.strip() and not preprint_server(name):
            by_key.setdefault(venue_key(name), name)
    for entry in VENUES:
        keys = [k for k in map(venue_key, (entry.name, entry.full, *entry.variants)) if k]
        chosen = next((by_key[k] for k in keys if k in by_key), entry.name)
        for k in keys:
            by_key.setdefault(k, chosen)
    acronyms: dict[str, str] = {}
    spelled = [(s, n) for n, spellings in aliases.items() for s in (n, *spellings)]
    spelled += [(n, n) for n in known]
    spelled += [(s, e.name) for e in VENUES for s in (e.name, *e.variants)]
    for spelling, name in spelled:
        if _acronym(spelling):
            acronyms.setdefault(spelling, by_key.get(venue_key(name), name))
    return by_key, acronyms


def _year_in(text: str) -> int | None:
    found = _YEAR.search(text)
    if found:
        return int(found.group(1))
    short = _SHORT_YEAR.search(text)
    if short:
        two = int(short.group(1))
        return 2000 + two if two < 70 else 1900 + two
    return None


def _without_year(text: str) -> str:
    bare = _SHORT_YEAR.sub("", _YEAR.sub("", text))
    bare = re.sub(r"\(\s*\)", "", bare)
    return " ".join(bare.split()).strip(" ,;:-–—'’")


def side_volume(text: str) -> bool:
    """Whether a venue text names a workshop, findings, companion, demo or tutorial volume,
    not the main venue ("CVPR Workshops" is not CVPR)."""
    return _WORKSHOP.search(text) is not None


def name_venue(
    text: str,
    *,
    aliases: Mapping[str, tuple[str, ...]] = DEFAULT_VENUE_ALIASES,
    known: Iterable[str] = (),
) -> Named:
    """The list's name for the venue in `text`, and the year written in it.

    Tried in turn: the whole text; a known acronym standing as a word ("Accepted to CVPR
    2023", "Computer Vision – ECCV 2022"); each part of the text (split at commas, colons,
    parentheses and dashes: "Medical Image Analysis, 84, 102345"). The last two not for a
    workshop, findings or companion volume. Else the text as written, without its year."""
    flat = " ".join(text.split())[:MAX_VENUE]
    year = _year_in(flat)
    server = preprint_server(flat)
    if server:
        return Named(server, year, True)
    by_key, acronyms = _table(aliases, known)
    for candidate in (flat, _LEAD.sub("", flat)):
        found = by_key.get(venue_key(candidate) or "-")
        if found:
            return Named(found, year, True)
    # "CVPR Workshops" is not CVPR: in a workshop's text, only a workshop's name is spotted
    side = side_volume(flat)
    for token in _TOKEN.findall(flat):
        if token in acronyms and (not side or side_volume(acronyms[token])):
            return Named(acronyms[token], year, True)
    for part in _PARTS.split(flat):
        found = by_key.get(venue_key(part) or "-")
        if found and (not side or side_volume(found)):
            return Named(found, year, True)
    return Named(_without_year(_LEAD.sub("", flat)) or flat, year, False)


def venue_name(
    titles: Iterable[str],
    *,
    aliases: Mapping[str, tuple[str, ...]] = DEFAULT_VENUE_ALIASES,
    known: Iterable[str] = (),
) -> str:
    """The list's name for the first recognised of several titles of one venue (a DOI
    record's container titles), else the first title without its year."""
    named = [name_venue(t, aliases=aliases, known=known) for t in titles if t.strip()]
    found = next((n for n in named if n.recognised), named[0] if named else None)
    return found.venue if found else ""


def full_venue(name: str) -> tuple[Kind, str] | None:
    """(kind, full name) of a built-in venue, by its short name or any spelling of it:
    `full_venue("NIPS")` is ("conference", "Advances in Neural Information Processing
    Systems"). None for a venue the table does not know."""
    key = venue_key(name)
    if not key:
        return None
    for entry in VENUES:
        if key in {venue_key(s) for s in (entry.name, entry.full, *entry.variants)}:
            return entry.kind, entry.full
    alias = next((n for n, s in DEFAULT_VENUE_ALIASES.items() if name in s), None)
    return full_venue(alias) if alias else None


def preprint_server(venue: str) -> str | None:
    """The preprint server a venue names ("arXiv", "arXiv preprint", "CoRR", "bioRxiv",
    "Research Square"...), or None."""
    words = re.split(r"[\s.:,;]+", _fold(venue).replace("preprint", " ").strip())
    head = " ".join(words[:2]) if words[:2] == ["research", "square"] else words[0]
    return PREPRINT_SERVERS.get(head)  # "arXiv.org", Semantic Scholar's name, is arXiv


def preprint_host(url: str) -> str | None:
    """The preprint server whose host serves `url`, or None."""
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:@]+)", url.strip(), re.I)
    host = match.group(1).lower().rstrip(".") if match else ""
    return next(
        (name for h, name in PREPRINT_HOSTS.items() if host == h or host.endswith("." + h)), None
    )
