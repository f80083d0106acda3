"""Checking URLs concurrently: attempts, redirects followed by hand, retries within a
deadline, and a verdict for every link whatever a server sends.

Distinct URLs are started as room frees up, hosts taking turns (`schedule.Feeder`); waits
between retries hold no slot. Each hop of a redirect is checked against the safety rules
(`urls`, `resolver`) and the chain is kept. tenacity drives the retries: how many a failure
earns depends on its reason (`retry.retry_limit`), waits are a short jittered backoff or
the server's Retry-After (up to a cap), and all attempts and waits of one link fit within
`link_deadline`. The request itself is `client`'s; what failed is `failures`'; what a page
means is `verdict`'s.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from readme_gen.links import policy
from readme_gen.links.client import Answer, Client
from readme_gen.links.cookies import CookieChain
from readme_gen.links.gate import Clock, Sleep
from readme_gen.links.results import Result, Status, Target
from readme_gen.links.schedule import Feeder
from readme_gen.links.settings import CheckSettings
from readme_gen.links.verdict import Outcome, verdict
from readme_gen.net import failures, retry, urls
from readme_gen.net.reasons import Reason
from readme_gen.net.resolver import Resolver
from readme_gen.net.transport import loop_factory

if TYPE_CHECKING:
    from tenacity import RetryCallState


class Checker:
    def __init__(
        self,
        settings: CheckSettings,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        self.resolver = Resolver(allow_private=settings.allow_private)
        self.client = Client(settings, self.resolver, sleep=sleep, clock=clock)
        self._random = random.Random()

    async def check(
        self, targets: Sequence[Target], on_result: Callable[[Result], None] | None = None
    ) -> list[Result]:
        """One result per target, in the targets' order.

        Targets are started as room frees up (see `schedule.Feeder`), never all at once:
        the first request goes out at once and memory does not grow with the catalog."""
        s = self.settings
        feeder = Feeder(
            enumerate(targets),
            lambda item: urls.host_of(item[1].url),
            per_key=s.per_host,
            total=s.concurrency,
        )
        results: list[Result | None] = [None] * len(targets)

        async def run(host: str, index: int, target: Target) -> None:
            async def pause(seconds: float) -> None:  # a retry delay makes room for others
                feeder.park(host)
                start()
                try:
                    await self.sleep(seconds)
                finally:
                    feeder.resume(host)

            async def aside(seconds: float) -> None:  # the host is paused: others go first
                feeder.step_aside(host)
                start()
                try:
                    await self.sleep(seconds)
                finally:
                    feeder.step_back(host)

            try:
                result = await self.check_one(target, pause=pause, aside=aside)
            finally:
                feeder.finish(host)
            results[index] = result
            if on_result is not None:
                on_result(result)
            start()

        def start() -> None:
            while (taken := feeder.take()) is not None:
                host, (index, target) = taken
                group.create_task(run(host, index, target))

        try:
            async with asyncio.TaskGroup() as group:
                start()
        finally:
            await self.aclose()
        return [r for r in results if r is not None]

    async def aclose(self) -> None:
        await self.client.aclose()

    async def check_one(
        self, target: Target, *, pause: Sleep | None = None, aside: Sleep | None = None
    ) -> Result:
        """The link's verdict. Whatever goes wrong inside its check becomes its result: a
        server cannot stop the run, and neither can a bug confined to one link."""
        started = time.perf_counter()
        try:
            if any(p.search(target.url) for p in self.settings.exclude):
                return Result(
                    target.url,
                    Status.EXCLUDED,
                    target.uses,
                    detail="excluded by configuration",
                    reason=Reason.EXCLUDED,
                )
            outcome, attempts = await self.outcome(
                target.url, pause=pause or self.sleep, aside=aside or self.sleep
            )
            return verdict(
                target,
                outcome,
                attempts=attempts,
                elapsed_ms=round((time.perf_counter() - started) * 1000),
                verify_titles=self.settings.verify_titles,
            )
        except Exception as exc:  # a bug of ours: this link's verdict, not the run's end
            reason, detail = failures.classify(exc)
            return Result(
                target.url,
                Status.BROKEN,
                target.uses,
                elapsed_ms=round((time.perf_counter() - started) * 1000),
                detail=detail,
                reason=reason,
            )

    async def outcome(self, url: str, *, pause: Sleep, aside: Sleep) -> tuple[Outcome, int]:
        """What fetching `url` ends with, and after how many attempts. The first attempt is
        inline: healthy links, the vast majority, never pay for the retry machinery."""
        deadline = self.clock() + self.settings.link_deadline
        if (paused := self.client.gate(urls.host_of(url)).paused_for()) > 0:
            await aside(paused)  # the host asked for a pause: wait without holding a place
        first = await self.attempt(url, budget=self._budget(deadline))
        if not self._retries_earned(first):
            return first, 1
        return await self._retry(url, first, deadline, pause, aside)

    async def _retry(
        self, url: str, first: Outcome, deadline: float, pause: Sleep, aside: Sleep
    ) -> tuple[Outcome, int]:
        """Attempts 2.. after a first failure, as many as its reason earns, driven by
        tenacity, all within the link's deadline."""
        gate = self.client.gate(urls.host_of(url))

        async def attempt() -> Outcome:
            if (paused := gate.paused_for()) > 0:  # wait it out without holding a place
                await aside(paused)
            return await self.attempt(url, budget=self._budget(deadline))

        from tenacity import AsyncRetrying, retry_if_result

        pending = [first]

        async def again() -> Outcome:
            if pending:  # tenacity's first call replays the failure we already have
                return pending.pop()
            return await attempt()

        def stop(state: RetryCallState) -> bool:
            outcome = state.outcome.result() if state.outcome else first
            if state.attempt_number > self._retries_earned(outcome):
                return True
            return self.clock() + state.upcoming_sleep >= deadline  # no time left to try

        retrying = AsyncRetrying(
            stop=stop,
            wait=self._wait,
            retry=retry_if_result(lambda outcome: outcome.status is not Status.OK),
            sleep=pause,
            retry_error_callback=lambda state: state.outcome.result() if state.outcome else None,
        )
        outcome: Outcome = await retrying(again)
        attempts = int(retrying.statistics.get("attempt_number", 1))
        if outcome.status is not Status.OK and attempts > 1:
            outcome = replace(outcome, detail=f"{outcome.detail} (after {attempts} attempts)")
        return outcome, attempts

    def _budget(self, deadline: float) -> float:
        """One attempt's time limit: the timeout, or what is left of the link's deadline."""
        return max(0.001, min(self.settings.timeout, deadline - self.clock()))

    def _retries_earned(self, outcome: Outcome) -> int:
        if outcome.status is Status.OK:
            return 0
        return retry.retry_limit(outcome.reason, outcome.code, retries=self.settings.retries)

    def _wait(self, state: RetryCallState) -> float:
        outcome = state.outcome.result() if state.outcome else None
        if isinstance(outcome, Outcome) and outcome.wait is not None:
            return outcome.wait
        s = self.settings
        return retry.backoff(
            state.attempt_number,
            base=s.backoff_base,
            cap=s.backoff_cap,
            jitter=self._random.random(),
        )

    # -- one attempt -----------------------------------------------------------------
    async def attempt(self, url: str, *, budget: float | None = None) -> Outcome:
        """One request and its redirects, within `budget` seconds (the timeout)."""
        budget = self.settings.timeout if budget is None else budget
        redirects: list[tuple[int, str]] = []
        cookies = CookieChain()
        seen = {(url, cookies.state())}
        current = url
        limit = asyncio.timeout(budget)
        try:
            async with limit:
                refusal = await self.guard(current, Reason.BAD_URL)
                for _ in range(self.settings.max_redirects + 1):
                    if refusal is not None:
                        return replace(refusal, redirects=tuple(redirects))
                    answer = await self.client.fetch(current, cookies, budget=budget)
                    location = answer.headers.get("location")
                    if answer.code not in retry.REDIRECTS or not location:
                        return self._final(answer, current, tuple(redirects))
                    target, problem = urls.follow(current, location)
                    if problem is not None:
                        shown = repr(location[:200])
                        detail = f"redirect to a URL that cannot be fetched: {shown} ({problem})"
                        return Outcome(
                            Status.BROKEN,
                            Reason.BAD_REDIRECT,
                            answer.code,
                            current,
                            tuple(redirects),
                            detail,
                        )
                    redirects.append((answer.code, target))
                    visit = (target, cookies.state())
                    if visit in seen:
                        return Outcome(
                            Status.BROKEN,
                            Reason.REDIRECT_LOOP,
                            answer.code,
                            target,
                            tuple(redirects),
                            "redirect loop",
                        )
                    seen.add(visit)
                    current = target
                    refusal = await self.guard(current, Reason.BAD_REDIRECT)
                return Outcome(
                    Status.BROKEN,
                    Reason.TOO_MANY_REDIRECTS,
                    None,
                    current,
                    tuple(redirects),
                    f"more than {self.settings.max_redirects} redirects",
                )
        except TimeoutError as exc:
            if not limit.expired():
                reason, detail = failures.classify(exc)
                return Outcome(Status.BROKEN, reason, None, current, tuple(redirects), detail)
            cut = " (the link's deadline)" if budget < self.settings.timeout else ""
            return Outcome(
                Status.BROKEN,
                Reason.TIMEOUT_READ,
                None,
                current,
                tuple(redirects),
                f"timed out after {budget:.3g} s{cut}",
            )
        except Exception as exc:  # a transport failure, or an answer too broken to parse
            reason, detail = failures.classify(exc)
            if reason is Reason.BAD_URL and redirects:  # the URL a server redirected to
                reason = Reason.BAD_REDIRECT
            return Outcome(Status.BROKEN, reason, None, current, tuple(redirects), detail)

    def _final(self, answer: Answer, url: str, redirects: tuple[tuple[int, str], ...]) -> Outcome:
        code, headers = answer.code, answer.headers
        host = urls.host_of(url)
        for accept in self.settings.accept:
            if accept.host.search(host) and code in accept.statuses:
                detail = f"HTTP {code} accepted by configuration"
                return Outcome(Status.OK, None, code, url, redirects, detail, page=answer.page)
        status, reason, detail = policy.classify(code, headers)
        if retry.retryable(code) and reason is Reason.HTTP_STATUS:
            wait = retry.retry_after(headers.get("retry-after"), now=time.time())
            cap = self.settings.retry_after_cap
            if wait is not None and wait > cap:
                detail = (
                    f"HTTP {code}: rate-limited, asked to wait {wait:.0f} s (more than {cap:g} s)"
                )
                return Outcome(Status.BLOCKED, Reason.RATE_LIMITED, code, url, redirects, detail)
            if wait is not None:
                # The host as a whole asked for air: its other links wait too. (A longer
                # demand makes the link blocked; stalling the whole run for it would not.)
                self.client.gate(host).pause(wait)
            return Outcome(status, reason, code, url, redirects, detail, wait=wait)
        return Outcome(status, reason, code, url, redirects, detail, page=answer.page)

    async def guard(self, url: str, unfetchable: Reason) -> Outcome | None:
        """Refuse what must not be fetched: not a valid http(s) URL (`unfetchable`),
        unresolvable or private hosts."""
        where = urls.endpoint(url)
        if isinstance(where, str):
            return Outcome(Status.BROKEN, unfetchable, None, url, detail=f"{url[:200]!r}: {where}")
        found = await self.resolver.vet(*where)
        if found.refusal is None:
            return None
        return Outcome(Status.BROKEN, found.refusal, None, url, detail=found.detail)


