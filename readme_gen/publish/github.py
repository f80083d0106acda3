"""A small typed client for the few GitHub REST endpoints the link audit uses.

`GITHUB_API_URL` (as GitHub Actions sets it) selects the API; `GITHUB_TOKEN` authenticates.
Every failure becomes a `GitHubError` naming the request and GitHub's message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx

from readme_gen.errors import ReadmeGenError

DEFAULT_API = "https://api.github.com"


class GitHubError(ReadmeGenError):
    """The GitHub API refused or failed a request."""


class GitHub:
    def __init__(self, api_url: str, token: str, repo: str, *, timeout: float = 30.0) -> None:
        self.repo = repo
        self.client = httpx.Client(
            base_url=api_url.rstrip("/"),
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

    def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            raise GitHubError(f"GitHub API: {method} {url} failed: {exc}") from None
        if response.status_code >= 400:
            try:
                message = response.json().get("message", "")
            except ValueError:
                message = response.text[:200]
            hint = ""
            if response.status_code in (401, 403):
                hint = " (does GITHUB_TOKEN have `issues: write` on this repository?)"
            raise GitHubError(
                f"GitHub API: {method} {response.request.url.path} answered "
                f"{response.status_code}: {message}{hint}"
            )
        return response

    def open_issues(self, label: str) -> list[dict[str, Any]]:
        """Open issues (not pull requests) with `label`, oldest first, all pages."""
        found = [
            item
            for item in self._pages(
                f"/repos/{self.repo}/issues",
                params={
                    "state": "open",
                    "labels": label,
                    "per_page": "100",
                    "sort": "created",
                    "direction": "asc",
                },
            )
            if "pull_request" not in item
        ]
        return sorted(found, key=lambda item: int(item["number"]))

    def _pages(self, url: str, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        next_url: str | None = url
        query: dict[str, str] | None = params
        while next_url:
            response = self._request("GET", next_url, params=query)
            items = response.json()
            if not isinstance(items, list):
                raise GitHubError(f"GitHub API: GET {next_url}: expected a list")
            yield from items
            next_url = response.links.get("next", {}).get("url")
            query = None  # the next link carries its own query

    def create_issue(self, title: str, body: str, label: str) -> dict[str, Any]:
        data: dict[str, Any] = self._request(
            "POST",
            f"/repos/{self.repo}/issues",
            json={"title": title, "body": body, "labels": [label]},
        ).json()
        return data

    def update_issue(self, number: int, **fields: Any) -> None:
        self._request("PATCH", f"/repos/{self.repo}/issues/{number}", json=fields)

    def comment(self, number: int, body: str) -> None:
        self._request("POST", f"/repos/{self.repo}/issues/{number}/comments", json={"body": body})
