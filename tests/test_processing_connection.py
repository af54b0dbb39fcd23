"""Algorithms take a connection saved in the BYOC panel by name (CONNECTION): the same results as with the explicit
parameters through processing.run and qgis_process, explicit non-default parameters override the saved values, the
collection is picked from the connection's collections in the algorithm dialog, help texts name parameters by their
labels and the option labels match the dock's."""

from __future__ import annotations

import re
import uuid

import pytest

from .test_processing_support import (
    QgisProcessHome,
    connection_params,
    register_provider,
    run_alg,
    s3_params,
    store_basic_authcfg,
)


@pytest.fixture(scope="module")
def env(qgis_processing, localhub):
    from byoc_qgis.core import qgis_adapters as qa
    from byoc_qgis.core.deployments import custom_deployment

    provider = register_provider()
    authcfg = store_basic_authcfg(localhub.client_id, localhub.client_secret, "conn-param")
    s3cfg = store_basic_authcfg(localhub.s3.access_key, localhub.s3.secret_key, "conn-param s3")
    name = f"saved-{uuid.uuid4().hex[:6]}"
    settings = qa.ConnectionSettings(
        name,
        custom_deployment(localhub.base_url, localhub.token_url),
        authcfg,
        s3cfg,
        localhub.s3.endpoint,
        localhub.s3.region,
        s3_https=False,
        s3_path_style=True,
    )
    qa.save_connection(settings)
    yield {
        "hub": localhub,
        "name": name,
        "conn": connection_params(localhub, authcfg),
        "s3": s3_params(localhub.s3, s3cfg),
        "provider": provider,
    }
    qa.remove_connection(name)


def _rows(layer):
    return sorted((f["collection_id"], f["name"]) for f in layer.getFeatures())


def test_listcollections_by_connection_name_equals_explicit_parameters(env):
    hub = env["hub"]
    session = hub.session()
    session.post(
        f"{hub.byoc_url}/collections", json={"name": f"by-name-{uuid.uuid4().hex[:6]}", "s3Bucket": "some-bucket"}
    )
    explicit, explicit_layer = run_alg("byoc:listcollections", {"OUTPUT": "memory:", **env["conn"]})
    by_name, by_name_layer = run_alg("byoc:listcollections", {"OUTPUT": "memory:", "CONNECTION": env["name"]})
    assert by_name["COUNT"] == explicit["COUNT"] >= 1
    assert _rows(by_name_layer) == _rows(explicit_layer)


