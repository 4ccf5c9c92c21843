"""Documents HCQT sends: the official nomination list and the campaign progress report."""
