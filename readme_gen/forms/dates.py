"""Dates as a list writes them (`2024-08-09`, `2 Oct 2023`, `2021.11.30`), stored as ISO
(`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) and written back byte for byte.

A format uses `%Y` (four digits), `%m`/`%d` (two digits), `%-m`/`%-d` (no padding), `%b`
(`Jan`) and `%B` (`January`); anything else is literal.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from readme_gen.forms.errors import TemplateError

# calendar's month names, without importing calendar and locale (2.5 ms of every start-up)
_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NAMES = (
    "", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
_CODES = {
    "%Y": ("Y", r"(?:1[89]|2[0-9])[0-9]{2}"),
    "%m": ("m", r"0[1-9]|1[0-2]"),
    "%-m": ("m", r"[1-9]|1[0-2]"),
    "%d": ("d", r"0[1-9]|[12][0-9]|3[01]"),
    "%-d": ("d", r"[1-9]|[12][0-9]|3[01]"),
    "%b": ("b", "|".join(_ABBR[1:])),
    "%B": ("B", "|".join(_NAMES[1:])),
}
_TOKEN = re.compile(r"%-?[a-zA-Z]")
ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")


class DateFormat:
    """One date format, compiled; `read` and `write` are each other's inverse."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self.parts: list[tuple[str, str]] = []  # (kind, literal or code)
        pattern: list[str] = []
        last = 0
        for match in _TOKEN.finditer(spec):
            if match.start() > last:
                literal = spec[last : match.start()]
                self.parts.append(("lit", literal))
                pattern.append(re.escape(literal))
            code = match.group()
            if code not in _CODES:
                raise TemplateError(f"`{code}` is not a date code (%Y %m %d %-m %-d %b %B)", 1)
            kind, regex = _CODES[code]
            self.parts.append((kind, code))
            pattern.append(f"(?:{regex})")
            last = match.end()
        if last < len(spec):
            self.parts.append(("lit", spec[last:]))
            pattern.append(re.escape(spec[last:]))
        kinds = {k for k, _ in self.parts if k != "lit"}
        if "Y" not in kinds or ("d" in kinds and not kinds & {"m", "b", "B"}):
            raise TemplateError(f"date format `{spec}` needs %Y (and a month with a day)", 1)
        self.regex = "".join(pattern)
        self._full = re.compile(
            "".join(f"({_CODES[c][1]})" if k != "lit" else re.escape(c) for k, c in self.parts)
        )

    def read(self, text: str) -> str | None:
        """The ISO date `text` writes, or None."""
        match = self._full.fullmatch(text)
        if match is None:
            return None
        values = iter(match.groups())
        year = month = day = None
        for kind, _ in self.parts:
            if kind == "lit":
                continue
            value = next(values)
            if kind == "Y":
                year = int(value)
            elif kind == "m":
                month = int(value)
            elif kind == "b":
                month = _ABBR.index(value)
            elif kind == "B":
                month = _NAMES.index(value)
            else:
                day = int(value)
        return iso(year, month, day)

    def write(self, value: str) -> str:
        match = ISO.match(value)
        if match is None:
            return value
        year, month, day = (int(g) if g else None for g in match.groups())
        out = []
        for kind, code in self.parts:
            if kind == "lit":
                out.append(code)
            elif kind == "Y":
                out.append(f"{year:04d}")
            elif kind in ("m", "b", "B"):
                if month is None:
                    return value
                out.append(
                    _ABBR[month]
                    if kind == "b"
                    else _NAMES[month]
                    if kind == "B"
                    else (f"{month:02d}" if code == "%m" else str(month))
                )
            else:
                if day is None:
                    return value
                out.append(f"{day:02d}" if code == "%d" else str(day))
        return "".join(out)


def iso(year: int | None, month: int | None, day: int | None) -> str | None:
    """`YYYY[-MM[-DD]]`, or None for a date that does not exist."""
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        _dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@functools.cache
def compiled(spec: str) -> DateFormat:
    return DateFormat(spec)
