"""The official nomination list (*Danh sách đề nghị khen thưởng*) as an A4 landscape workbook.

:mod:`.gather` asks ``marts/nomination_list`` for the rows and groups them by award form and
subject type; :mod:`.layout` writes the sheet an office files with a submission (agency and
national motto, title, the grouped table with subtotals, the signature block); :mod:`.document`
holds the entry points. Every word comes from the catalogue (``report_list_*``); the national
motto is always Vietnamese. Nothing here touches Streamlit.
"""

from __future__ import annotations

from thidua.documents.official_list.document import (
    AGENCY_ENV,
    agency_lines,
    default_name,
    official_list_bytes,
    write_official_list,
)
from thidua.documents.official_list.gather import (
    SENT_ON_STATUSES,
    list_statuses,
    name_sort_key,
    resolve_statuses,
)
from thidua.documents.official_list.layout import COLUMNS, DEFAULT_AGENCY, MOTTO, roman

__all__ = ["AGENCY_ENV", "COLUMNS", "DEFAULT_AGENCY", "MOTTO", "SENT_ON_STATUSES",
           "agency_lines", "default_name", "list_statuses", "name_sort_key",
           "official_list_bytes", "resolve_statuses", "roman", "write_official_list"]
