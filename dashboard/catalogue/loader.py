"""Words of the import: the error report, warnings and the command line of ``thidua load``."""

MESSAGES: dict[str, tuple[str, str]] = {}
