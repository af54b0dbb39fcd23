"""Connection editor: name, deployment (EU, US-West, CDSE, custom URLs), credentials and optional S3 settings, and a
"Test connection" button.

Credentials are given one way, the QGIS way: QGIS's auth-config selector with "New from client id and secret…"
built in (:class:`~.auth_chooser.AuthChooser`); secrets go only to the auth manager. The custom URLs show only for
the custom deployment, so the form has no blank rows.

The test asks for a token and lists the collections; with S3 settings it also checks the S3 keys at the endpoint
(:func:`byoc_qgis.core.s3_check.check_credentials`) and the buckets of up to three of the listed collections
(:func:`~byoc_qgis.core.s3_check.check_bucket`), each problem worded with its fix. Saving after a failed test asks
once whether to save anyway.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..core import qgis_adapters as qa
from ..core.auth import ClientCredentials
from ..core.client import SentinelHubClient
from ..core.deployments import builtin_deployments, custom_deployment
from ..core.s3 import S3Config, S3Error
from ..core.s3_check import KEYS_CHECK_BUCKET, BucketCheck, check_bucket, check_credentials
from ..translation import tr, tr_n
from ..wording import s3_check_text, worded_text
from .auth_chooser import AuthChooser
from .connections import Connection, ConnectionStore
from .notify import error_summary, register_secret
from .tasks import FunctionTask, TaskRunner

__all__ = ["ConnectionDialog"]


class ConnectionDialog(QDialog):
    """Create or edit a connection. Secrets typed here go straight into the auth manager, never to settings."""

    def __init__(self, store: ConnectionStore, runner: TaskRunner, conn: Optional[Connection] = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.original_name = conn.name if conn else None
        self.saved: Optional[Connection] = None
        self.test_task: Optional[FunctionTask] = None
        self.test_ok: Optional[bool] = None  # None until a test has finished (and again after a change)
        self.questions = 0  # "save anyway?" questions asked (tests read it)
        self.setWindowTitle(
            tr("Sentinel Hub connection") if conn is None else tr("Edit connection {}").format(conn.name)
        )
        self.setObjectName("ByocConnectionDialog")
        self.setMinimumWidth(760)
        self.form = self._build_client_form()
        self._build_s3_group()
        test_row = self._build_test_row()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.s3_group)
        layout.addLayout(test_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.deployment.currentIndexChanged.connect(self._deployment_changed)
        if conn is not None:
            self.set_connection(conn)
        else:
            self.s3_group.setCollapsed(True)
        self._deployment_changed()
        self._watch_changes()
        self.s3_group.collapsedStateChanged.connect(self._fit)
        self.auth.layout_changed.connect(self._fit)
        self.s3_auth.layout_changed.connect(self._fit)

    def _fit(self, *_args) -> None:
        """Fit the dialog's height to its content once the layout has settled (no blank area after a part closes
        or a shorter test result)."""
        QTimer.singleShot(0, self._fit_now)

    def _fit_now(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = self.heightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if height < 0:
            height = self.sizeHint().height()
        self.resize(self.width(), max(height, self.minimumSizeHint().height()))

    def _build_client_form(self) -> QFormLayout:
        """Name, deployment (custom URLs) and the credentials."""
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("e.g. My Sentinel Hub account"))
        self.deployment = QComboBox(self)
        for d in builtin_deployments():
            self.deployment.addItem(d.name, d.key)
        self.deployment.addItem(tr("Custom base URL (e.g. a local test service)"), "custom")
        self.base_url = QLineEdit(self)
        self.base_url.setPlaceholderText("http://127.0.0.1:8000")
        self.token_url = QLineEdit(self)
        self.token_url.setPlaceholderText(tr("empty: <base URL>/auth/realms/main/…/token"))

        self.auth = AuthChooser(
            tr("Client id"),
            tr("Client secret"),
            tr("New from client id / secret…"),
            qa.store_client_credentials,
            self,
        )
        self.auth.default_name = lambda: tr("BYOC {}").format(self.name.text().strip() or tr("connection"))
        self.auth.new_id.setPlaceholderText(tr("from your Sentinel Hub dashboard (OAuth clients)"))
        self.auth.new_secret.setPlaceholderText(tr("stored encrypted in the QGIS auth manager"))
        self.client_id = self.auth.new_id
        self.client_secret = self.auth.new_secret
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Deployment"), self.deployment)
        self.base_url_label = QLabel(tr("Base URL"), self)
        self.token_url_label = QLabel(tr("Token URL"), self)
        form.addRow(self.base_url_label, self.base_url)
        form.addRow(self.token_url_label, self.token_url)
        form.addRow(tr("Credentials"), self.auth)
        return form

    def _build_s3_group(self) -> None:
        """The collapsible S3 group: stored keys (or new ones), endpoint, region, HTTPS, path style."""
        self.s3_group = QgsCollapsibleGroupBox(tr("S3 bucket access for uploads (optional)"), self)
        self.s3_auth = AuthChooser(
            tr("Access key id"),
            tr("Secret access key"),
            tr("New from access keys…"),
            qa.store_s3_keys,
            self.s3_group,
        )
        self.s3_auth.default_name = lambda: tr("BYOC {} S3").format(self.name.text().strip() or tr("connection"))
        self.s3_access = self.s3_auth.new_id
        self.s3_secret = self.s3_auth.new_secret
        self.s3_endpoint = QLineEdit(self.s3_group)
        self.s3_endpoint.setPlaceholderText(tr("empty: AWS; else host[:port], e.g. eodata.example.com"))
        self.s3_region = QLineEdit(self.s3_group)
        self.s3_region.setPlaceholderText("eu-central-1")
        self.s3_https = QCheckBox(tr("HTTPS"), self.s3_group)
        self.s3_https.setChecked(True)
        self.s3_path_style = QCheckBox(tr("Path-style addressing"), self.s3_group)
        s3_form = QFormLayout(self.s3_group)
        s3_form.addRow(tr("Credentials"), self.s3_auth)
        s3_form.addRow(tr("Endpoint"), self.s3_endpoint)
        s3_form.addRow(tr("Region"), self.s3_region)
        flags = QHBoxLayout()
        flags.addWidget(self.s3_https)
        flags.addWidget(self.s3_path_style)
        flags.addStretch(1)
        s3_form.addRow("", flags)

    def _build_test_row(self) -> QHBoxLayout:
        self.test_button = QPushButton(tr("Test connection"), self)
        self.test_button.setToolTip(
            tr("Get a token and list the collections; with S3 settings also check the keys and the buckets")
        )
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(tr("Not tested yet."), self)
        self.test_result.setWordWrap(True)
        self.test_result.setObjectName("test_result")
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        return row

    def _watch_changes(self) -> None:
        """A change of what the test used makes its result stale (no "save anyway?" for an outdated failure)."""
        for edit in (self.base_url, self.token_url, self.client_id, self.client_secret, self.s3_access, self.s3_secret):
            edit.textEdited.connect(self._forget_test)
        for edit in (self.s3_endpoint, self.s3_region):
            edit.textEdited.connect(self._forget_test)
        self.deployment.currentIndexChanged.connect(self._forget_test)
        self.auth.changed.connect(self._forget_test)
        self.s3_auth.changed.connect(self._forget_test)
        self.s3_https.toggled.connect(self._forget_test)
        self.s3_path_style.toggled.connect(self._forget_test)

    def _forget_test(self, *_args) -> None:
        if self.test_ok is not None and (self.test_task is None or self.test_task.done):
            self.test_ok = None
            self.test_result.setStyleSheet("")
            self.test_result.setText(tr("Changed since the last test."))

    # -- values ----------------------------------------------------------------------------------------------------
    def _deployment_changed(self) -> None:
        """The custom URL rows are in the form only for the custom deployment: hidden rows of a Qt 5 form still
        leave their spacing (a gap under "Deployment"), so they are taken out and put back."""
        custom = self.deployment.currentData() == "custom"
        shown = self.form.indexOf(self.base_url) >= 0
        if custom and not shown:
            self.form.insertRow(2, self.base_url_label, self.base_url)
            self.form.insertRow(3, self.token_url_label, self.token_url)
        elif shown and not custom:
            self.form.takeRow(self.token_url)
            self.form.takeRow(self.base_url)
        for widget in (self.base_url, self.base_url_label, self.token_url, self.token_url_label):
            widget.setVisible(custom)
        self._fit()

    def set_connection(self, conn: Connection) -> None:
        """Fill the form from a saved connection."""
        s = conn.settings
        self.name.setText(conn.name)
        key = s.deployment.key if s.deployment.builtin else "custom"
        self.deployment.setCurrentIndex(max(0, self.deployment.findData(key)))
        if not s.deployment.builtin:
            self.base_url.setText(s.deployment.base_url)
            self.token_url.setText(s.deployment.token_url)
        self.auth.setConfigId(s.client_authcfg)
        self.s3_auth.setConfigId(s.s3_authcfg or "")
        self.s3_endpoint.setText(s.s3_endpoint or "")
        self.s3_region.setText(s.s3_region or "")
        self.s3_https.setChecked(conn.s3_https)
        self.s3_path_style.setChecked(conn.s3_path_style)
        self.s3_group.setCollapsed(not (s.s3_authcfg or s.s3_endpoint))

    def _deployment(self):
        key = self.deployment.currentData()
        if key != "custom":
            return next(d for d in builtin_deployments() if d.key == key)
        base = self.base_url.text().strip()
        if not base:
            raise ValueError(tr("Give the base URL of the custom deployment, e.g. http://127.0.0.1:8000"))
        return custom_deployment(base, self.token_url.text().strip() or None)

    def _typed_credentials(self) -> Optional[ClientCredentials]:
        typed = self.auth.typed()
        return ClientCredentials(*typed) if typed is not None else None

    def _name(self) -> str:
        name = self.name.text().strip()
        if not name or "/" in name:
            raise ValueError(tr("Give the connection a name (without '/')"))
        return name

    def build(self) -> Connection:
        """The connection described by the form; stores a typed, not yet stored configuration in the auth manager."""
        name = self._name()
        deployment = self._deployment()
        authcfg = self.auth.store_typed() or self.auth.configId()
        if not authcfg:
            raise ValueError(tr("Choose the credentials, or create them with “New from client id / secret…”"))
        s3_cfg = self.s3_auth.store_typed() or self.s3_auth.configId() or None
        settings = qa.ConnectionSettings(
            name,
            deployment,
            authcfg,
            s3_cfg,
            self.s3_endpoint.text().strip() or None,
            self.s3_region.text().strip() or None,
            s3_https=self.s3_https.isChecked(),
            s3_path_style=self.s3_path_style.isChecked(),
        )
        return Connection(settings)

    def ask_save_anyway(self) -> bool:
        """Asked once per Save while the last test failed: save anyway?"""
        self.questions += 1
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Save connection"),
            tr("The last test of this connection failed:\n\n{}\n\nSave it anyway?").format(self.test_result.text()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("ByocSaveAnyway")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save

    def accept(self) -> None:
        if self.test_ok is False and not self.ask_save_anyway():
            return
        try:
            conn = self.build()
            if conn.name != self.original_name and conn.name in self.store.names():
                raise ValueError(tr("A connection named {!r} exists already").format(conn.name))
            self.store.save(conn, old_name=self.original_name)
        except (ValueError, RuntimeError) as exc:
            self._show_error(worded_text(exc))
            return
        self.saved = conn
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- test --------------------------------------------------------------------------------------------------------
    def _s3_for_bucket(self) -> Optional[Callable[[str], S3Config]]:
        """S3 settings of the form for a bucket (reads the auth manager: main thread), None without S3 settings."""
        typed = self.s3_auth.typed()
        authcfg = self.s3_auth.configId()
        endpoint = self.s3_endpoint.text().strip()
        access = secret = ""  # nosec B105 # empty until typed
        if typed is not None:
            access, secret = typed
        elif authcfg:
            keys = qa.read_s3_keys(authcfg)
            access, secret = keys.access_key, keys.secret_key
            register_secret(secret)
        elif not endpoint:
            return None
        kwargs: Dict[str, Any] = {"https": self.s3_https.isChecked()}
        if access:
            kwargs.update(access_key=access, secret_key=secret)
        if endpoint:
            kwargs["endpoint"] = endpoint
        if self.s3_region.text().strip():
            kwargs["region"] = self.s3_region.text().strip()
        if self.s3_path_style.isChecked():
            kwargs["virtual_hosting"] = False
        return lambda bucket: S3Config(bucket=bucket, **kwargs)

    def test_connection(self) -> Optional[FunctionTask]:
        """Ask for a token and list the collections in the background; with S3 settings also check the S3 keys and
        the buckets of up to three listed collections. The result shows beside the button, in words."""
        try:
            deployment = self._deployment()
            credentials = self._typed_credentials()
            if credentials is None:
                authcfg = self.auth.configId()
                if not authcfg:
                    raise ValueError(tr("Choose the credentials first, or create them from a client id and secret"))
                credentials = qa.read_client_credentials(authcfg)
                register_secret(credentials.secret())
            client = SentinelHubClient(deployment, credentials, transport=qa.transport_from_qgis())
            s3_for_bucket = self._s3_for_bucket()
        except (ValueError, RuntimeError, S3Error) as exc:
            self._show_test(False, error_summary(exc))
            return None

        def work(task) -> Tuple[int, List[BucketCheck]]:
            try:
                collections = list(client.byoc.iter_collections(count=100, cancel=task.isCanceled))
            finally:
                client.close()
            checks: List[BucketCheck] = []
            if s3_for_bucket is not None:
                keys = check_credentials(s3_for_bucket(KEYS_CHECK_BUCKET), cancel=task.isCanceled)
                checks.append(keys)
                if keys.ok:
                    for bucket in sorted({c.s3_bucket for c in collections if c.s3_bucket})[:3]:
                        try:
                            checks.append(check_bucket(s3_for_bucket(bucket), cancel=task.isCanceled))
                        except (ValueError, S3Error) as exc:  # e.g. a collection's invalid bucket name
                            checks.append(BucketCheck(bucket, False, "invalid", str(exc)))
            return len(collections), checks

        def done(result) -> None:
            count, checks = result
            visible = tr_n("%n collection visible", "%n collections visible", count)
            lines = [tr("Connected to {}: {}.").format(deployment.name, visible)]
            for check in checks:
                if check.ok:
                    lines.append(tr("S3: {}").format(s3_check_text(check)))
                else:
                    lines.append(tr("S3 problem: {}").format(s3_check_text(check)))
            self._show_test(all(c.ok for c in checks), "\n".join(lines))

        def failed(exc: BaseException) -> None:
            self._show_test(False, error_summary(exc))

        self.test_button.setEnabled(False)
        self.test_ok = None
        self.test_result.setStyleSheet("")
        self.test_result.setText(tr("Testing…"))
        self.test_task = self.runner.run_function(tr("Testing the Sentinel Hub connection"), work, done, failed)
        return self.test_task

    def _show_test(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #1b7a1b" if ok else "color: #b00020")
        self.test_result.setText(("✔ " if ok else "✘ ") + text)
        self.test_ok = ok
        self._fit()
