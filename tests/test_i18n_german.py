"""The German translation (issue 16 §1): every message of i18n/byoc_qgis_de.ts translated with its placeholders,
tags, accelerators and endings kept; the .qm compiles and loads; a German QGIS (locale ``de``) shows the dock,
the Add tiles findings table and the Processing algorithms in German (screenshots kept with the others)."""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from .i18n_helpers import compile_ts

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "i18n" / "byoc_qgis_de.ts"

pytestmark = pytest.mark.usefixtures("gui_provider")

# str.format fields ({}, {0}, {name}, {:.1f}, {!r}; {{ }} are literal braces) and Qt's %n / %1..%9
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%n|%L?\d")
_HTML = re.compile(r"</?(?:a|b|i|u|p|br|ul|ol|li|code|tt|span|div|h\d|table|tr|td|th|pre|em|strong|img)\b[^>]*>", re.I)
_ENDINGS = ("…", "...", ":", "?", "\n", " ")


def _messages() -> list:
    """(source, numerus, forms, unfinished) of every message; ``forms`` is a list with one or more texts."""
    out = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        numerus = message.get("numerus") == "yes"
        if numerus:
            forms = [form.text or "" for form in translation.findall("numerusform")]
        else:
            forms = [translation.text or ""]
        out.append((message.findtext("source"), numerus, forms, translation.get("type") == "unfinished"))
    return out


def _catalogue() -> dict:
    """English source -> German text (plain messages only)."""
    return {source: forms[0] for source, numerus, forms, _u in _messages() if not numerus}


def _auto_fields(fields: list) -> list:
    """The automatically numbered fields ({}, {:.1f}, {!r}): their order is the order of the arguments."""
    return [f for f in fields if f.startswith("{") and f not in ("{{", "}}") and re.match(r"\{[:!}]", f)]


def test_every_message_is_translated():
    messages = _messages()
    assert len(messages) > 800
    unfinished = [source for source, _n, forms, flag in messages if flag or not all(f.strip() for f in forms)]
    assert unfinished == []
    # German has two numbers: every plural message has a singular and a plural form
    assert [source for source, numerus, forms, _u in messages if numerus and len(forms) != 2] == []


def test_placeholders_tags_accelerators_and_endings_are_kept():
    problems = []
    for source, _numerus, forms, _u in _messages():
        fields = _PLACEHOLDER.findall(source)
        for form in forms:
            found = _PLACEHOLDER.findall(form)
            if Counter(found) != Counter(fields) or _auto_fields(found) != _auto_fields(fields):
                problems.append(("placeholders", source, form))
            if Counter(_HTML.findall(source)) != Counter(_HTML.findall(form)):
                problems.append(("tags", source, form))
            if source.count("&") != form.count("&"):
                problems.append(("accelerator", source, form))
            for ending in _ENDINGS:
                if source.endswith(ending) != form.endswith(ending) or source.startswith(" ") != form.startswith(" "):
                    problems.append(("ending", source, form))
    assert problems == []


def test_the_checks_catch_a_broken_translation():
    """The placeholder rule above fails on a swapped or lost field (so it is not a check that cannot fail)."""
    assert _auto_fields(_PLACEHOLDER.findall("{} von {:.1f}")) != _auto_fields(_PLACEHOLDER.findall("{:.1f} von {}"))
    assert Counter(_PLACEHOLDER.findall("%n Kacheln von {}")) != Counter(_PLACEHOLDER.findall("Kacheln von {}"))
    assert _PLACEHOLDER.findall("{{name}} {0}") == ["{{", "}}", "{0}"]


@pytest.fixture(scope="module")
def german_qm(tmp_path_factory) -> Path:
    """i18n/byoc_qgis_de.ts compiled as `make translations` does; every message finished."""
    folder = tmp_path_factory.mktemp("i18n")
    qm = folder / "byoc_qgis_de.qm"
    done = compile_ts(TS, qm)
    count = len(_messages())
    assert f"Generated {count} translation(s) ({count} finished and 0 unfinished)" in done.stdout, done.stdout
    return qm


@pytest.fixture
def german(qgis_app, german_qm, monkeypatch):
    """QGIS with locale ``de`` and the plugin's translator installed as the plugin installs it; undone after."""
    from qgis.PyQt.QtCore import QCoreApplication, QSettings

    from byoc_qgis import translation

    settings = QSettings()
    before = settings.value("locale/userLocale", None)
    settings.setValue("locale/userLocale", "de")
    monkeypatch.setattr(translation, "I18N_DIR", german_qm.parent)
    translator = translation.install_translator()
    assert translator is not None
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)
        if before is None:
            settings.remove("locale/userLocale")
        else:
            settings.setValue("locale/userLocale", before)


