"""Entry forms: one declaration of how a list writes an entry, compiled both ways.

`template` turns a form's text (`- [{title}]({link}), {authors}, {venue} {year}{links}`) into a
renderer and a parser that are each other's inverse on every entry they accept; `infer` finds
a list's dominant forms from its entries.
"""
