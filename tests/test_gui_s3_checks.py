"""The dock's S3 checks: the Create collection dialog checks the bucket before OK (in a task; a problem keeps the
dialog open with its fix and an opt-out), the connection dialog's Test checks the S3 keys and the collections'
buckets. Real dialogs, a real localhub and the signature-checking S3 server."""

from __future__ import annotations

import uuid

import pytest

from .test_gui_support import set_master_password

pytestmark = [pytest.mark.timeout(300), pytest.mark.usefixtures("gui_provider")]


def _wait(cond, timeout=60.0):
    from .watchdog import wait_until

    assert wait_until(cond, timeout=timeout), "timed out"


def _dialog(dock, conn, s3_secret=None):
    from byoc_qgis.core.s3 import S3Config
    from byoc_qgis.gui.collection_dialog import CollectionDialog

    def s3_for_bucket(bucket):
        config = conn.s3_config(bucket)
        if s3_secret is None:
            return config
        return S3Config(**{**config.__dict__, "secret_key": s3_secret})

    dialog = CollectionDialog(None, 0, dock, s3_for_bucket=s3_for_bucket, runner=dock.runner)
    dialog.show()
    return dialog


def test_new_collection_dialog_checks_the_bucket_first(dock, conn, localhub):
    missing = f"gui-missing-{uuid.uuid4().hex[:8]}"
    dialog = _dialog(dock, conn)
    try:
        dialog.name.setText("checked")
        dialog.bucket.setText(missing)
        assert not dialog.skip_check.isVisible()
        dialog.accept()
        _wait(lambda: dialog.check_result is not None)
        assert dialog.isVisible() and dialog.result() == 0  # still open: nothing will be created
        assert dialog.error.text() == (
            f"Bucket check failed: Bucket {missing} does not exist at {localhub.s3.endpoint}: create it, or correct "
            "the bucket name (and the S3 endpoint/region)."
        )
        assert dialog.skip_check.isVisible()
        # the user knows better (the bucket exists elsewhere): go on without the check
        dialog.skip_check.setChecked(True)
        dialog.accept()
        assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    finally:
        dialog.close()
    existing = f"gui-here-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=existing)
    dialog = _dialog(dock, conn)
    try:
        dialog.name.setText("checked")
        dialog.bucket.setText(existing)
        dialog.accept()
        _wait(lambda: not dialog.isVisible())
        assert dialog.result() == dialog.DialogCode.Accepted and dialog.check_result.ok
    finally:
        dialog.close()


def test_new_collection_dialog_words_a_wrong_s3_secret(dock, conn, localhub):
    bucket = f"gui-secret-{uuid.uuid4().hex[:8]}"
    localhub.s3.client().create_bucket(Bucket=bucket)
    dialog = _dialog(dock, conn, s3_secret="wrong-s3-secret-value")
    try:
        dialog.name.setText("x")
        dialog.bucket.setText(bucket)
        dialog.accept()
        _wait(lambda: dialog.check_result is not None)
        assert dialog.isVisible()
        assert "refused the S3 secret key" in dialog.error.text() and "wrong-s3-secret-value" not in dialog.error.text()
    finally:
        dialog.close()


def test_connection_test_checks_the_s3_keys_and_buckets(dock, localhub_factory):
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.gui.connection_dialog import ConnectionDialog

    set_master_password()
    hub = localhub_factory()  # only this test's collections
    bucket = f"gui-test-{uuid.uuid4().hex[:8]}"
    hub.s3.client().create_bucket(Bucket=bucket)
    missing = f"gui-zone-{uuid.uuid4().hex[:8]}"  # sorts after the existing one
    session = hub.session()
    for b in (bucket, missing):
        session.post(f"{hub.byoc_url}/collections", json={"name": b, "s3Bucket": b}).raise_for_status()
    dlg = ConnectionDialog(dock.store, dock.runner)
    try:
        dlg.deployment.setCurrentIndex(dlg.deployment.findData("custom"))
        dlg.base_url.setText(hub.base_url)
        dlg.token_url.setText(hub.token_url)
        dlg.client_id.setText(hub.client_id)
        dlg.client_secret.setText(hub.client_secret)
        dlg.s3_endpoint.setText(hub.s3.endpoint)
        dlg.s3_https.setChecked(False)
        dlg.s3_path_style.setChecked(True)
        dlg.s3_access.setText(hub.s3.access_key)
        dlg.s3_secret.setText("wrong-s3-secret-value")
        task = dlg.test_connection()
        _wait(lambda: task.done)
        lines = dlg.test_result.text().splitlines()
        assert dlg.test_ok is False and "wrong-s3-secret-value" not in dlg.test_result.text()
        assert lines[0].endswith(": 2 collections visible.")
        assert lines[1:] == [
            f"S3 problem: {hub.s3.endpoint} refused the S3 secret key for access key test… (the signature does not "
            "match): correct the secret key in the S3 credentials."
        ]  # the buckets are not checked with keys that were refused
        dlg.s3_access.clear()
        dlg.s3_secret.clear()
        dlg.s3_auth.setConfigId(qa.store_s3_keys("conn test s3", hub.s3.access_key, hub.s3.secret_key))
        task = dlg.test_connection()
        _wait(lambda: task.done)
        lines = dlg.test_result.text().splitlines()
        assert lines[1:] == [
            f"S3: S3 keys accepted by {hub.s3.endpoint}.",
            f"S3: Bucket {bucket} at {hub.s3.endpoint} is reachable.",
            f"S3 problem: Bucket {missing} does not exist at {hub.s3.endpoint}: create it, or correct the bucket "
            "name (and the S3 endpoint/region).",
        ]
        assert dlg.test_ok is False  # one collection's bucket is missing
    finally:
        dlg.close()