def test_the_qm_loads_with_plural_forms(qgis_app, german_qm):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from byoc_qgis.translation import CONTEXT, tr, tr_n

    translator = QTranslator()
    assert translator.load(str(german_qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert tr("Close") == "Schließen"
        plurals = [(source, forms) for source, numerus, forms, _u in _messages() if numerus and "%n" in source]
        assert plurals
        for source, (singular, plural) in plurals:
            assert QCoreApplication.translate(CONTEXT, source, None, 1) == singular.replace("%n", "1")
            assert QCoreApplication.translate(CONTEXT, source, None, 7) == plural.replace("%n", "7")
        assert tr_n("%n tile loaded", "%n tiles loaded", 1) == "1 Kachel geladen"
        assert tr_n("%n tile loaded", "%n tiles loaded", 3) == "3 Kacheln geladen"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("Close") == "Close"


def _widget_texts(root) -> list:
    """Every text a user reads on ``root`` and its children: labels, buttons, placeholders, tooltips, tabs,
    actions and table/tree headers."""
    from qgis.PyQt.QtWidgets import QAction, QTableWidget, QTabWidget, QTreeWidget, QWidget

    texts = []
    for widget in [root] + root.findChildren(QWidget):
        for getter in ("text", "placeholderText", "toolTip", "windowTitle", "title"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    value = value()
                except TypeError:
                    continue
                if isinstance(value, str) and value:
                    texts.append(value)
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QTreeWidget):
            texts += [widget.headerItem().text(i) for i in range(widget.columnCount())]
        if isinstance(widget, QTableWidget):
            texts += [widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())]
    for action in root.findChildren(QAction):
        texts += [t for t in (action.text(), action.toolTip()) if t]
    return texts


def _english_left(texts: list, catalogue: dict) -> list:
    """Texts that are an English source whose German differs (an untranslated string on screen)."""
    return sorted({t for t in texts if t in catalogue and catalogue[t] != t})


def _german(texts: list, catalogue: dict) -> set:
    """Texts that are German translations (and not also an English source)."""
    german = {v for k, v in catalogue.items() if k != v}
    return {t for t in texts if t in german and t not in catalogue}


def test_german_qgis_shows_the_dock_add_tiles_and_algorithms_in_german(
    german, qgis_iface, qgis_new_project, conn, localhub, screenshots_dir
):
    from qgis.core import QgsApplication

    from byoc_qgis.gui.dock import ByocDock

    from .test_gui_support import ensure_provider, new_collection
    from .watchdog import wait_until

    catalogue = _catalogue()
    provider = ensure_provider()
    # Processing: names, groups, parameter labels and help of every algorithm are the catalogue's German
    wrong = []
    for alg in provider.algorithms():
        fresh = alg.create()  # parameters are declared now, under the German translator
        if fresh.displayName() not in catalogue.values():
            wrong.append((alg.id(), "name", fresh.displayName()))
        if fresh.group() not in catalogue.values():
            wrong.append((alg.id(), "group", fresh.group()))
        # the example models' inputs too (labelled in English in their .model3 files, translated when loaded)
        for param in fresh.parameterDefinitions():
            if param.description() in catalogue and catalogue[param.description()] != param.description():
                wrong.append((alg.id(), param.name(), param.description()))
        help_text = getattr(fresh, "help_text", lambda: "")()
        if help_text and help_text not in catalogue.values():
            wrong.append((alg.id(), "help", help_text[:60]))
    assert wrong == [], "\n".join(map(str, wrong))
    alg = QgsApplication.processingRegistry().algorithmById("byoc:deletecollection").create()
    assert alg.displayName() == "Kollektion löschen" and alg.group() == "Kollektionen"
    assert alg.shortHelpString().startswith("Löscht eine BYOC-Kollektion und alle ihre Kacheln aus Sentinel Hub.")
    assert "„Ich bestätige: die Kollektion und alle ihre Kacheln löschen" not in alg.shortHelpString()
    assert "“Ich bestätige: die Kollektion und alle ihre Kacheln löschen" in alg.shortHelpString()  # the label

    # The dock on a German QGIS, listing the collections of localhub
    name = f"Drohnenmosaike {uuid.uuid4().hex[:4]}"
    client = _client(localhub)
    try:
        new_collection(client, localhub.s3, name=name)
    finally:
        client.close()
    qgis_iface.messageBar().clear_messages()
    dock = ByocDock(qgis_iface)
    dialog = None
    try:
        dock.reload_connections(conn.name)
        if dock.list_task is None:
            dock.refresh_collections()
        listed = wait_until(lambda: any(c.name == name for c in dock.collections.values()), timeout=60)
        assert listed, (dock.status.text(), dock.status.toolTip(), [c.name for c in dock.collections.values()])
        col = next(c for c in dock.collections.values() if c.name == name)
        assert dock.select_collection(col.id)
        texts = _widget_texts(dock)
        assert _english_left(texts, catalogue) == []
        shown = _german(texts, catalogue)
        assert {"Kollektionen", "Batch-Anfragen aktualisieren"} <= shown, shown
        assert len(shown) >= 20, shown
        assert re.fullmatch(r"Verbunden: \d+ Kollektionen? sichtbar|\d+ Kollektion(en)? auf .*", dock.status.text())
        dock.resize(312, 700)
        dock.show()
        wait_until(lambda: False, 0.3)
        dock.grab().save(str(screenshots_dir / "byoc-dock-german.png"))

        # The Add tiles dialog: its findings table has German headers
        dialog = dock.open_add_tiles()
        assert dialog is not None
        from qgis.PyQt.QtWidgets import QTableWidget

        table = dialog.findChild(QTableWidget, "ByocAddTilesFindings")
        headers = [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())]
        assert headers[:2] == ["Schweregrad", "Datei"] and headers[-1] == "Behebung", headers
        assert all(h in catalogue.values() for h in headers), headers
        dialog_texts = _widget_texts(dialog)
        assert _english_left(dialog_texts, catalogue) == []
        assert len(_german(dialog_texts, catalogue)) >= 15
        wait_until(lambda: False, 0.3)
        dialog.grab().save(str(screenshots_dir / "byoc-add-tiles-german.png"))
    finally:
        if dialog is not None:
            dialog.close()
        dock.cleanup()
        dock.deleteLater()


