"""Metadata that is checked: whether a page, arXiv or a DOI agrees with the catalog on who
wrote a paper, when and where it appeared.

`names` matches person names; `compare` turns a landing page's meta tags into a `Drift`;
`arxiv` and `csl` read the arXiv API's Atom feed and DOI CSL JSON as hostile input;
`services` fetches them politely. Only `services` touches the network; nothing here prints.
"""