def test_createcollection_by_connection_checks_the_bucket_with_the_saved_s3_settings(env):
    hub = env["hub"]
    bucket = f"conn-{uuid.uuid4().hex[:8]}"
    hub.s3.client().create_bucket(Bucket=bucket)
    res, _ = run_alg("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, "CONNECTION": env["name"]})
    explicit, _ = run_alg(
        "byoc:createcollection",
        {"NAME": bucket, "BUCKET": bucket, "REUSE_EXISTING": True, **env["conn"], **env["s3"]},
    )
    assert res["COLLECTION_ID"] == explicit["COLLECTION_ID"]  # the same collection, found again
    from qgis.core import QgsProcessingException

    missing = f"missing-{uuid.uuid4().hex[:8]}"
    with pytest.raises(QgsProcessingException, match=f"(?i){missing}.*(does not exist|no such bucket)"):
        run_alg("byoc:createcollection", {"NAME": missing, "BUCKET": missing, "CONNECTION": env["name"]})


def test_explicit_parameters_override_the_saved_connection(env):
    from qgis.core import QgsProcessingException

    hub = env["hub"]
    wrong = store_basic_authcfg(hub.client_id, "wrong-secret-value", "conn-param wrong")
    with pytest.raises(QgsProcessingException) as err:
        run_alg("byoc:listcollections", {"OUTPUT": "memory:", "CONNECTION": env["name"], "AUTHCFG": wrong})
    assert hub.client_id in str(err.value) and "wrong-secret-value" not in str(err.value)
    with pytest.raises(QgsProcessingException, match="(?i)connect|refused|reach"):
        run_alg(
            "byoc:listcollections",
            {"OUTPUT": "memory:", "CONNECTION": env["name"], "BASE_URL": "http://127.0.0.1:9", "TOKEN_URL": ""},
        )


def test_an_unknown_connection_name_is_refused_with_the_saved_names(env):
    from byoc_qgis.processing.connection import saved_connection

    alg = env["provider"].algorithm("listcollections").create()
    from qgis.core import QgsProcessingContext, QgsProcessingException

    with pytest.raises(QgsProcessingException, match=f"No connection named 'nope'.*{env['name']}"):
        saved_connection(alg, {"CONNECTION": "nope"}, QgsProcessingContext())


def test_connection_is_a_drop_down_of_saved_names_first_and_the_rest_advanced(env):
    from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterEnum

    alg = env["provider"].algorithm("createtiles").create()
    params = alg.parameterDefinitions()
    assert params[0].name() == "CONNECTION" and isinstance(params[0], QgsProcessingParameterEnum)
    assert env["name"] in params[0].options() and params[0].usesStaticStrings()
    flags = {p.name(): bool(p.flags() & QgsProcessingParameterDefinition.Flag.FlagAdvanced) for p in params}
    for name in ("AUTHCFG", "DEPLOYMENT", "BASE_URL", "TOKEN_URL", "S3_AUTHCFG", "S3_ENDPOINT", "S3_REGION"):
        assert flags[name], name
    assert "widget_wrapper" in alg.parameterDefinition("COLLECTION").metadata()


def test_help_texts_name_parameters_by_their_labels(env):
    ids = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b|\b[A-Z]{4,}\b")
    problems = {}
    for alg in env["provider"].algorithms():
        alg = alg.create()  # the byoc algorithms and the shipped models (their help is the .model3's)
        names = {p.name() for p in alg.parameterDefinitions()} | {o.name() for o in alg.outputDefinitions()}
        left = sorted(set(ids.findall(alg.shortHelpString())) & names)
        if left:
            problems[alg.id()] = (left, alg.shortHelpString())
    assert problems == {}
    help_text = env["provider"].algorithm("deletecollection").create().shortHelpString()
    assert "Nothing happens unless “I confirm: delete the collection" in help_text
    assert "“Connection (from the BYOC panel)” is a connection saved in the Sentinel Hub BYOC panel" in help_text


def test_option_labels_match_the_docks_add_tiles_dialog(env, qgis_iface):
    from byoc_qgis.core.models import Collection
    from byoc_qgis.gui.add_tiles_dialog import AddTilesDialog
    from byoc_qgis.gui.connections import Connection, ConnectionStore
    from byoc_qgis.gui.notify import Notifier
    from byoc_qgis.gui.tasks import TaskRunner

    runner = TaskRunner()
    conn = Connection(ConnectionStore().load(env["name"]).settings)
    dialog = AddTilesDialog(conn, Collection(name="c", s3_bucket="b", id=str(uuid.uuid4())), runner, Notifier(None))
    try:
        alg = env["provider"].algorithm("createtiles").create()
        for param, combo in (("COGIFY", dialog.cogify), ("COVER", dialog.cover)):
            dock_labels = [combo.itemText(i) for i in range(combo.count())]
            assert alg.parameterDefinition(param).options() == dock_labels, param
        s3_alg = env["provider"].algorithm("createtilesfroms3").create()
        assert s3_alg.parameterDefinition("COVER").options() == [
            dialog.cover.itemText(i) for i in range(dialog.cover.count())
        ]
    finally:
        runner.cancel_all()
        dialog.close()


def test_collection_drop_down_lists_the_chosen_connections_collections(env, qgis_iface, monkeypatch):
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.core import QgsProcessingContext
    from qgis.gui import QgsBrowserGuiModel
    from qgis.PyQt.QtWidgets import QComboBox

    from .watchdog import wait_until

    hub = env["hub"]
    name = f"listed-{uuid.uuid4().hex[:6]}"
    col = (
        hub.session().post(f"{hub.byoc_url}/collections", json={"name": name, "s3Bucket": "some-bucket"}).json()["data"]
    )
    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)  # pytest-qgis's is a mock
    alg = env["provider"].algorithm("deletecollection").create()
    dialog = AlgorithmDialog(alg, False, None)
    try:
        wrappers = dialog.mainWidget().wrappers
        collection, connection = wrappers["COLLECTION"], wrappers["CONNECTION"]
        combo = collection.widget
        assert isinstance(combo, QComboBox) and combo.count() == 0  # no connection chosen yet
        connection.setParameterValue(env["name"], QgsProcessingContext())
        assert wait_until(lambda: combo.findText(name) >= 0, 30), combo.lineEdit().placeholderText()
        combo.setCurrentIndex(combo.findText(name))
        assert collection.parameterValue() == col["id"]  # the id of the chosen entry
        combo.setEditText("typed name")
        assert collection.parameterValue() == "typed name"  # still an id or a name
    finally:
        dialog.close()
        dialog.deleteLater()


