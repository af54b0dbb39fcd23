"""Fill the translations of an i18n/*.ts file from a JSON working file, never touching the sources.

The JSON maps an English source text to its translation: a string, or for numerus messages (``tr_n`` plurals,
``numerus="yes"`` in the .ts) a list with one form per grammatical number (German: [singular, plural]).
Translators can work in such a file while others add strings and re-run ``make translations-update``
(which keeps the translations merged here). Sources in the JSON that the .ts no longer holds are ignored.

Usage: python scripts/merge_translations.py JSON [TS ...]   (default TS: i18n/byoc_qgis_de.ts)
       --check: write nothing; exit 1 when a message of the .ts is still unfinished after the merge
Prints the number of messages filled and lists the sources still unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def _set_plain(translation: ET.Element, text: str) -> None:
    """Make ``translation`` a finished plain translation reading ``text``."""
    for child in list(translation):
        translation.remove(child)
    translation.text = text
    translation.attrib.pop("type", None)


def _set_numerus(translation: ET.Element, forms: list) -> None:
    """Make ``translation`` a finished numerus translation with ``forms`` (one per grammatical number)."""
    for child in list(translation):
        translation.remove(child)
    translation.text = None
    for form in forms:
        ET.SubElement(translation, "numerusform").text = form
    translation.attrib.pop("type", None)


def merge(ts_path: Path, translations: dict) -> tuple:
    """Fill the messages of ``ts_path`` found in ``translations``; return (new XML text, filled, unfinished)."""
    tree = ET.parse(ts_path)
    filled = 0
    unfinished = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None:
            continue
        if translation is None:
            translation = ET.SubElement(message, "translation")
        numerus = message.get("numerus") == "yes"
        value = translations.get(source)
        if numerus and isinstance(value, list) and value and all(value):
            _set_numerus(translation, value)
            filled += 1
        elif not numerus and isinstance(value, str) and value:
            _set_plain(translation, value)
            filled += 1
        if translation.get("type") == "unfinished":
            unfinished.append(source)
    ET.indent(tree, space="    ")
    return HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n", filled, unfinished


def main(argv: list) -> int:
    check = "--check" in argv
    args = [arg for arg in argv if arg != "--check"]
    if not args:
        print(__doc__)
        return 2
    translations = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    ts_paths = [Path(arg) for arg in args[1:]] or [REPO / "i18n" / "byoc_qgis_de.ts"]
    status = 0
    for ts_path in ts_paths:
        text, filled, unfinished = merge(ts_path, translations)
        if not check and ts_path.read_text(encoding="utf-8") != text:
            ts_path.write_text(text, encoding="utf-8")
        print(f"{ts_path.name}: {filled} filled from {args[0]}, {len(unfinished)} unfinished")
        for source in unfinished:
            print("  unfinished: " + json.dumps(source, ensure_ascii=False))
        if check and unfinished:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
