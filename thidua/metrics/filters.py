"""The dashboard's global filters and their place in the URL.

A view is fully described by campaign, units, as-of date, language (and, on some pages, the
evaluation period and subject type); they travel in the query string so that a copied link
reproduces the view. Pure functions: no streamlit here, so the round trip is unit-tested.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from thidua.catalogue import DEFAULT_LANG, LANGS

PRESENTATION_MODE = "trinh-chieu"
PAGE_KEYS = ("period", "subject", "status", "mode", "slide", "every", "play")


@dataclass(frozen=True)
class Filters:
    campaign: str | None = None
    units: tuple[str, ...] = ()
    as_of: dt.date | None = None
    lang: str = DEFAULT_LANG
    extra: dict[str, str] = field(default_factory=dict)  # page-level: period, subject, ...

    @property
    def mode(self) -> str | None:
        return self.extra.get("mode")

    def params(self, **more: object) -> dict[str, object]:
        """Query parameters for the named queries."""
        return {"campaign_code": self.campaign, "as_of": self.as_of,
                "unit_codes": list(self.units) or None, **more}


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def from_query(query: Mapping[str, str | list[str]]) -> Filters:
    """Filters from ``st.query_params`` (unknown or malformed values fall back to defaults)."""
    lang = _first(query.get("lang")) or DEFAULT_LANG
    units_text = _first(query.get("units")) or ""
    extra = {k: v for k in PAGE_KEYS if (v := _first(query.get(k)))}
    return Filters(
        campaign=(_first(query.get("campaign")) or "").strip().upper() or None,
        units=tuple(u for u in (p.strip().upper() for p in units_text.split(",")) if u),
        as_of=_parse_date(_first(query.get("as_of"))),
        lang=lang if lang in LANGS else DEFAULT_LANG,
        extra=extra,
    )


def to_query(filters: Filters) -> dict[str, str]:
    """The query string of a view; defaults are left out so links stay short."""
    query: dict[str, str] = {}
    if filters.campaign:
        query["campaign"] = filters.campaign
    if filters.units:
        query["units"] = ",".join(filters.units)
    if filters.as_of:
        query["as_of"] = filters.as_of.isoformat()
    if filters.lang != DEFAULT_LANG:
        query["lang"] = filters.lang
    query.update(filters.extra)
    return query
