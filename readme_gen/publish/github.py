"""A small typed client for the few GitHub REST endpoints the link audit (issues) and the
add-paper workflow (issue comments, pull requests) use.

`GITHUB_API_URL` (as GitHub Actions sets it) selects the API; `GITHUB_TOKEN` authenticates.
Every answer is checked before it is used: any failure or unexpected answer (a redirect,
not JSON, the wrong shape) becomes a `GitHubError` naming the request, and the token is
only ever sent to the API's own scheme, host and port.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from readme_gen import escape
from readme_gen.errors import ReadmeGenError
from readme_gen.text import shorten

DEFAULT_API = "https://api.github.com"
# How much of an unexpected answer an error message quotes.
QUOTE_LIMIT = 200


class GitHubError(ReadmeGenError):
    """The GitHub API refused or failed a request, or answered something unexpected."""


@dataclass(frozen=True, slots=True)
class Issue:
    number: int
    title: str
    body: str
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    body: str
    bot: bool
    """Written by a bot account (`user.type` "Bot": the workflow's token, an App): a
    person cannot make a comment of theirs pass for the workflow's."""


@dataclass(frozen=True, slots=True)
class PullRequest:
    number: int
    head: str
    """The head branch's name (`head.ref`)."""
    body: str
    url: str


def _quote(text: str) -> str:
    """Text from the server, safe to print in an error message."""
    return escape.terminal(shorten(text, QUOTE_LIMIT))


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


class GitHub:
    def __init__(self, api_url: str, token: str, repo: str, *, timeout: float = 30.0) -> None:
        try:
            base = httpx.URL(api_url.rstrip("/"))
        except httpx.InvalidURL as exc:
            raise GitHubError(f"GITHUB_API_URL `{_quote(api_url)}` is not a URL: {exc}") from None
        if base.scheme not in ("http", "https") or not base.host:
            raise GitHubError(
                f"GITHUB_API_URL `{_quote(api_url)}` is not an http(s) URL "
                "(expected e.g. https://api.github.com)"
            )
        self.repo = repo
        self.origin = _origin(base)
        self.client = httpx.Client(
            base_url=base,
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "readme-gen link audit",
            },
            timeout=timeout,
            follow_redirects=False,
        )

    def close(self) -> None:
        self.client.close()

    def _request(self, method: str, url: str, **kwargs: Any) -> Any:
        """Send one request; return its JSON (None if empty)."""
        return _json(self._send(method, url, **kwargs))

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send one request; return a 2xx answer, or raise a GitHubError that says why not."""
        target: str | httpx.URL = url  # a path under the API's base URL
        if not url.startswith("/"):
            try:
                target = httpx.URL(url)
            except httpx.InvalidURL:
                raise GitHubError(f"GitHub API: `{_quote(url)}` is not a URL") from None
            if _origin(target) != self.origin:
                # The token must not leave the API's host, whatever a Link header says.
                raise GitHubError(
                    f"GitHub API: refusing to follow {_quote(url)}: not on the API's host "
                    f"({self.client.base_url}); the token is only sent there"
                )
        try:
            response = self.client.request(method, target, **kwargs)
        except httpx.HTTPError as exc:
            raise GitHubError(f"GitHub API: {method} {url} failed: {_quote(str(exc))}") from None
        where = f"GitHub API: {method} {response.request.url.path}"
        code = response.status_code
        if 300 <= code < 400:
            location = _quote(response.headers.get("location", ""))
            raise GitHubError(
                f"{where} answered {code}, a redirect to `{location}` (check GITHUB_API_URL; "
                "readme-gen does not follow redirects with the token)"
            )
        if code >= 400:
            raise GitHubError(f"{where} answered {code}: {_message(response)}{_hint(code)}")
        return response

    def open_issues(self, label: str) -> list[Issue]:
        """Open issues (not pull requests) that carry `label`, oldest first, all pages.
        The label is checked on each issue: the API's filter is not trusted."""
        found = []
        for item in self._pages(
            f"/repos/{self.repo}/issues",
            params={
                "state": "open",
                "labels": label,
                "per_page": "100",
                "sort": "created",
                "direction": "asc",
            },
        ):
            if isinstance(item, dict) and "pull_request" in item:
                continue
            issue = _issue(item, "GET issues")
            if label in issue.labels:
                found.append(issue)
        return sorted(found, key=lambda issue: issue.number)

    def comments(self, number: int) -> list[Comment]:
        """Every comment of issue `number`, oldest first, all pages."""
        url = f"/repos/{self.repo}/issues/{number}/comments"
        return [_comment(item) for item in self._pages(url, params={"per_page": "100"})]

    def create_comment(self, number: int, body: str) -> Comment:
        data = self._request(
            "POST", f"/repos/{self.repo}/issues/{number}/comments", json={"body": body}
        )
        return _comment(data)

    def edit_comment(self, comment_id: int, body: str) -> None:
        self._request(
            "PATCH", f"/repos/{self.repo}/issues/comments/{comment_id}", json={"body": body}
        )

    def open_pulls(self, head: str | None = None) -> list[PullRequest]:
        """Open pull requests, all pages; with `head`, only those from that branch of this
        repository (the API's filter is not trusted: each answer's head is checked)."""
        params = {"state": "open", "per_page": "100"}
        if head is not None:
            params["head"] = f"{self.repo.partition('/')[0]}:{head}"
        found = [_pull(item) for item in self._pages(f"/repos/{self.repo}/pulls", params)]
        return [p for p in found if head is None or p.head == head]

    def create_pull(self, *, title: str, head: str, base: str, body: str) -> PullRequest:
        data = self._request(
            "POST",
            f"/repos/{self.repo}/pulls",
            json={"title": title, "head": head, "base": base, "body": body},
        )
        return _pull(data)

    def update_pull(self, number: int, **fields: Any) -> PullRequest:
        return _pull(self._request("PATCH", f"/repos/{self.repo}/pulls/{number}", json=fields))

    def _pages(self, url: str, params: dict[str, str]) -> Iterator[Any]:
        next_url: str | None = url
        query: dict[str, str] | None = params
        seen: set[str] = set()
        while next_url:
            if next_url in seen:
                raise GitHubError(f"GitHub API: the pages of {url} loop back to {next_url}")
            seen.add(next_url)
            response = self._send("GET", next_url, params=query)
            items = _json(response)
            if not isinstance(items, list):
                what = url.rstrip("/").rpartition("/")[2].replace("pulls", "pull requests")
                raise GitHubError(f"GitHub API: GET {url}: expected a list of {what}")
            yield from items
            link = response.links.get("next", {}).get("url")
            next_url = _join(response.url, link) if link else None
            query = None  # the next link carries its own query

    def create_issue(self, title: str, body: str, label: str) -> Issue:
        data = self._request(
            "POST",
            f"/repos/{self.repo}/issues",
            json={"title": title, "body": body, "labels": [label]},
        )
        return _issue(data, "POST issues")

    def update_issue(self, number: int, **fields: Any) -> None:
        self._request("PATCH", f"/repos/{self.repo}/issues/{number}", json=fields)

    def comment(self, number: int, body: str) -> None:
        self._request("POST", f"/repos/{self.repo}/issues/{number}/comments", json={"body": body})


