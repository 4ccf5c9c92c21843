"""Words of the blank import workbook (``thidua template``)."""

MESSAGES: dict[str, tuple[str, str]] = {}
