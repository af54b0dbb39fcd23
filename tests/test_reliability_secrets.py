"""R3 (secrets): after a fault run (R1-style, in-process Processing), bad-input runs (R2-style, through
``qgis_process``) and a GUI session (dock connection, Show tiles, a Process request, project saved as .qgs and
.qgz), no client secret, S3 secret or bearer token is in QGIS's settings and profile, the logs (QgsMessageLog,
Python logging at DEBUG, Processing feedback, qgis_process output, localhub's log), the Processing outputs, the
project files or the layer sources. Fresh secrets per run; every token the plugin was issued is caught by a relay in
front of the token endpoint, and anything shaped like a JWT counts too.

The scanner itself is tested on planted secrets and tokens, in every kind of place, so this test can fail."""

from __future__ import annotations

import zipfile

import pytest

from .reliability_bad_input import run_bad_input_cli
from .reliability_secrets import (
    Evidence,
    LogCapture,
    RecordingFeedback,
    RunSecrets,
    TokenTap,
    hub_via_tap,
    plugin_tokens,
    run_gui_session,
    scan,
    with_account,
)
from .test_gui_support import store_connection
from .test_reliability_faults import NO_FAULTS, fault_params, run_faults

pytestmark = [pytest.mark.timeout(900), pytest.mark.usefixtures("gui_provider")]


def test_r3_scan_finds_planted_secrets_and_tokens_everywhere(qgis_app, localhub, tmp_path):
    """Each kind of leak, planted once, is found where it was planted (and nothing else is)."""
    from qgis.core import QgsSettings

    run = RunSecrets.fresh("plant")
    token = localhub.token()
    other_token = localhub.token()  # never told to the scan: found by its JWT shape only
    header, claims, signature = token.split(".")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "log.txt").write_text(f"POST /token client_secret={run.client_secret}&grant_type=x\n")
    with zipfile.ZipFile(tmp_path / "out" / "project.qgz", "w", zipfile.ZIP_DEFLATED) as qgz:
        qgz.writestr("project.qgs", f"<datasource>url=http://x?token={token}</datasource>")
    (tmp_path / "out" / "table.csv").write_text(f"id,sig\n1,{signature}\n")
    (tmp_path / "out" / "utf16.bin").write_bytes(("key=" + run.s3_secret_key).encode("utf-16-le"))
    settings = QgsSettings()
    settings.setValue("byoc_qgis/r3_planted", other_token[:60])  # a truncated token is still a token
    try:
        evidence = Evidence()
        evidence.text("message log", f"Authorization: Basic {__import__('base64').b64encode(b'x:y').decode()}")
        evidence.text("layer source", f"/vsis3/b/k?AWS_SECRET_ACCESS_KEY={run.s3_secret_key}")
        evidence.text("error", f"refused: {run.wrong_client_secret}")
        evidence.text("clean", "nothing here; eyJ is no JWT; base64 eyJub3QiOiJhIGp3dCJ9 without JWT keys")
        evidence.path("outputs", tmp_path / "out")
        evidence.qgis_profile()
        result = scan(evidence, run.labelled(), run.client_id, [token])
    finally:
        settings.remove("byoc_qgis/r3_planted")
        settings.sync()
    found = {(f.where, f.what): f.count for f in result.findings}
    assert found == {
        ("outputs: log.txt", "client secret"): 1,
        ("outputs: project.qgz/project.qgs", "bearer token"): 1,
        ("outputs: table.csv", "bearer token"): 1,
        ("outputs: utf16.bin", "S3 secret key"): 1,
        ("layer source", "S3 secret key"): 1,
        ("error", "wrong client secret (R2 case)"): 1,
        ("QgsSettings", "bearer token"): 1,
        ("QGIS profile: QGIS3.ini", "bearer token"): 1,
    }, found
    assert header and claims and not result.ok()
    assert result.tokens_known == 1 and result.occurrences == 8


def test_r3_no_secret_after_fault_and_bad_input_runs_and_a_gui_session(
    qgis_iface, qgis_processing, qgis_new_project, localhub_factory, tmp_path
):
    run = RunSecrets.fresh()
    hub = localhub_factory(own_s3=True, fault_injection=NO_FAULTS, extra_args=run.localhub_args())
    hub = with_account(hub, run)
    work = tmp_path / "run"
    evidence = Evidence()
    feedback = RecordingFeedback()
    with TokenTap(hub.token_url) as tap, LogCapture() as logs:
        params = fault_params(hub, "r3", token_url=tap.token_url)
        r1 = run_faults(hub, params, work / "r1", 6, output=str(work / "r1" / "created.gpkg"), feedback=feedback)
        # completeness under faults is R1's test; here the fault paths (retries, error texts) must run, and a tile
        # that runs out of retries (known: 4 attempts per S3 check on GDAL 3.6) only adds an error text to the scan
        assert r1.first[0] + r1.first[2] == 6 and r1.first[0] >= 4 and len(r1.s3_fired) > 0, r1.figures()
        cases = ("zero-bytes", "wrong-client-secret", "missing-bucket")
        r2 = run_bad_input_cli(hub, work / "r2", cases, tap.token_url, run.wrong_client_secret, evidence.text)
        assert r2.ok() and r2.total == 3, r2.figures()
        conn = store_connection(hub_via_tap(hub, tap), "r3-gui")
        gui = run_gui_session(qgis_iface, conn, hub.s3, work / "gui", evidence)
        assert gui.tiles_shown == 2 and gui.process_size == (300, 200) and gui.layers >= 2
        tokens = tap.tokens + plugin_tokens()
    evidence.text("QgsMessageLog + Python logging", logs.text())
    evidence.text("Processing feedback", feedback.text())
    evidence.localhub_log(hub)
    evidence.qgis_profile()
    evidence.path("run folder", work)  # outputs, the qgis_process profile and auth dir, projects, Process result

    result = scan(evidence, run.labelled(), run.client_id, tokens)
    print(f"R3: {result.figures()}")
    assert result.findings == []
    # the scan saw what it should: tokens issued to the plugin in-process and to each qgis_process run that got as
    # far as the service, the logs, the files
    assert len(set(tap.tokens)) >= 3 and result.tokens_known >= 3, (len(tap.tokens), tap.requests)
    assert "[QgsMessageLog" in logs.text() and "[python byoc_qgis" in logs.text()
    assert result.files >= 20 and result.ok()
