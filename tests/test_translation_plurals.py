"""Counted texts read right in English and in a translation: ``tr_n`` with Qt's numerus forms (issue 13 §2)."""

from __future__ import annotations

import sys
from pathlib import Path

from byoc_qgis.translation import CONTEXT, tr_n

from .i18n_helpers import installed_catalogue

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
import update_translations  # noqa: E402

TS = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>{CONTEXT}</name>
<message numerus="yes"><source>%n tiles</source>
<translation><numerusform>%n Kachel</numerusform><numerusform>%n Kacheln</numerusform></translation></message>
</context></TS>
"""


def test_english_picks_singular_and_plural_without_a_catalogue(qgis_app):
    assert tr_n("%n tile", "%n tiles", 1) == "1 tile"
    assert tr_n("%n tile", "%n tiles", 0) == "0 tiles"
    assert tr_n("%n tile", "%n tiles", 3) == "3 tiles"


def test_a_catalogue_with_numerus_forms_is_used(qgis_app, tmp_path):
    ts = tmp_path / "plural_de.ts"
    ts.write_text(TS, encoding="utf-8")
    with installed_catalogue(ts, tmp_path):
        assert tr_n("%n tile", "%n tiles", 1) == "1 Kachel"
        assert tr_n("%n tile", "%n tiles", 4) == "4 Kacheln"
    assert tr_n("%n tile", "%n tiles", 4) == "4 tiles"


def test_the_extractor_records_plurals_as_numerus_messages(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text('tr("Plain")\ntr_n("%n file", "%n files", n)\n', encoding="utf-8")
    strings = update_translations.collect_strings(package)
    assert [(text, numerus) for text, _where, numerus in strings] == [("Plain", False), ("%n files", True)]
    ts = tmp_path / "x.ts"
    ts.write_text(TS, encoding="utf-8")
    text = update_translations.update_ts(ts, [("%n tiles", "pkg/m.py", True), ("Plain", "pkg/m.py", False)])
    assert '<message numerus="yes">' in text
    assert "<numerusform>%n Kacheln</numerusform>" in text  # the known forms are kept
    assert text.count('type="unfinished"') == 1  # only "Plain"
