"""QGIS adapters: authcfg storage of client credentials and S3 keys, settings hold ids only, transport."""

from __future__ import annotations

import pytest

from byoc_qgis.core.deployments import CDSE, custom_deployment


@pytest.fixture
def auth_manager(qgis_app):
    from qgis.core import QgsApplication

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master-password", True)
    return manager


def test_client_credentials_roundtrip(auth_manager):
    from byoc_qgis.core import qgis_adapters as qa

    cid = qa.store_client_credentials("SH main", "client-abc", "s3cr3t-value")
    assert cid and (cid, "SH main") in qa.list_authcfgs()
    creds = qa.read_client_credentials(cid)
    assert creds.client_id == "client-abc" and creds.secret() == "s3cr3t-value"
    # update in place keeps the id
    assert qa.store_client_credentials("SH main", "client-abc", "rotated-secret", authcfg_id=cid) == cid
    assert qa.read_client_credentials(cid).secret() == "rotated-secret"
    s3 = qa.store_s3_keys("bucket keys", "AKIAEXAMPLE", "s3-secret-key")
    keys = qa.read_s3_keys(s3, endpoint="127.0.0.1:9000")
    assert keys.access_key == "AKIAEXAMPLE" and keys.secret_key == "s3-secret-key"
    assert "s3-secret-key" not in repr(keys)
    with pytest.raises(ValueError, match="does not exist"):
        qa.read_client_credentials("nope123")
    assert qa.remove_authcfg(s3)
    assert s3 not in dict(qa.list_authcfgs())


def test_connection_settings_hold_only_ids(auth_manager):
    from qgis.core import QgsSettings

    from byoc_qgis.core import qgis_adapters as qa

    cid = qa.store_client_credentials("conn creds", "client-xyz", "never-in-settings")
    s3 = qa.store_s3_keys("conn s3", "AK2", "s3-never-in-settings")
    local = custom_deployment("http://127.0.0.1:8765", "http://127.0.0.1:8765/oauth/token")
    qa.save_connection(
        qa.ConnectionSettings(
            "local", local, cid, s3, "127.0.0.1:9000", "us-east-1", s3_https=False, s3_path_style=True
        )
    )
    qa.save_connection(qa.ConnectionSettings("cdse", CDSE, cid, s3, "127.0.0.1:9000", "us-east-1"))
    assert {"local", "cdse"} <= set(qa.list_connections())
    loaded = qa.load_connection("local")
    assert loaded.deployment == local and loaded.client_authcfg == cid and loaded.s3_authcfg == s3
    assert (loaded.s3_https, loaded.s3_path_style) == (False, True)
    cdse = qa.load_connection("cdse")
    assert cdse.deployment is CDSE and (cdse.s3_https, cdse.s3_path_style) == (True, False)
    settings = QgsSettings()
    values = " ".join(str(settings.value(k)) for k in settings.allKeys() if k.startswith("byoc_qgis"))
    assert cid in values
    assert "never-in-settings" not in values and "client-xyz" not in values
    qa.remove_connection("local")
    assert "local" not in qa.list_connections()


def test_transport_from_qgis_proxy_and_ca(qgis_app, tmp_path):
    from qgis.core import QgsNetworkAccessManager
    from qgis.PyQt.QtNetwork import QNetworkProxy

    from byoc_qgis.core.qgis_adapters import transport_from_qgis

    nam = QgsNetworkAccessManager.instance()
    old = nam.fallbackProxy()
    try:
        proxy = QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, "proxy.example", 3128, "user", "p@ss word")
        nam.setFallbackProxyAndExcludes(proxy, ["http://127.0.0.1"], [])
        transport = transport_from_qgis(str(tmp_path / "ca.pem"))
        assert transport.proxies["https"] == "http://user:p%40ss%20word@proxy.example:3128"
        assert transport.trust_env is False
        assert "p%40ss" not in repr(transport) and "proxy.example" in repr(transport)
        assert transport.proxies_for("http://127.0.0.1:8000/x") == {"http": "", "https": ""}
        assert transport.verify == str(tmp_path / "ca.pem") and (tmp_path / "ca.pem").read_bytes().strip()
        assert transport.qgis_version and transport.qgis_version[0].isdigit()
        nam.setFallbackProxyAndExcludes(QNetworkProxy(QNetworkProxy.ProxyType.DefaultProxy), [], [])
        assert transport_from_qgis(str(tmp_path / "ca2.pem")).proxies == {}
    finally:
        nam.setFallbackProxyAndExcludes(old, [], [])
