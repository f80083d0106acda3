"""Metadata that is checked: whether a page, arXiv or a DOI agrees with the catalog on who
wrote a paper, when and where it appeared.

`names` matches person names; `compare` turns a landing page's meta tags into a `Drift`;
`arxiv` and `csl` read the arXiv API's Atom feed and DOI CSL JSON as hostile input;
`services` fetches them politely. Only `services` touches the network; nothing here prints.
"""

# The services' addresses; the environment variables override them (as GITHUB_API_URL does
# for the audit), for tests and mirrors. Here, not in `services`, so that reading settings
# does not import an HTTP client.
ARXIV_API_URL = "https://export.arxiv.org/api/query"
DOI_URL = "https://doi.org/"
ENV_ARXIV = "READMEGEN_ARXIV_API_URL"
ENV_DOI = "READMEGEN_DOI_URL"
S2_API_URL = "https://api.semanticscholar.org/graph/v1"
DBLP_URL = "https://dblp.org/search/publ/api"
WAYBACK_URL = "https://archive.org/wayback/available"
ENV_S2 = "READMEGEN_S2_API_URL"
ENV_DBLP = "READMEGEN_DBLP_URL"
ENV_WAYBACK = "READMEGEN_WAYBACK_URL"
ENV_S2_KEY = "SEMANTIC_SCHOLAR_API_KEY"  # sent as `x-api-key`; never logged
