"""Translation helpers: ``tr()`` for every user-visible string, and the plugin's QTranslator."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "byoc_qgis"
I18N_DIR = Path(__file__).resolve().parent / "i18n"


def tr(text: str, context: str = CONTEXT) -> str:
    """Translate ``text`` in the plugin's translation context."""
    return QCoreApplication.translate(context, text)


def tr_n(singular: str, plural: str, count: int, context: str = CONTEXT) -> str:
    """Translate a text that depends on ``count``, with ``%n`` standing for the number.

    The translation catalogue holds ``plural`` as a numerus message (one form per grammatical number of the
    language, Qt's ``%n`` convention). Without a translation, English picks ``singular`` for 1 and ``plural``
    otherwise, so "1 tile" / "3 tiles" read right with no English catalogue.
    """
    translated = QCoreApplication.translate(context, plural, None, int(count))
    english = (singular if int(count) == 1 else plural).replace("%n", str(int(count)))
    if translated == plural.replace("%n", str(int(count))):
        return english
    return translated


def install_translator() -> Optional[QTranslator]:
    """Load ``i18n/byoc_qgis_<locale>.qm`` for the user's QGIS locale; return the translator or None."""
    locale = QSettings().value("locale/userLocale", "") or QLocale.system().name()
    locale = str(locale)[:2]
    qm = I18N_DIR / f"byoc_qgis_{locale}.qm"
    if not qm.exists():
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