def _join(base: httpx.URL, link: str) -> str:
    """A Link header's URL, resolved against the page it came with."""
    try:
        return str(base.join(link))
    except httpx.InvalidURL:
        raise GitHubError(f"GitHub API: a `next` page link is not a URL: {_quote(link)}") from None


def _json(response: httpx.Response) -> Any:
    if response.status_code == 204 or not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        kind = response.headers.get("content-type", "no content type")
        raise GitHubError(
            f"GitHub API: {response.request.method} {response.request.url.path} answered "
            f"{response.status_code} with {_quote(kind)} that is not JSON: "
            f"{_quote(response.text)}"
        ) from None


def _message(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return _quote(response.text)
    message = data.get("message") if isinstance(data, dict) else None
    return _quote(message if isinstance(message, str) else response.text)


def _hint(code: int) -> str:
    if code in (401, 403):
        return (
            " (does GITHUB_TOKEN have `issues: write` on this repository, and "
            "`pull-requests: write` and `contents: write` for a pull request?)"
        )
    if code == 404:
        return " (is --repo OWNER/NAME right, and can GITHUB_TOKEN see it?)"
    return ""


def _issue(item: Any, where: str) -> Issue:
    """An issue object as the API documents it, or a GitHubError."""
    number = item.get("number") if isinstance(item, dict) else None
    if type(number) is not int or number < 1:
        raise GitHubError(
            f"GitHub API: {where}: expected an issue with a number, got {_quote(repr(item))}"
        )
    labels = item.get("labels")
    names = set()
    for label in labels if isinstance(labels, list) else []:
        name = label.get("name") if isinstance(label, dict) else label
        if isinstance(name, str):
            names.add(name)
    title, body = item.get("title"), item.get("body")
    return Issue(
        number,
        title if isinstance(title, str) else "",
        body if isinstance(body, str) else "",
        frozenset(names),
    )


def _number(item: Any, key: str, what: str, where: str) -> int:
    value = item.get(key) if isinstance(item, dict) else None
    if type(value) is not int or value < 1:
        raise GitHubError(
            f"GitHub API: {where}: expected {what} with {'an' if key == 'id' else 'a'} {key}, "
            f"got {_quote(repr(item))}"
        )
    return value


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def _comment(item: Any) -> Comment:
    """An issue comment as the API documents it, or a GitHubError."""
    comment_id = _number(item, "id", "a comment", "issue comments")
    user = item.get("user")
    bot = isinstance(user, dict) and user.get("type") == "Bot"
    return Comment(comment_id, _text(item, "body"), bot)


def _pull(item: Any) -> PullRequest:
    """A pull request as the API documents it, or a GitHubError."""
    number = _number(item, "number", "a pull request", "pull requests")
    head = item.get("head")
    ref = head.get("ref") if isinstance(head, dict) else None
    return PullRequest(
        number, ref if isinstance(ref, str) else "", _text(item, "body"), _text(item, "html_url")
    )
