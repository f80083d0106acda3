"""A redirect chain's cookies (`net.cookies.CookieChain`) from raw Set-Cookie bytes, however
hostile: never an exception, never a byte altered, never a control character sent on.
(What a real server and the wire make of them: tests/links/test_checker.py.)"""

from __future__ import annotations

import pytest

from readme_gen.net.cookies import MAX_COOKIE, CookieChain

URL = "http://127.0.0.1:8000/start"


def chain(*set_cookies: bytes) -> CookieChain:
    cookies = CookieChain()
    cookies.take_from(URL, 302, [(b"Set-Cookie", value) for value in set_cookies])
    return cookies


@pytest.mark.parametrize(
    "value", [b"s=caf\xc3\xa9", "s=\u65e5\u672c".encode(), b"s=\xf0\x9f\x8d\xaa", b"s=a\tb"]
)
def test_bytes_go_back_as_they_came(value):
    assert chain(value + b"; Path=/").header(URL) == value


@pytest.mark.parametrize(
    "value",
    [
        b"s=a\r\nInjected: 1",
        b"s=a\rb",
        b"s=a\nb",
        b"s=a\x00b",
        b"s=\x01",
        b"s=\x1b[2J",
        b"s=a\x7f",
        b"s\x01=a",
        b"s=caf\xe9",  # latin-1: not UTF-8, which is all the wire can send unaltered
        b"s=\xff\xfe",
        b"s=" + b"v" * 10_240,
        b"s=" + b"v" * MAX_COOKIE,  # name and value together: one byte over
    ],
)
def test_a_cookie_a_browser_would_ignore_is_not_sent(value):
    cookies = chain(value + b"; Path=/", b"other=1; Path=/")
    assert cookies.header(URL) == b"other=1"
    assert {name for _, _, name, _ in cookies.state()} == {"other"}


def test_a_cookie_of_the_largest_size_is_sent():
    value = b"s=" + b"v" * (MAX_COOKIE - 1)  # 4,096 bytes of name and value
    assert chain(value).header(URL) == value


@pytest.mark.parametrize(
    "header",
    [
        b"",
        b";;;",
        b"=",
        b"=v",
        b"; Path=/",
        b"s=v; Domain=\xff\x00; Path=\r\n",
        b"s=v; Expires=\xe9\xe9\xe9",
        b"s=v; Max-Age=" + b"9" * 5_000,
        b'"s=v',
        b"s=" + b"\x80" * 70_000,
    ],
)
def test_nonsense_never_raises(header):
    cookies = chain(header)
    sent = cookies.header(URL)
    assert sent is None or not any(c in sent for c in b"\r\n\x00")
    cookies.state()  # hashable, whatever was set
