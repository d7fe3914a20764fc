"""palais: document circulation for the UN Human Rights Council.

Data flows one way: intake -> parse -> registry -> compose -> publish/search.
The core (model, languages, symbols, conventions, parse, compose) is pure; the
store, the web application and the command line sit at the edges.
"""
