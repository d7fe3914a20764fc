"""The HTTP edge: the JSON API under ``/api`` and the server-rendered pages."""
