"""``python -m thidua.cli``: the same command line as the ``thidua`` script."""

from thidua.cli import main

main()
