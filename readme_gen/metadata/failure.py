"""Why a metadata source gave no answer, as data: the wire's one closed set of reasons
(`net.reasons.Reason`), so behaviour (retry, report) hangs on the kind and never on a
message's text, and a service's failure and a link's are named alike."""

from __future__ import annotations

from dataclasses import dataclass

from readme_gen.net.reasons import Reason

__all__ = ["RETRYABLE", "Failure", "Reason"]

RETRYABLE = frozenset(r for r in Reason if r.retries) | {Reason.RATE_LIMITED}
"""Kinds a later run may well not see."""


@dataclass(frozen=True, slots=True)
class Failure:
    reason: Reason
    detail: str
    about: tuple[str, ...] = ()
    """The identifiers it concerns, when it is one of several (an arXiv batch's ids)."""
