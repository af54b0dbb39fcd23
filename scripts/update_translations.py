"""Collect every ``tr("...")`` literal and the plural of every ``tr_n("...", "...", n)`` in byoc_qgis/;
update the i18n/*.ts sources (plurals as numerus messages), keeping translations.

pylupdate5 assigns contexts by enclosing class, while the plugin translates everything in one context
(``byoc_qgis``, see byoc_qgis/translation.py), so this small extractor keeps sources and lookups in step.
Usage: python scripts/update_translations.py [--check]   (--check: exit 1 if a .ts file is out of date)
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTEXT = "byoc_qgis"


def _where(path: Path) -> str:
    """``path`` relative to the repository (as the .ts locations name it), or as given when outside it."""
    try:
        return str(path.relative_to(REPO))
    except ValueError:
        return str(path)


def collect_strings(package: Path) -> list:
    """Every literal passed as the first argument of a call to ``tr`` in ``package``, in first-seen order."""
    seen: dict = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            if name == "tr" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                seen.setdefault(first.value, (_where(path), False))
            elif name == "tr_n" and len(node.args) >= 2:
                plural = node.args[1]
                if isinstance(plural, ast.Constant) and isinstance(plural.value, str):
                    seen.setdefault(plural.value, (_where(path), True))
    return [(text, where, numerus) for text, (where, numerus) in seen.items()]


def update_ts(ts_path: Path, strings: list) -> str:
    """Return the new XML text of ``ts_path`` with exactly ``strings`` as messages, keeping known translations."""
    tree = ET.parse(ts_path)
    root = tree.getroot()
    known = {}
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or translation is None:
            continue
        forms = [form.text for form in translation.findall("numerusform")]
        if forms and all(forms):
            known[source] = forms
        elif translation.text and translation.text.strip():
            known[source] = translation.text
    for context in list(root.findall("context")):
        root.remove(context)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for text, where, numerus in strings:
        message = ET.SubElement(context, "message")
        if numerus:
            message.set("numerus", "yes")
        # file only, no line number: moving code must not make the sources stale
        ET.SubElement(message, "location").set("filename", "../" + where)
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        old = known.get(text)
        if numerus:
            # one form per grammatical number; German and English have two (singular, plural)
            forms = old if isinstance(old, list) else [None, None]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            if not all(forms):
                translation.set("type", "unfinished")
        elif isinstance(old, str):
            translation.text = old
        else:
            translation.set("type", "unfinished")
    ET.indent(tree, space="    ")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n"


def main(argv: list) -> int:
    check = "--check" in argv
    strings = collect_strings(REPO / "byoc_qgis")
    stale = []
    for ts_path in sorted((REPO / "i18n").glob("*.ts")):
        new_text = update_ts(ts_path, strings)
        if ts_path.read_text(encoding="utf-8") != new_text:
            stale.append(ts_path.name)
            if not check:
                ts_path.write_text(new_text, encoding="utf-8")
    if check and stale:
        print(f"out of date: {', '.join(stale)} (run: make translations-update)")
        return 1
    print(f"{len(strings)} strings; {'stale' if check else 'updated'}: {', '.join(stale) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
