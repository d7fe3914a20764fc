"""What the search page and ``/api/search`` share: reading a search from a query string,
naming facet values in the reader's language, and a search's results as JSON."""
