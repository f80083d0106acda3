"""Checking URLs concurrently: attempts, retries within a deadline, and a verdict for
every link whatever a server sends.

Distinct URLs are started as room frees up, hosts taking turns (`schedule.Feeder`); waits
between retries hold no slot. The fetch itself (each hop vetted, redirects followed by
hand, failures classified, retries by one tenacity policy) is the wire's, `net.fetch`,
which the metadata services share; one hop is `client`'s; what a page means is
`verdict`'s. Here: what a final answer means for a link, and the host's pauses.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from readme_gen.links import policy
from readme_gen.links.client import Client, charset, decode
from readme_gen.links.gate import Clock, Sleep
from readme_gen.links.results import Incomplete, Result, Status, Target
from readme_gen.links.schedule import Feeder
from readme_gen.links.settings import CheckSettings
from readme_gen.links.verdict import Outcome, verdict
from readme_gen.net import failures, retry, transport, urls
from readme_gen.net.fetch import Reply, Wire
from readme_gen.net.reasons import Reason


class Checker:
    def __init__(
        self,
        settings: CheckSettings,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
        wall: Clock = time.time,
    ) -> None:
        """`sleep` and `clock` (monotonic) pace retries and hosts; `wall`, the calendar's
        seconds, reads a Retry-After given as an HTTP-date. All three are for tests."""
        self.settings = settings
        self.sleep = sleep
        self.clock = clock
        self.wall = wall
        self.wire = Wire(
            settings,
            limit=settings.concurrency,
            per_host=settings.per_host,
            sleep=sleep,
            clock=clock,
        )
        self.resolver = self.wire.resolver
        self.client = Client(settings, self.wire)

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
        await self.wire.aclose()

    async def check_one(
        self, target: Target, *, pause: Sleep | None = None, aside: Sleep | None = None
    ) -> Result:
        """The link's verdict. Whatever goes wrong inside its check becomes its result: a
        server cannot stop the run, and neither can a bug confined to one link."""
        started = time.perf_counter()
        try:
            exclude = self.settings.exclude
            if exclude and any(p.search(target.url) for p in exclude):
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
        gate = self.client.gate(urls.host_of(url))

        async def attempt() -> Outcome:
            if (paused := gate.paused_for()) > 0:  # the host asked for a pause: wait it
                await aside(paused)  # out without holding a place
            return await self.attempt(url, budget=self.wire.budget(deadline))

        first = await attempt()
        if not self._retries_earned(first):
            return first, 1
        outcome, attempts = await self.wire.retrying(
            first,
            attempt,
            earned=self._retries_earned,
            wait=lambda outcome: outcome.wait,
            deadline=deadline,
            pause=pause,
        )
        if outcome.status is not Status.OK and attempts > 1:
            outcome = replace(outcome, detail=f"{outcome.detail} (after {attempts} attempts)")
        return outcome, attempts

    def _retries_earned(self, outcome: Outcome) -> int:
        if outcome.status is Status.OK:
            return 0
        return retry.retry_limit(outcome.reason, outcome.code, retries=self.settings.retries)

    async def attempt(self, url: str, *, budget: float | None = None) -> Outcome:
        """One request and its redirects, within `budget` seconds (the timeout)."""
        budget = self.settings.timeout if budget is None else budget
        reply = await self.wire.follow(url, self.client.hop, budget=budget)
        if reply.reason is not None or reply.code is None:
            return Outcome(
                Status.BROKEN, reply.reason, reply.code, reply.url, reply.redirects, reply.detail
            )
        return self._final(reply)

    def _final(self, reply: Reply) -> Outcome:
        code, headers, url, redirects = reply.code or 0, reply.headers, reply.url, reply.redirects
        page = None
        if reply.body is not None:
            page = decode(reply.body, charset(headers.get("content-type", "")))
        for accept in self.settings.accept:
            if accept.host.search(urls.host_of(url)) and code in accept.statuses:
                detail = f"HTTP {code} accepted by configuration"
                return Outcome(Status.OK, None, code, url, redirects, detail, page=page)
        status, reason, detail = policy.classify(code, headers)
        if retry.retryable(code) and reason is Reason.HTTP_STATUS:
            wait = retry.retry_after(headers.get("retry-after"), now=self.wall())
            cap = self.settings.retry_after_cap
            if wait is not None and wait > cap:
                detail = (
                    f"HTTP {code}: rate-limited, asked to wait {wait:.0f} s (more than {cap:g} s)"
                )
                return Outcome(Status.BLOCKED, Reason.RATE_LIMITED, code, url, redirects, detail)
            if wait is not None:
                # The host as a whole asked for air: its other links wait too. (A longer
                # demand makes the link blocked; stalling the whole run for it would not.)
                self.client.gate(urls.host_of(url)).pause(wait)
            return Outcome(status, reason, code, url, redirects, detail, wait=wait)
        return Outcome(status, reason, code, url, redirects, detail, page=page)


@dataclass(frozen=True, slots=True)
class Checked:
    """Every target's result, in the targets' order, and what could not be finished."""

    results: list[Result]
    incomplete: tuple[Incomplete, ...] = ()


def check_all(
    targets: Sequence[Target],
    settings: CheckSettings,
    *,
    on_result: Callable[[Result], None] | None = None,
    sleep: Sleep | None = None,
    clock: Clock | None = None,
) -> Checked:
    """Check `targets` on a fresh event loop, then (`check_published`) ask arXiv about the
    listed preprints. `sleep` and `clock` are for tests: waits that take no time, on a
    clock that they move."""

    async def main() -> Checked:
        wait, now = sleep or asyncio.sleep, clock or time.monotonic
        results = await Checker(settings, sleep=wait, clock=now).check(targets, on_result)
        incomplete: tuple[Incomplete, ...] = ()
        # Both phases ask only about arXiv links that are ok (`preprints.candidates`): a list
        # without one skips importing them and their services (~20 ms of a run's CPU).
        preprints = any(r.status is Status.OK and "arxiv" in r.url.lower() for r in results)
        if settings.check_published and preprints:
            from readme_gen.links.preprints import WHAT, candidates, published

            try:
                results, incomplete = await published(results, settings, sleep=wait, clock=now)
            except Exception as exc:  # a bug of ours in this phase: the links' verdicts stand
                _, detail = failures.classify(exc)
                ids = len(candidates(results))
                incomplete = (Incomplete(WHAT, ids, Reason.INTERNAL_ERROR, detail),)
        if (settings.find_venues and preprints) or settings.suggest:
            from readme_gen.links.suggest import searched

            try:
                results = await searched(results, settings, sleep=wait, clock=now)
            except Exception as exc:  # the same: a search gone wrong loses no verdict
                _, detail = failures.classify(exc)
                what = "venue and page search"
                incomplete += (Incomplete(what, len(results), Reason.INTERNAL_ERROR, detail),)
        return Checked(results, incomplete)

    # The catalog and the imported modules outlive the check: frozen out of the collector's
    # generations, they are not walked again by each collection that the check's own
    # allocations trigger (2,000 healthy links: 0.76 s of CPU without, 0.65 s with).
    gc.freeze()
    try:
        return transport.run(main())
    finally:
        gc.unfreeze()


def run_check(
    targets: Sequence[Target],
    settings: CheckSettings,
    *,
    on_result: Callable[[Result], None] | None = None,
    sleep: Sleep | None = None,
    clock: Clock | None = None,
) -> list[Result]:
    """The results of `check_all`."""
    return check_all(targets, settings, on_result=on_result, sleep=sleep, clock=clock).results


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

    return transport.run(main())
