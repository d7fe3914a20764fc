"""The examples of the search help page: each is a link to its search, and a test runs
each on both engines over the bundled sample documents to check it finds what the page
says it finds (tests/web/test_search_help.py)."""

from __future__ import annotations

# The queries, in the order the page shows them; the page explains each in the
# reader's language (templates/search_help.html).
EXAMPLES: tuple[str, ...] = (
    "Kalbajar",
    '"cultural heritage"',
    "人权理事会",
    "landmine*",
    "landmines OR heritage",
    "Kalbajar -landmines",
    "symbol:A/HRC/41/*",
    "state:AZE session:47",
)
