"""The checker's pure rules: statuses, what is retried, how long to wait, what moved."""

from __future__ import annotations

import email.utils

import pytest

from readme_gen.links.policy import classify, moved_to
from readme_gen.links.results import Status
from readme_gen.net.reasons import Reason
from readme_gen.net.retry import backoff, retry_after, retryable


@pytest.mark.parametrize(
    ("code", "headers", "status"),
    [
        (200, {}, Status.OK),
        (204, {}, Status.OK),
        (202, {}, Status.BLOCKED),  # a placeholder for automated clients, not the page
        (401, {}, Status.BLOCKED),
        (403, {}, Status.BLOCKED),
        (418, {}, Status.BLOCKED),
        (999, {}, Status.BLOCKED),
        (429, {}, Status.BLOCKED),
        (403, {"cf-mitigated": "challenge"}, Status.BLOCKED),
        (503, {"cf-mitigated": "challenge"}, Status.BLOCKED),
        (404, {}, Status.BROKEN),
        (410, {}, Status.BROKEN),
        (400, {}, Status.BROKEN),
        (500, {}, Status.BROKEN),
    ],
)
def test_classify(code, headers, status):
    assert classify(code, headers)[0] is status


def test_cloudflare_and_202_say_why():
    assert "Cloudflare" in classify(403, {"cf-mitigated": "challenge"})[2]
    assert "placeholder" in classify(202, {})[2]
    assert classify(404, {}) == (Status.BROKEN, Reason.HTTP_STATUS, "HTTP 404: not found")
    assert classify(202, {})[1] is Reason.BOT_CHALLENGE


@pytest.mark.parametrize("code", [408, 429, 500, 502, 503, 504])
def test_transient_answers_are_retried(code):
    assert retryable(code)


@pytest.mark.parametrize("code", [200, 301, 400, 401, 403, 404, 410, 418])
def test_final_answers_are_not_retried(code):
    assert not retryable(code)


def test_retry_after_in_seconds_or_as_an_http_date():
    now = 1_700_000_000.0
    assert retry_after("7", now=now) == 7.0
    assert retry_after(" 120 ", now=now) == 120.0
    date = email.utils.formatdate(now + 30, usegmt=True)
    assert retry_after(date, now=now) == pytest.approx(30.0, abs=1.0)
    past = email.utils.formatdate(now - 30, usegmt=True)
    assert retry_after(past, now=now) == 0.0
    for junk in (None, "", "soon", "-5", "1.5e3"):
        assert retry_after(junk, now=now) is None


def test_backoff_doubles_from_the_base_up_to_the_cap_within_a_quarter_of_jitter():
    assert [backoff(n, base=1.0, cap=30.0, jitter=0.5) for n in range(1, 7)] == [
        1.0,
        2.0,
        4.0,
        8.0,
        16.0,
        30.0,
    ]
    assert backoff(3, base=1.0, cap=30.0, jitter=0.999) == pytest.approx(4.0 * 1.2495)
    assert backoff(1, base=0.5, cap=30.0, jitter=0.0) == pytest.approx(0.375)


def test_moved_to_is_the_end_of_the_leading_permanent_redirects():
    assert moved_to(()) is None
    assert moved_to(((301, "https://a/"), (308, "https://b/"))) == "https://b/"
    assert moved_to(((301, "https://a/"), (302, "https://b/"))) == "https://a/"
    assert moved_to(((302, "https://a/"), (301, "https://b/"))) is None


@pytest.mark.parametrize(
    ("ip", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped
        ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
        ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
        ("64:ff9b::808:808", True),  # NAT64 of 8.8.8.8
        ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
        ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
        ("2002:808:808::1", True),  # 6to4 of 8.8.8.8
        ("::127.0.0.1", False),  # IPv4-compatible
        ("::10.0.0.1", False),
        ("::ffff:0:127.0.0.1", False),  # IPv4-translated
        ("::ffff:0:a00:1", False),
        ("fe80::1%eth0", False),
    ],
)
def test_ipv6_forms_embedding_ipv4_are_judged_by_that_address(ip, public):
    from readme_gen.net.resolver import is_public

    assert is_public(ip) is public
