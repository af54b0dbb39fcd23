"""Compiling and installing Qt translation catalogues in tests (the plugin's German .ts, or tiny ones a test
writes): one place for finding ``lrelease`` and for installing a translator only for the test's duration."""

from __future__ import annotations

import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest


def lrelease() -> str:
    """The ``lrelease`` command (Qt linguist tools); skips the test where it is not installed."""
    for name in ("lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("lrelease (Qt linguist tools) is not installed")


def compile_ts(ts: Path, qm: Path) -> subprocess.CompletedProcess:
    """``ts`` compiled to ``qm`` (raises when lrelease fails); lrelease's report in ``stdout``."""
    return subprocess.run([lrelease(), str(ts), "-qm", str(qm)], capture_output=True, text=True, check=True)


@contextmanager
def installed_catalogue(ts: Path, folder: Path) -> Iterator[Path]:
    """Compile ``ts`` into ``folder`` and install it as a QTranslator while the block runs; yields the .qm path."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = folder / (ts.stem + ".qm")
    compile_ts(ts, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield qm
    finally:
        QCoreApplication.removeTranslator(translator)
