"""The import page's uploader in the page's language (``dashboard.ui.page_css.uploader_css``):
the catalogue's words go into CSS strings, where nothing can end the string or the rule."""

from __future__ import annotations

import re

from dashboard.ui.page_css import uploader_css
from thidua.catalogue import t


def contents(css: str) -> list[str]:
    """The ``content:`` strings, with CSS's hex escapes read back."""
    return [re.sub(r"\\([0-9a-f]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), raw)
            for raw in re.findall(r'content: "((?:[^"\\]|\\[0-9a-f]{1,6} ?)*)";', css)]


def test_the_catalogues_words_are_what_is_drawn():
    for lang in ("vi", "en"):
        button = t("import_upload_button", lang)
        limit = t("import_upload_limit", lang, mb="50", kinds="XLSX, ODS")
        assert contents(uploader_css(button, limit)) == [button, limit]
    assert contents(uploader_css("Chọn tệp", "x"))[0] == "Chọn tệp"


def test_quotes_braces_and_tags_cannot_leave_the_string():
    hostile = 'a"; } body { display: none } </style><script>x</script> \\'
    css = uploader_css(hostile, "ok")
    assert contents(css) == [hostile, "ok"]
    assert "</style>" not in css.removesuffix("</style>\n")
    assert css.count("{") == css.count("}") == 4
