"""``python -m thidua``: the same command line as the ``thidua`` script."""

from thidua.cli import main

main()