def _client(localhub):
    from byoc_qgis.core.auth import ClientCredentials
    from byoc_qgis.core.client import SentinelHubClient
    from byoc_qgis.core.deployments import custom_deployment

    return SentinelHubClient(
        custom_deployment(localhub.base_url, localhub.token_url),
        ClientCredentials(localhub.client_id, localhub.client_secret),
    )


def test_merge_script_fills_translations_and_leaves_sources(tmp_path):
    """scripts/merge_translations.py fills plain and numerus messages from JSON; sources and others stay."""
    import json
    import sys

    sys.path.insert(0, str(REPO / "scripts"))
    import merge_translations
    import update_translations

    ts = tmp_path / "x_de.ts"
    ts.write_text(
        update_translations.update_ts(
            TS, [("Close", "byoc_qgis/a.py", False), ("%n tiles", "byoc_qgis/a.py", True), ("New", "b.py", False)]
        ),
        encoding="utf-8",
    )
    data = {"%n tiles": ["%n Kachel", "%n Kacheln"], "New": "Neu", "Gone": "Weg"}
    text, filled, unfinished = merge_translations.merge(ts, {**data, "Close": ""})
    assert (filled, unfinished) == (2, [])  # "Close" keeps the catalogue's "Schließen"; "Gone" is not a source
    ts.write_text(text, encoding="utf-8")
    assert (
        update_translations.update_ts(
            ts, [("Close", "byoc_qgis/a.py", False), ("%n tiles", "byoc_qgis/a.py", True), ("New", "b.py", False)]
        )
        == text
    )
    messages = ET.parse(ts).getroot().findall(".//message")
    assert [m.findtext("source") for m in messages] == ["Close", "%n tiles", "New"]
    assert [f.text for f in messages[1].find("translation")] == ["%n Kachel", "%n Kacheln"]
    assert messages[2].findtext("translation") == "Neu" and messages[0].findtext("translation") == "Schließen"
    assert "unfinished" not in text
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"Close": "Zu"}), encoding="utf-8")
    assert merge_translations.main([str(path), str(ts), "--check"]) == 0
    assert "Schließen" in ts.read_text(encoding="utf-8")  # --check writes nothing
