"""The Add tiles dialog in pytest-qgis against localhub (issue 13 §4): after Check it shows the planned tiles (bucket
path and sensing time of every tile) and the findings in the dialog's words, Upload is disabled when every tile
would fail, and the tiles it registers are exactly the planned ones. Screenshots: byoc-add-tiles-planned,
byoc-add-tiles-all-failing."""

from __future__ import annotations

import pytest

from .fixtures_rasters import make_tile
from .test_gui_support import new_collection

pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("gui_provider")]


def _wait(cond, timeout=90.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


def _dialog(conn, qgis_iface, collection_id: str):
    from byoc_qgis.gui.add_tiles_dialog import AddTilesDialog
    from byoc_qgis.gui.notify import Notifier
    from byoc_qgis.gui.tasks import TaskRunner

    client = conn.client()
    collection = client.byoc.get_collection(collection_id)
    client.close()
    runner = TaskRunner()
    dlg = AddTilesDialog(conn, collection, runner, Notifier(qgis_iface))
    dlg._test_runner = runner  # kept alive with the dialog
    dlg.show()
    return dlg


def _check(dlg):
    assert dlg.check() is not None, dlg.summary.text()
    assert dlg.checking
    _wait(lambda: not dlg.checking)


def _shot(dlg, screenshots_dir, name: str) -> None:
    from qgis.PyQt.QtWidgets import QApplication

    QApplication.processEvents()
    for table in (dlg.planned, dlg.findings):  # every column in view: nothing to scroll sideways to
        header = table.horizontalHeader()
        width = sum(header.sectionSize(c) for c in range(table.columnCount()))
        assert width <= table.viewport().width() + 1, (name, width, table.viewport().width())
    assert dlg.grab().save(str(screenshots_dir / f"{name}.png"))


def _when(t) -> str:
    """A registered sensing time as the dialog shows it (UTC, no T/Z)."""
    from byoc_qgis.core.path_templates import format_sensing_time

    return (t if isinstance(t, str) else format_sensing_time(t)).replace("T", " ").rstrip("Z")


def _no_parameter_ids(texts) -> None:
    for text in texts:
        for word in ("INPUT", "FOLDER", "FILE_PATTERN", "SENSING_TIME", "PATH_TEMPLATE", "bucket", "S3"):
            assert word not in text, text


def test_check_plans_the_tiles_and_upload_creates_exactly_them(conn, localhub, qgis_iface, tmp_path, screenshots_dir):
    from qgis.PyQt.QtCore import QRect

    col = new_collection(conn.client(), localhub.s3)
    folder = tmp_path / "scenes"
    make_tile(folder / "2023-07-01" / "T33UVP")
    make_tile(folder / "2023-07-02" / "T33UVQ")
    make_tile(folder / "2023-07-03" / "T33UWP", blocksize=128)  # tiles too small: COGify repairs it
    make_tile(folder / "2023-07-04" / "T33UWQ", epsg=25833)  # a CRS BYOC refuses: this tile will fail

    dlg = _dialog(conn, qgis_iface, col["id"])
    dlg.set_source("folder")
    dlg.folder.setFilePath(str(folder))
    dlg.path_template.setText("{year}/{doy}/{tile}/(BAND).tif")
    # the template's fields are explained under it, with what this template makes of an example
    assert "{name}" in dlg.path_help.text() and "{doy}" in dlg.path_help.text()
    assert "→ 2023/161/T33UVP/B04.tif" in dlg.path_help.text()
    assert not dlg.add_button.isEnabled()

    _check(dlg)
    # no blank area above the form (the source input is as tall as the folder field, not the layer list), and the
    # two tables take the spare height
    assert dlg.stack.height() <= dlg.folder.sizeHint().height() + 8, (dlg.stack.height(), dlg.folder.sizeHint())
    assert dlg.splitter.height() >= 0.35 * dlg.height(), (dlg.splitter.height(), dlg.height())
    rows = dlg.planned.rows()
    assert [r[:3] for r in rows] == [
        ["2023-07-01/T33UVP", "2023/182/T33UVP/(BAND).tif", "2023-07-01 00:00:00"],
        ["2023-07-02/T33UVQ", "2023/183/T33UVQ/(BAND).tif", "2023-07-02 00:00:00"],
        ["2023-07-03/T33UWP", "2023/184/T33UWP/(BAND).tif", "2023-07-03 00:00:00"],
        ["2023-07-04/T33UWQ", "2023/185/T33UWQ/(BAND).tif", "2023-07-04 00:00:00"],
    ]
    assert [r[3] for r in rows[:3]] == ["Will be created", "Will be created", "Will be COGified, then created"]
    assert rows[3][3] == "Will fail: B02.tif: its CRS is not one BYOC accepts; see the findings."
    assert (
        dlg.summary.text() == "8 files checked: 3 tiles will be created. 1 tile will fail and be reported (see Result)."
    )
    assert dlg.add_button.isEnabled()
    # findings name the file (relative to the folder) and the fix, without parameter ids or bucket hints
    findings = dlg.findings.rows()
    files = {r[1] for r in findings}
    assert "2023-07-04/T33UWQ/B02.tif" in files and "2023-07-03/T33UWP/B02.tif" in files
    _no_parameter_ids(cell for r in findings for cell in r[2:])
    _shot(dlg, screenshots_dir, "byoc-add-tiles-planned")

    # the upload creates exactly the planned tiles, at the planned paths and times; the refused one fails
    planned = {r[1]: r[2] for r in rows[:3]}
    run = dlg.add()
    assert run is not None
    bar, text = dlg.progress.bar, dlg.progress.text
    assert not QRect(text.mapTo(dlg, text.rect().topLeft()), text.size()).intersects(
        QRect(bar.mapTo(dlg, bar.rect().topLeft()), bar.size())
    ), "the progress text is drawn over the bar"
    _wait(lambda: run.ok is not None, 180)
    assert run.ok, run.error_text()
    assert (run.results["REGISTERED"], run.results["FAILED"]) == (3, 1)
    client = conn.client()
    tiles = {t.path: t.sensing_time for t in client.byoc.iter_tiles(col["id"])}
    client.close()
    assert {p: _when(t) for p, t in tiles.items()} == planned
    assert dlg.summary.text() == "3 tiles registered, 0 already registered, 1 failed."


def test_upload_is_disabled_when_every_tile_would_fail(conn, localhub, qgis_iface, tmp_path, screenshots_dir):
    col = new_collection(conn.client(), localhub.s3)
    folder = tmp_path / "undated"
    make_tile(folder / "north" / "T33UVP")
    make_tile(folder / "south" / "T33UVQ")

    dlg = _dialog(conn, qgis_iface, col["id"])
    dlg.set_source("folder")
    dlg.folder.setFilePath(str(folder))
    _check(dlg)  # the default sensing time comes from a date in the path: there is none
    rows = dlg.planned.rows()
    assert [r[:3] for r in rows] == [["north/T33UVP", "", ""], ["south/T33UVQ", "", ""]]
    for r in rows:
        assert r[3].startswith("Will fail: No date (YYYYMMDD or YYYY-MM-DD) in '"), r
        assert "one time for all" in r[3]
    assert not dlg.add_button.isEnabled()
    assert "every tile would fail" in dlg.add_button.toolTip()
    assert dlg.summary.text().startswith("4 files checked: every tile would fail")
    _shot(dlg, screenshots_dir, "byoc-add-tiles-all-failing")
    # no findings: the planned tiles get the height (their long results are not cut off)
    planned_box, findings_box = dlg.splitter.sizes()
    assert dlg.findings.rowCount() == 0 and planned_box > 2 * findings_box, dlg.splitter.sizes()
    assert dlg.add() is None

    # one time for all: every tile can be created, Upload is enabled (after a new check)
    dlg.time_mode.setCurrentIndex(dlg.time_mode.findData("constant"))
    assert not dlg.add_button.isEnabled()
    _check(dlg)
    assert [r[3] for r in dlg.planned.rows()] == ["Will be created", "Will be created"]
    assert dlg.add_button.isEnabled()

    # a band file pattern that leaves files out: createtiles would refuse the whole upload, so does the dialog
    dlg.time_mode.setCurrentIndex(dlg.time_mode.findData("template"))
    dlg.time_template.setText("%Y")  # not found either; the pattern below is the refusal
    dlg.file_pattern.setText("(BAND)2.tif")
    _check(dlg)
    assert not dlg.add_button.isEnabled()
    assert "do not match the band file pattern (BAND)2.tif" in dlg.summary.text(), dlg.summary.text()
    _no_parameter_ids([dlg.summary.text(), dlg.add_button.toolTip()])
