"""``python -m palais``: the same command as ``palais``."""

from palais.cli import main

main()
