"""Settings: defaults < [tool.readme-gen.links] < flags, with clear errors."""

from __future__ import annotations

import pytest

from readme_gen.errors import ConfigError, UsageError
from readme_gen.links.settings import USER_AGENT, CheckSettings, parse_duration, resolve


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30", 30), ("90s", 90), ("15m", 900), ("12h", 43200), ("7d", 604800), ("2w", 1209600)],
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "7x", "-1d", "d7", "1 d 2"])
def test_bad_durations(text):
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


def test_defaults_are_polite_and_name_the_tool():
    s = resolve({}, {}, env={})
    assert (s.concurrency, s.per_host, s.timeout, s.retries) == (64, 4, 20.0, 3)
    assert s.verify_titles and not s.allow_private and not s.strict
    assert s.user_agent == USER_AGENT and USER_AGENT.startswith("readme-gen/")
    assert s == CheckSettings()


def test_flags_override_the_table_which_overrides_the_defaults():
    table = {"concurrency": 8, "per-host": 2, "max-age": "1d", "verify-titles": False}
    s = resolve(table, {"concurrency": 16, "verify_titles": None}, env={})
    assert s.concurrency == 16  # the flag
    assert s.per_host == 2 and s.max_age == 86400 and s.verify_titles is False  # the table
    assert s.timeout == 20.0  # the default


def test_patterns_and_accepted_statuses():
    s = resolve(
        {"exclude": ["^https://example\\.org/"], "accept": {"ieeexplore\\.ieee\\.org": [418]}},
        {"exclude": ["\\.pdf$"]},
        env={},
    )
    assert [p.pattern for p in s.exclude] == ["^https://example\\.org/", "\\.pdf$"]
    assert s.accept[0].host.search("ieeexplore.ieee.org") and s.accept[0].statuses == {418}


def test_the_github_token_comes_from_the_environment_only():
    assert resolve({}, {}, env={"GITHUB_TOKEN": "t0k"}).github_token == "t0k"
    assert "t0k" not in repr(resolve({}, {}, env={"GITHUB_TOKEN": "t0k"}))


@pytest.mark.parametrize(
    ("table", "flags", "message"),
    [
        ({"concurency": 8}, {}, "unknown setting `concurency`"),
        ({"concurrency": "many"}, {}, "`concurrency`: `many` is not a valid value"),
        ({"concurrency": 0}, {}, "`concurrency`: `0` is out of range"),
        ({}, {"per_host": 0}, "--per-host `per-host`: `0` is out of range"),
        ({"timeout": "soon"}, {}, "`timeout`: `soon` is not a valid value"),
        ({"verify-titles": "yes"}, {}, "`verify-titles`: `yes` is not a valid value"),
        ({"exclude": "x"}, {}, "`exclude`: expected a list of regular expressions"),
        ({"exclude": ["("]}, {}, "`exclude`: invalid regular expression"),
        ({"accept": {"x": "418"}}, {}, "`accept.x`: expected a list of HTTP statuses"),
    ],
)
def test_bad_settings_say_where_and_what(table, flags, message):
    with pytest.raises((UsageError, ConfigError), match=None) as caught:
        resolve(table, flags, env={})
    assert message in str(caught.value)