# -- qgis_process ---------------------------------------------------------------------------------------------------
def _save_connection_in_profile(home: QgisProcessHome, name: str, hub, s3) -> None:
    """A connection as the BYOC panel saves it (QgsSettings of the qgis_process profile; authcfg ids only)."""
    ini = home.profile / "QGIS" / "QGIS3.ini"
    values = {
        "deployment": hub.base_url,
        "token_url": hub.token_url,
        "client_authcfg": "shcreds",
        "s3_authcfg": "s3creds",
        "s3_endpoint": s3.endpoint,
        "s3_region": s3.region,
        "s3_https": "false",
        "s3_path_style": "true",
    }
    lines = ["", "[byoc_qgis]"] + [f"connections\\{name}\\{k}={v}" for k, v in values.items()]
    ini.write_text(ini.read_text() + "\n".join(lines) + "\n")


def test_qgis_process_with_a_connection_name_equals_explicit_parameters(tmp_path, localhub, s3_server):
    home = QgisProcessHome(tmp_path)
    configs = [("shcreds", localhub.client_id, localhub.client_secret)]
    home.add_authcfgs(configs + [("s3creds", s3_server.access_key, s3_server.secret_key)])
    _save_connection_in_profile(home, "lh", localhub, s3_server)
    bucket = f"qpc-{uuid.uuid4().hex[:8]}"
    s3_server.client().create_bucket(Bucket=bucket)
    proc, data = home.run("byoc:createcollection", {"NAME": bucket, "BUCKET": bucket, "CONNECTION": "lh"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    cid = data["results"]["COLLECTION_ID"]
    explicit = {"AUTHCFG": "shcreds", "DEPLOYMENT": 3, "BASE_URL": localhub.base_url, "TOKEN_URL": localhub.token_url}
    runs = {}
    for key, params in (("name", {"CONNECTION": "lh"}), ("explicit", explicit)):
        out = tmp_path / f"{key}.gpkg"
        proc, data = home.run("byoc:listcollections", {"SEARCH": bucket, "OUTPUT": out, **params})
        assert proc.returncode == 0, proc.stderr[-3000:]
        assert localhub.client_secret not in proc.stdout + proc.stderr
        runs[key] = data["results"]["COUNT"]
    assert runs == {"name": 1, "explicit": 1}
    proc, _ = home.run("byoc:deletecollection", {"COLLECTION": cid, "CONFIRM": True, "CONNECTION": "lh"})
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_model_builder_and_batch_mode_keep_qgiss_own_collection_widget(env, qgis_iface, monkeypatch):
    """In the Model Builder the collection can come from a model input: QGIS's own widget is used there, and in the
    batch dialog too."""
    from processing.gui.wrappers import DIALOG_BATCH, WidgetWrapperFactory
    from processing.modeler.ModelerParametersDialog import ModelerParametersDialog
    from qgis.core import QgsProcessingModelAlgorithm
    from qgis.gui import QgsBrowserGuiModel, QgsProcessingModelerParameterWidget

    from byoc_qgis.processing.collection_widget import CollectionWidgetWrapper

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    alg = env["provider"].algorithm("deletecollection").create()
    dialog = ModelerParametersDialog(alg, QgsProcessingModelAlgorithm("m", "g"))
    try:
        wrapper = dialog.widget.widget.wrappers["COLLECTION"]
        assert isinstance(wrapper, QgsProcessingModelerParameterWidget)
        assert not isinstance(wrapper, CollectionWidgetWrapper)
    finally:
        dialog.close()
        dialog.deleteLater()

    from qgis.PyQt.QtWidgets import QDialog

    class BatchAlgorithmDialog(QDialog):  # QGIS's factory tells the batch dialog by its class name
        pass

    batch_dialog = BatchAlgorithmDialog()
    batch = WidgetWrapperFactory.create_wrapper(alg.parameterDefinition("COLLECTION"), batch_dialog)
    assert not isinstance(batch, CollectionWidgetWrapper) and batch.type() == DIALOG_BATCH
