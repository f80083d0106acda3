"""Hostile text for outputs that must stay inert (Markdown, terminal, CSV)."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE = [
    "@everyone",
    "@octo-org/team",
    "#1",
    "owner/repo#12",
    "GH-7",
    ":smile:",
    "![x](http://t/p.png)",
    "<img src=http://t/p.png>",
    "<details><summary>x</summary>",
    "[a](javascript:alert(1))",
    "[phish](https://evil.example/login)",
    "https://evil.example/x",
    "www.evil.example",
    "mail@evil.example",
    "mailto:a@b.co",
    "\x1b[31m",
    "\x07",
    "\u202e",
    "\n| x | y |\n",
    "|",
    "\\|",
    "\\",
    "&amp;",
    "&#64;user",
    "`code`",
    "*em* __strong__ ~~s~~",
    "$x$",
    "    ",
    "> quote",
    "- item",
    "1. item",
    "<!-- c -->",
    "[^1]",
    "- [ ] task",
]


HOSTILE_TEXT = st.lists(st.one_of(st.text(), st.sampled_from(HOSTILE)), max_size=8).map("".join)
