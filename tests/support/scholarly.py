"""Local servers shaped like Semantic Scholar's Graph API (paper batch, title match),
DBLP's publication search, arXiv's search and the Wayback Machine's availability API,
serving a corpus of realistic records (`venue_corpus`). Found through the environment
variables the tool reads (READMEGEN_S2_API_URL, READMEGEN_DBLP_URL, READMEGEN_WAYBACK_URL,
READMEGEN_ARXIV_API_URL)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from readme_gen.text import normalise
from tests.support.servers import Handler, ScriptedServer


@dataclass
class S2Paper:
    arxiv: str
    title: str
    authors: list[str]
    venue: str = ""  # Semantic Scholar's `venue`
    publication_venue: str = ""  # `publicationVenue.name`, "" for null
    year: int | None = None
    doi: str = ""

    def json(self) -> dict[str, object]:
        ids: dict[str, object] = {"ArXiv": self.arxiv, "CorpusId": 1000}
        if self.doi:
            ids["DOI"] = self.doi
        pv = (
            {"id": "x", "name": self.publication_venue, "type": "conference"}
            if self.publication_venue
            else None
        )
        return {
            "paperId": "0" * 40,
            "externalIds": ids,
            "title": self.title,
            "venue": self.venue,
            "year": self.year,
            "authors": [{"authorId": str(n), "name": a} for n, a in enumerate(self.authors)],
            "publicationVenue": pv,
        }


@dataclass
class DblpHit:
    title: str  # as DBLP writes it, with its full stop
    authors: list[str]
    venue: str
    year: int
    type: str = "Conference and Workshop Papers"
    ee: str = ""

    def json(self) -> dict[str, object]:
        people = [{"@pid": f"1/{n}", "text": a} for n, a in enumerate(self.authors)]
        author: object = people[0] if len(people) == 1 else people  # one author: an object
        info = {"authors": {"author": author}, "title": self.title, "venue": self.venue,
                "year": str(self.year), "type": self.type, "key": "conf/x/1"}  # fmt: skip
        if self.ee:
            info["ee"] = self.ee
        return {"@score": "7", "@id": "1", "info": info}


@dataclass
class Library:
    s2: dict[str, S2Paper] = field(default_factory=dict)
    dblp: list[DblpHit] = field(default_factory=list)
    snapshots: dict[str, str] = field(default_factory=dict)  # page -> snapshot URL
    arxiv: list[S2Paper] = field(default_factory=list)  # what arXiv's search knows


def _query(handler: Handler) -> dict[str, list[str]]:
    return parse_qs(urlsplit(handler.path).query)


def _words(text: str) -> set[str]:
    return set(normalise(text).split())


def serve(server: ScriptedServer, library: Library) -> dict[str, str]:
    """Register the services' routes; their base URLs by environment variable."""

    def batch(handler: Handler, nth: int) -> None:
        body = handler.server.recorder.bodies[-1][2]
        ids = json.loads(body)["ids"]
        if len(ids) > 500:
            handler.reply(400, b'{"error": "Cannot process more than 500 ids"}')
            return
        found = [
            library.s2[i.split(":", 1)[1]].json() if i.split(":", 1)[1] in library.s2 else None
            for i in ids
        ]
        handler.reply(200, json.dumps(found).encode(), content_type="application/json")

    def match(handler: Handler, nth: int) -> None:
        title = _query(handler).get("query", [""])[0]
        hits = [p for p in library.s2.values() if normalise(p.title) == normalise(title)]
        if not hits:
            handler.reply(
                404, b'{"error": "Title match not found"}', content_type="application/json"
            )
            return
        data = [{**hits[0].json(), "matchScore": 180.5}]
        handler.reply(200, json.dumps({"data": data}).encode(), content_type="application/json")

    def dblp(handler: Handler, nth: int) -> None:
        wanted = _words(_query(handler).get("q", [""])[0])
        # a search engine: every record sharing most of the query's words, best first
        scored = [
            (len(wanted & _words(h.title)) / max(1, len(wanted)), n, h)
            for n, h in enumerate(library.dblp)
        ]
        hits = [h.json() for s, _, h in sorted(scored, key=lambda t: (-t[0], t[1])) if s >= 0.6]
        result = {
            "result": {"hits": {"@total": str(len(hits)), "@sent": str(len(hits)), "hit": hits}}
        }
        handler.reply(200, json.dumps(result).encode(), content_type="application/json")

    def available(handler: Handler, nth: int) -> None:
        url = _query(handler).get("url", [""])[0]
        snap = library.snapshots.get(url)
        closest = (
            {
                "closest": {
                    "available": True,
                    "url": snap,
                    "timestamp": snap.split("/")[4],
                    "status": "200",
                }
            }
            if snap
            else {}
        )
        body = json.dumps({"url": url, "archived_snapshots": closest}).encode()
        handler.reply(200, body, content_type="application/json")

    def arxiv_search(handler: Handler, nth: int) -> None:
        query = _query(handler).get("search_query", [""])[0]
        phrase = query.removeprefix("ti:").strip('"')
        found = [p for p in library.arxiv if normalise(p.title) == normalise(phrase)]
        entries = "".join(
            f"<entry><id>http://arxiv.org/abs/{p.arxiv}v1</id><published>{p.year}-01-01T00:00:00Z</published>"
            f"<title>{escape(p.title)}</title>"
            + "".join(f"<author><name>{escape(a)}</name></author>" for a in p.authors)
            + "</entry>"
            for p in found
        )
        feed = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
        handler.reply(200, feed.encode(), content_type="application/atom+xml")

    server.routes["/graph/v1/paper/batch"] = batch
    server.routes["/graph/v1/paper/search/match"] = match
    server.routes["/search/publ/api"] = dblp
    server.routes["/wayback/available"] = available
    server.routes["/api/query"] = arxiv_search
    return {
        "READMEGEN_S2_API_URL": server.url("/graph/v1"),
        "READMEGEN_DBLP_URL": server.url("/search/publ/api"),
        "READMEGEN_WAYBACK_URL": server.url("/wayback/available"),
        "READMEGEN_ARXIV_API_URL": server.url("/api/query"),
    }
