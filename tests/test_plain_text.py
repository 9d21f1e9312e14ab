"""File- and user-supplied strings are shown as plain text (never Markdown): banner, Data-page errors and notes."""

from __future__ import annotations



from data.importers import import_files, save_import
from tests.apptest import open_app
from tests.bad_inputs import GOOD_ROWS, sp_file
from ui.plain import plain

EVIL = "![x](http://127.0.0.1:9/a.png) **fet** :red[rød] $x$ <b>b</b>"


def test_plain_escapes_every_markdown_token():
    out = plain(EVIL)
    for token in ("![", "](", "**", ":red[", "$x$", "<b>"):
        assert token not in out, token
    assert out.replace("\\", "") == EVIL  # nothing but backslashes added


def test_banner_shows_a_hostile_file_name_as_text(data_folder):
    name = "![x](http://127.0.0.1:9/a.png).csv"
    res = import_files([(name, sp_file(GOOD_ROWS).encode())])
    assert res.ok, res.errors
    save_import(res, "add")
    at = open_app("oversikt", check_errors=False)
    banner = " ".join(i.value for i in at.info)
    assert "127\\.0\\.0\\.1" in banner and "![x](" not in banner and "\\!\\[x\\]" in banner


def test_data_page_error_with_first_line_is_text(data_folder):
    at = open_app("data", check_errors=False)
    bad = b"![x](http://127.0.0.1:9/a.png);**b**\n1;2\n"
    at.file_uploader(key="import_uploads").set_value(("bad.csv", bad, "text/csv")).run()
    at.button(key="import_check").click().run()
    errors = " ".join(e.value for e in at.error)
    assert "Ukjent filformat" in errors and "![x](" not in errors and "\\*\\*b\\*\\*" in errors
