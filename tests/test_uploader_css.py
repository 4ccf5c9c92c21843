"""The import page's uploader in the page's language (``dashboard.ui.page_css.uploader_css``):
the catalogue's words go into CSS strings, where nothing can end the string or the rule."""

from __future__ import annotations

import re

from dashboard.ui.page_css import TABLE_TOOLS, page_styles, toolbar_css, uploader_css
from thidua.catalogue import t


def contents(css: str) -> list[str]:
    """The ``content:`` strings, with CSS's hex escapes read back."""
    return [re.sub(r"\\([0-9a-f]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), raw)
            for raw in re.findall(r'content: "((?:[^"\\]|\\[0-9a-f]{1,6} ?)*)";', css)]


def test_the_catalogues_words_are_what_is_drawn():
    for lang in ("vi", "en"):
        button = t("import_upload_button", lang)
        limit = t("import_upload_limit", lang, mb="50", kinds="XLSX, ODS")
        refused = t("import_upload_refused", lang, mb="50", kinds="XLSX, ODS")
        assert contents(uploader_css(button, limit, refused)) == [button, limit, refused]
    assert contents(uploader_css("Chọn tệp", "x", "y"))[0] == "Chọn tệp"


def test_the_refused_sentence_says_what_is_accepted_and_what_to_do():
    vi = t("import_upload_refused", "vi", mb="50", kinds="XLSX, XLSM, XLS, ODS")
    en = t("import_upload_refused", "en", mb="50", kinds="XLSX, XLSM, XLS, ODS")
    for sentence in (vi, en):
        assert "50 MB" in sentence and "XLSX, XLSM, XLS, ODS" in sentence and "×" in sentence
    assert "không được nhận" in vi and "not accepted" in en
    # drawn under a refused chip only, and Streamlit's English reason hidden with its tooltip
    css = uploader_css("b", "l", vi)
    assert ':has([data-testid="stFileChip"][aria-invalid="true"])::after' in css
    assert '[aria-invalid="true"] [role="alert"] { display: none; }' in css


def test_quotes_braces_and_tags_cannot_leave_the_string():
    hostile = 'a"; } body { display: none } </style><script>x</script> \\'
    css = uploader_css(hostile, "ok", hostile)
    assert contents(css) == [hostile, "ok", hostile]
    assert "</style>" not in css.removesuffix("</style>\n")
    assert css.count("{") == css.count("}") == 7


def test_streamlits_tool_tooltips_are_the_catalogues_in_every_page_style():
    for lang in ("vi", "en"):
        words = [t(key, lang) for key in TABLE_TOOLS.values()]
        drawn = contents(toolbar_css(lang))
        assert set(drawn) == set(words)  # the chart's two and the table's four, each said
        assert toolbar_css(lang) in page_styles(lang)
    assert "Tìm trong bảng" in contents(toolbar_css("vi"))
    css = toolbar_css("vi")
    assert css.count("{") == css.count("}")