def run_check(
    targets: Sequence[Target],
    settings: CheckSettings,
    *,
    on_result: Callable[[Result], None] | None = None,
    sleep: Sleep | None = None,
    clock: Clock | None = None,
) -> list[Result]:
    """Check `targets` on a fresh event loop. `sleep` and `clock` are for tests: waits that
    take no time, on a clock that they move."""

    async def main() -> list[Result]:
        wait, now = sleep or asyncio.sleep, clock or time.monotonic
        results = await Checker(settings, sleep=wait, clock=now).check(targets, on_result)
        if settings.check_published:
            from readme_gen.links.preprints import published

            results = await published(results, settings, sleep=wait, clock=now)
        if settings.find_venues or settings.suggest:
            from readme_gen.links.suggest import searched

            results = await searched(results, settings, sleep=wait, clock=now)
        return results

    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main())


def fetch_page(url: str, settings: CheckSettings) -> Outcome:
    """One landing page through the checker's client and safety rules (redirects followed,
    body capped): its outcome, with `page` holding the HTML prefix when it was HTML."""

    async def main() -> Outcome:
        checker = Checker(replace(settings, verify_titles=True))
        try:
            outcome, _ = await checker.outcome(url, pause=checker.sleep, aside=checker.sleep)
            return outcome
        finally:
            await checker.aclose()

    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(main())
