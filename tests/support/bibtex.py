"""Reading BibTeX the way BibTeX itself does."""

from __future__ import annotations

import re


def braced(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """The entries as BibTeX itself reads them: after `@type`, the body opened by `{` ends
    at the brace that balances it, counting every brace whatever precedes it (a backslash
    escapes nothing for BibTeX or biber); a braced field value likewise; text between
    entries is ignored. (bibtexparser honours `\\{`, so it cannot see a forged entry.)"""
    entries, at = [], 0
    while (at := text.find("@", at)) >= 0:
        kind = re.match(r"@([A-Za-z]+)\s*([{(])", text[at:])
        if kind is None:
            at += 1
            continue
        opening, at = kind.group(2), at + kind.end()
        closing = "}" if opening == "{" else ")"
        key_end = min(i for i in (text.find(",", at), text.find(closing, at)) if i >= 0)
        key, at, fields = text[at:key_end].strip(), key_end, {}
        while text[at] == ",":
            field = re.match(r",\s*([A-Za-z]+)\s*=\s*", text[at:])
            if field is None:
                at = text.index(closing, at)
                break
            at += field.end()
            if text[at] == "{":
                depth, start = 0, at
                while True:
                    depth += {"{": 1, "}": -1}.get(text[at], 0)
                    at += 1
                    if depth == 0:
                        break
                value = text[start + 1 : at - 1]
            else:
                value = re.match(r"[^,}) \n]*", text[at:]).group()
                at += len(value)
            fields[field.group(1).lower()] = value
            at += len(text[at:]) - len(text[at:].lstrip())
        if text[at] != closing:  # BibTeX: "expecting a `,' or a `}'", skips to the next @
            fields["!error"] = text[at : at + 40]
        else:
            at += 1
        entries.append((kind.group(1).lower(), key, fields))
    return entries
