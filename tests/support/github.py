"""A fake GitHub: issues, their comments and pull requests in memory, served over real
HTTP by a ScriptedServer, with GitHub's pagination (2 per page)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from tests.support.servers import ScriptedServer

REPO = "owner/list"


BOT = {"login": "github-actions[bot]", "type": "Bot"}
FIRST_PULL = 100  # pull requests are numbered apart from the issues


class FakeGitHub:
    """Issues, comments and pull requests in memory, served over real HTTP with GitHub's
    pagination (2 per page). Comments posted through the API are the bot's."""

    def __init__(self, issues=()):
        self.server = ScriptedServer()
        self.issues = {i["number"]: dict(i) for i in issues}
        self.comments: list[tuple[int, str]] = []  # (issue, body) of each comment posted
        self.notes: dict[int, dict] = {}  # comment id -> {"id", "issue", "body", "user"}
        self.pulls: dict[int, dict] = {}  # number -> {"number", "head", "base", ...}
        self.fail: dict[tuple[str, str], int] = {}
        base = f"/repos/{REPO}/issues"
        self.server.routes[base] = self.issues_route
        for number in range(1, 20):
            self.server.routes[f"{base}/{number}"] = self.issue_route
            self.server.routes[f"{base}/{number}/comments"] = self.comment_route
        for comment_id in range(1, 50):
            self.server.routes[f"{base}/comments/{comment_id}"] = self.edit_comment_route
        self.server.routes[f"/repos/{REPO}/pulls"] = self.pulls_route
        for number in range(FIRST_PULL, FIRST_PULL + 20):
            self.server.routes[f"/repos/{REPO}/pulls/{number}"] = self.pull_route

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

    def _page(self, h, items):
        """One page of `items` (2 a page), with a Link header to the next."""
        parts = urlsplit(h.path)
        query = parse_qs(parts.query)
        page = int(query.get("page", ["1"])[0])
        headers = {}
        if page * 2 < len(items):
            rest = "&".join(f"{k}={v[0]}" for k, v in sorted(query.items()) if k != "page")
            nxt = f"{self.server.url(parts.path)}?{rest}&page={page + 1}"
            headers["Link"] = f'<{nxt}>; rel="next"'
        self._json(h, 200, items[(page - 1) * 2 : page * 2], headers)

    def add_comment(self, issue, body, user=BOT):
        """A comment on `issue` (a person's, with `user={"login": .., "type": "User"}`)."""
        comment_id = max(self.notes, default=0) + 1
        self.notes[comment_id] = {"id": comment_id, "issue": issue, "body": body, "user": user}
        return self.notes[comment_id]

    def comments_on(self, issue):
        return [c for _, c in sorted(self.notes.items()) if c["issue"] == issue]

    def comment_route(self, h, nth):
        if self._failing(h):
            return
        number = int(urlsplit(h.path).path.rsplit("/", 2)[1])
        if h.command == "GET":
            self._page(h, self.comments_on(number))
            return
        body = self._body()["body"]
        self.comments.append((number, body))
        self._json(h, 201, self.add_comment(number, body))

    def edit_comment_route(self, h, nth):
        if self._failing(h):
            return
        comment_id = int(urlsplit(h.path).path.rsplit("/", 1)[1])
        self.notes[comment_id]["body"] = self._body()["body"]
        self._json(h, 200, self.notes[comment_id])

    def _pull_json(self, pull):
        return {
            "number": pull["number"],
            "state": pull["state"],
            "title": pull["title"],
            "body": pull["body"],
            "head": {"ref": pull["head"], "label": f"owner:{pull['head']}"},
            "base": {"ref": pull["base"]},
            "html_url": f"https://github.com/{REPO}/pull/{pull['number']}",
        }

    def pulls_route(self, h, nth):
        if self._failing(h):
            return
        if h.command == "POST":
            data = self._body()
            number = max(self.pulls, default=FIRST_PULL - 1) + 1
            self.pulls[number] = {"number": number, "state": "open", **data}
            self._json(h, 201, self._pull_json(self.pulls[number]))
            return
        query = parse_qs(urlsplit(h.path).query)
        found = [p for _, p in sorted(self.pulls.items()) if p["state"] == query["state"][0]]
        if "head" in query:
            owner, _, branch = query["head"][0].partition(":")
            assert owner == REPO.split("/")[0]
            found = [p for p in found if p["head"] == branch]
        self._page(h, [self._pull_json(p) for p in found])

    def pull_route(self, h, nth):
        if self._failing(h):
            return
        number = int(urlsplit(h.path).path.rsplit("/", 1)[1])
        self.pulls[number].update(self._body())
        self._json(h, 200, self._pull_json(self.pulls[number]))

    def writes(self):
        return [(m, p) for m, p, _ in self.server.recorder.bodies]
