"""Whose name a CVF open-access or ECVA paper URL starts with, and whether that is the
catalog's first author (rule RG111).

The file names read `Chen_No_pains_more_gains_..._CVPR_2025_paper.html` (CVF, also at its
old address www.cv-foundation.org/openaccess, and ECVA's copies of ECCV 2018), or
`Adria_Recasens_Learning_to_Zoom_ECCV_2018_paper.pdf` (ECCV 2018: given and family name,
sometimes the given name alone). ECVA's pages from 2020 on are numbered
(`6228_ECCV_2022_paper.php`) and name nobody. A name matches when the file name
begins with a run of the author's name parts that starts or ends the name:

- case, accents and letters such as ø, ł, ß are folded (Adrià = Adria, Nießner = Niessner);
  umlauts may also be written out (Müller = Mueller);
- spaces, hyphens, apostrophes and the URL's underscores are ignored (Yu-Wing = Yu_Wing);
- a run that ends the name is the family name with its particles (Van_Gansbeke, Cordonnier
  for Jean-Baptiste Cordonnier), and particles (van, de, ...) may be left out on either side;
- a run that starts the name covers names written family name first, as CJK names often
  are (Qin Rong, or "Qin, Rong"), and ECCV 2018's given-name-only files;
- a name with no Latin letters (e.g. in Han characters) cannot be compared and is not judged.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from readme_gen.metadata.names import PARTICLES, UMLAUTS, fold

_PAPER_FILE = re.compile(r"^([A-Za-z][^/]*)_(?:paper|supplemental)\.(?:html|pdf|php)$", re.I)
_MAX_NAME_PARTS = 6  # no one's name in a URL runs longer; bounds the work on hostile URLs


def url_file_stem(url: str) -> str | None:
    """The file name (without `_paper.html`) of a CVF open-access or ECVA paper URL that
    starts with a name, else None."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    on_cvf = (host == "openaccess.thecvf.com" and path.startswith("/content")) or (
        # CVF's open access lived here until 2017; old links still point to it
        host in {"cv-foundation.org", "www.cv-foundation.org"}
        and path.startswith("/openaccess/content")
    )
    on_ecva = host in {"ecva.net", "www.ecva.net"} and path.startswith("/papers/")
    if not (on_cvf or on_ecva):
        return None
    found = _PAPER_FILE.match(path.rsplit("/", 1)[-1])
    return found.group(1) if found else None


def _folds(text: str) -> set[str]:
    """The ways `text` may be spelled in a URL: lower-case ASCII letters and digits only."""
    # names.fold: case, accents, apostrophes and letters such as ø, ł folded, ß as ss
    return {
        "".join(c for c in fold(variant) if c.isascii() and c.isalnum())
        for variant in (text, text.translate(UMLAUTS))
    }


def _name_parts(author: str) -> list[str]:
    return [w for w in author.replace(",", " ").split() if any(_folds(w) - {""})]


def _runs(parts: list[str]) -> set[str]:
    """Every run of name parts that starts or ends the name, folded and joined."""
    runs: set[str] = set()
    for n in range(1, len(parts) + 1):
        for run in (parts[:n], parts[-n:]):
            runs.update(_folds("".join(run)))
    return {r for r in runs if len(r) >= 2}  # an initial alone proves nothing


def names_first_author(author: str, stem: str) -> bool | None:
    """Whether the URL file name `stem` starts with the name of `author`; None when the
    author's name has nothing to compare (no Latin letters)."""
    parts = _name_parts(author)
    if not parts:
        return None
    expected = _runs(parts)  # a run ending the name covers its family name without particles
    words = stem.split("_")[:_MAX_NAME_PARTS]
    for start in _leading_particles(words):
        for end in range(start + 1, len(words) + 1):
            if _folds("".join(words[start:end])) & expected:
                return True
    return False


def _leading_particles(words: list[str]) -> range:
    """Where the name may start: at the first word, or after any leading particles."""
    count = 0
    while count < len(words) - 1 and fold(words[count]) in PARTICLES:
        count += 1
    return range(count + 1)
