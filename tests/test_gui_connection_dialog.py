"""The connection dialog against localhub with QGIS's real auth manager: one credentials path (the auth-config
selector with "New from client id and secret…"), the S3 part tested too, "save anyway?" asked once after a failed
test, the custom URL rows only for a custom deployment (reading nothing before the dock is shown: test_plugin_lazy)."""

from __future__ import annotations

import uuid

import pytest

from .test_gui_support import ensure_provider
from .test_processing_support import set_master_password

pytestmark = pytest.mark.usefixtures("gui_provider")


def _wait_task(task, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(lambda: task.done, timeout=timeout), "timed out"
    return task


def _settings_text() -> str:
    from qgis.core import QgsSettings

    settings = QgsSettings()
    return " ".join(f"{k}={settings.value(k)}" for k in settings.allKeys())


@pytest.fixture
def dialog(qgis_app, qgis_iface, localhub):
    from byoc_qgis.gui.connection_dialog import ConnectionDialog
    from byoc_qgis.gui.connections import ConnectionStore
    from byoc_qgis.gui.tasks import TaskRunner

    set_master_password()
    ensure_provider()
    runner = TaskRunner()
    dlg = ConnectionDialog(ConnectionStore(), runner)
    dlg.name.setText(f"dialog-{uuid.uuid4().hex[:6]}")
    dlg.deployment.setCurrentIndex(dlg.deployment.findData("custom"))
    dlg.base_url.setText(localhub.base_url)
    dlg.token_url.setText(localhub.token_url)
    yield dlg
    from .watchdog import wait_until

    wait_until(lambda: not runner.active(), 30)  # no task of this test ends inside a later one
    runner.cancel_all()
    dlg.close()
    dlg.deleteLater()


def test_new_configuration_from_client_id_and_secret_goes_to_the_auth_manager_only(dialog, localhub):
    from qgis.core import QgsApplication

    from byoc_qgis.core import qgis_adapters as qa

    before = set(QgsApplication.authManager().configIds())
    dialog.auth.open_new()
    assert dialog.auth.panel.isVisibleTo(dialog) and not dialog.auth.new_button.isEnabled()
    dialog.auth.new_id.setText(localhub.client_id)
    dialog.auth.new_secret.setText(localhub.client_secret)
    dialog.auth.store_button.click()
    created = set(QgsApplication.authManager().configIds()) - before
    assert len(created) == 1
    authcfg = created.pop()
    assert dialog.auth.configId() == authcfg  # selected in QGIS's selector
    assert not dialog.auth.panel.isVisibleTo(dialog) and dialog.auth.new_secret.text() == ""
    assert QgsApplication.authManager().availableAuthMethodConfigs()[authcfg].method() == "Basic"
    assert qa.read_client_credentials(authcfg).client_id == localhub.client_id
    _wait_task(dialog.test_connection())
    assert dialog.test_ok is True, dialog.test_result.text()
    assert "collections visible" in dialog.test_result.text()
    dialog.accept()
    assert dialog.saved is not None and dialog.questions == 0, dialog.error.text()
    assert dialog.saved.settings.client_authcfg == authcfg
    text = _settings_text()
    assert localhub.client_secret not in text and authcfg in text


def test_a_half_typed_configuration_is_refused_with_words(dialog, localhub):
    dialog.auth.open_new()
    dialog.auth.new_id.setText(localhub.client_id)
    dialog.auth.store_button.click()
    assert dialog.auth.panel_error.isVisibleTo(dialog)
    assert dialog.auth.panel_error.text() == (
        "Give both the client id and the client secret (or cancel the new configuration)"
    )
    assert dialog.auth.configId() == ""


def _answer_save_anyway(answer: str, seen: list) -> None:
    """Answer the next "save anyway?" question with Save or Cancel (once it is open)."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(getattr(QMessageBox.StandardButton, answer)).click()

    QTimer.singleShot(20, press)


def test_saving_after_a_failed_test_asks_once(dialog, localhub):
    dialog.client_id.setText(localhub.client_id)
    dialog.client_secret.setText("not-the-right-secret")
    _wait_task(dialog.test_connection())
    assert dialog.test_ok is False
    assert "not-the-right-secret" not in dialog.test_result.text()
    seen: list = []
    _answer_save_anyway("Cancel", seen)
    dialog.accept()
    assert dialog.questions == 1 and len(seen) == 1 and "failed" in seen[0]
    assert dialog.saved is None and dialog.result() != dialog.DialogCode.Accepted
    _answer_save_anyway("Save", seen)
    dialog.accept()
    assert dialog.questions == 2 and len(seen) == 2  # one question per Save, never two for one click
    assert dialog.saved is not None, dialog.error.text()
    assert _settings_text().count("not-the-right-secret") == 0


def test_a_change_after_a_failed_test_saves_without_asking(dialog, localhub):
    dialog.client_id.setText(localhub.client_id)
    dialog.client_secret.setText("not-the-right-secret")
    _wait_task(dialog.test_connection())
    assert dialog.test_ok is False
    dialog.client_secret.setText(localhub.client_secret)
    dialog.client_secret.textEdited.emit(localhub.client_secret)  # what typing does
    assert dialog.test_ok is None and "Changed" in dialog.test_result.text()
    dialog.accept()
    assert dialog.questions == 0 and dialog.saved is not None


def test_the_s3_part_is_tested_too(dialog, localhub):
    dialog.client_id.setText(localhub.client_id)
    dialog.client_secret.setText(localhub.client_secret)
    dialog.s3_group.setCollapsed(False)
    dialog.s3_auth.open_new()
    dialog.s3_access.setText(localhub.s3.access_key)
    dialog.s3_secret.setText("wrong-s3-secret")
    dialog.s3_endpoint.setText(localhub.s3.endpoint)
    dialog.s3_region.setText(localhub.s3.region)
    dialog.s3_https.setChecked(False)
    dialog.s3_path_style.setChecked(True)
    _wait_task(dialog.test_connection())
    assert dialog.test_ok is False
    assert "S3 problem" in dialog.test_result.text() and "wrong-s3-secret" not in dialog.test_result.text()
    dialog.s3_secret.setText(localhub.s3.secret_key)
    _wait_task(dialog.test_connection())
    lines = dialog.test_result.text().splitlines()
    assert "collections visible" in lines[0]  # an S3 problem never hides the service's answer
    assert lines[1] == f"S3: S3 keys accepted by {localhub.s3.endpoint}.", lines
    # the buckets of the account's collections are checked next (other tests' collections may lack theirs)
    assert all(line.startswith(("S3: Bucket", "S3 problem: ")) for line in lines[2:]), lines


def test_custom_url_rows_only_for_a_custom_deployment(dialog):
    dialog.show()
    try:
        rows = dialog.form.rowCount()
        dialog.deployment.setCurrentIndex(0)
        assert dialog.form.rowCount() == rows - 2  # taken out: no gap under "Deployment"
        assert not dialog.base_url.isVisible() and not dialog.base_url_label.isVisible()
        dialog.deployment.setCurrentIndex(dialog.deployment.findData("custom"))
        assert dialog.form.rowCount() == rows and dialog.form.labelForField(dialog.base_url) is dialog.base_url_label
        assert dialog.base_url.isVisible() and dialog.token_url.isVisible()
        assert dialog.base_url.text()  # what was typed stays
    finally:
        dialog.hide()


def test_auth_selector_has_no_blank_gap(dialog):
    """QGIS's selector carries a 40 px spacer below its combo; ours is no taller than its combo row."""
    select = dialog.auth.select
    combo_height = max(w.sizeHint().height() for w in select.findChildren(type(dialog.deployment)))
    assert select.sizeHint().height() <= combo_height + 12, (select.sizeHint().height(), combo_height)


def test_the_docks_test_button_reads_as_an_action(qgis_app, qgis_iface):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QToolButton

    from byoc_qgis.gui.dock import ByocDock

    dock = ByocDock(qgis_iface)
    try:
        button = next(b for b in dock.findChildren(QToolButton) if b.defaultAction() is dock.act_conn_test)
        assert button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly and button.text() == "Test"
        assert "get a token" in button.toolTip()
    finally:
        dock.cleanup()
        dock.deleteLater()
