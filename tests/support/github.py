"""A fake GitHub: issues in memory, served over real HTTP by a ScriptedServer."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from tests.support.servers import ScriptedServer

REPO = "owner/list"


class FakeGitHub:
    """Issues in memory, served over real HTTP with GitHub's pagination (2 per page)."""

    def __init__(self, issues=()):
        self.server = ScriptedServer()
        self.issues = {i["number"]: dict(i) for i in issues}
        self.comments: list[tuple[int, str]] = []
        self.fail: dict[tuple[str, str], int] = {}
        base = f"/repos/{REPO}/issues"
        self.server.routes[base] = self.issues_route
        for number in range(1, 20):
            self.server.routes[f"{base}/{number}"] = self.issue_route
            self.server.routes[f"{base}/{number}/comments"] = self.comment_route

    @property
    def url(self):
        return self.server.url("")

    def _json(self, h, code, data, headers=None):
        h.reply(code, json.dumps(data).encode(), headers, content_type="application/json")

    def _failing(self, h):
        code = self.fail.get((h.command, urlsplit(h.path).path))
        if code:
            self._json(h, code, {"message": "Resource not accessible by integration"})
        return bool(code)

    def _body(self):
        return json.loads(self.server.recorder.bodies[-1][2])

    def issues_route(self, h, nth):
        if self._failing(h):
            return
        if h.command == "POST":
            data = self._body()
            number = max(self.issues, default=0) + 1
            self.issues[number] = {
                "number": number,
                "state": "open",
                **data,
                "labels": [{"name": n} for n in data["labels"]],
            }
            self._json(h, 201, self.issues[number])
            return
        query = parse_qs(urlsplit(h.path).query)
        assert query["labels"] == ["link-audit"] and query["state"] == ["open"]
        page = int(query.get("page", ["1"])[0])
        found = [i for _, i in sorted(self.issues.items()) if i["state"] == "open"]
        found.append({"number": 99, "state": "open", "pull_request": {}, "title": "a PR"})
        chunk = found[(page - 1) * 2 : page * 2]
        headers = {}
        if page * 2 < len(found):
            nxt = f"{self.server.url(urlsplit(h.path).path)}?labels=link-audit&state=open"
            headers["Link"] = f'<{nxt}&page={page + 1}>; rel="next"'
        self._json(h, 200, chunk, headers)

    def issue_route(self, h, nth):
        if self._failing(h):
            return
        number = int(urlsplit(h.path).path.rsplit("/", 1)[1])
        self.issues[number].update(self._body())
        self._json(h, 200, self.issues[number])

    def comment_route(self, h, nth):
        if self._failing(h):
            return
        number = int(urlsplit(h.path).path.rsplit("/", 2)[1])
        self.comments.append((number, self._body()["body"]))
        self._json(h, 201, {"id": 1})

    def writes(self):
        return [(m, p) for m, p, _ in self.server.recorder.bodies]
