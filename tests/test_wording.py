"""What core reports reaches the user in their language (issue 16 §1): core keeps wording ids and parameters
(``Finding.key``/``params``, ``BucketCheck.key``/``params``) and English texts; ``byoc_qgis.wording`` words the same
ids through ``tr()``. One English source: the tr() tables say exactly what core's tables say."""

from __future__ import annotations

import string
from pathlib import Path
from typing import List, Set

import pytest

from byoc_qgis import wording
from byoc_qgis.core import cover, gdal_compat, network_errors, s3_errors, tile_pipeline, tile_workflows, worded
from byoc_qgis.core.cog_rules import messages
from byoc_qgis.core.cog_rules.templates import FINDING_TEMPLATES
from byoc_qgis.core.deployments import custom_deployment
from byoc_qgis.core.errors import NetworkError, describe
from byoc_qgis.core.explain import Explanation
from byoc_qgis.core.http import HttpClient, RetryPolicy
from byoc_qgis.core.s3_check import BucketCheck
from byoc_qgis.translation import CONTEXT
from byoc_qgis.wording import tables

from .i18n_helpers import installed_catalogue
from .services import free_port


def _one_of_each() -> List:
    """One finding of every builder in core.cog_rules.messages (every wording id at least once)."""
    m = messages
    return [
        m.unreadable("/d/a.tif", "the file does not exist", "", "Check the path."),
        m.unreadable(
            "/vsis3/b/a.tif",
            "AccessDenied",
            "HTTP 403",
            "Check the bucket name and the S3 credentials of the connection.",
        ),  # fmt: skip
        m.no_bands("a.tif"),
        m.not_geotiff("a.png", "PNG", "Portable Network Graphics"),
        m.validator_error("a.tif", "The file is greater than 512xH or 512xW, but is not tiled"),
        m.validator_error("a.tif", "Overviews found in external .ovr file"),
        m.validator_warning("a.tif", "some warning"),
        m.edited_in_place("a.tif"),
        m.header_too_big("a.tif", 2000000),
        m.no_georeferencing("a.tif", "geotransform", "no geotransform"),
        m.no_georeferencing("a.tif", "regular geotransform", "GCPs only"),
        m.no_georeferencing("a.tif", "CRS", "no CRS"),
        m.crs_without_epsg("a.tif", "custom"),
        m.crs_not_allowed("a.tif", 2056),
        m.beyond_valid_degrees("a.tif", (-181.0, 0.0, 1.0, 1.0)),
        m.unsupported_types("a.tif", ["Float64"]),
        m.mixed_types("a.tif", ["Byte", "UInt16"]),
        m.unsupported_compression("a.tif", "JPEG"),
        m.colour_table("a.tif"),
        m.ycbcr("a.tif"),
        m.too_many_chunky_bands("a.tif", 12),
        m.too_many_file_bands("a.tif", 120),
        m.ignored_mask("a.tif", True),
        m.missing_overviews("a.tif", 5000, 5000),
        m.coarse_overviews("a.tif", (4096, 4096)),
        m.bad_block_size("a.tif", "strips", 0, "full resolution"),
        m.unequal_block_sizes("a.tif", [(512, 512), (256, 256)]),
        m.not_tif_extension("a.jp2", ".jp2"),
        m.no_files(),
        m.mixed_extensions([".tif", ".tiff"]),
        m.mixed_crs(["4326", "3857"]),
        m.too_many_tile_bands(140),
        m.no_common_area(),
        m.beyond_common_area("/d/B02.tif", "B02", (0, 0, 2, 2), (0, 0, 1, 1)),
        m.missing_band_files(["B03"]),
        m.unexpected_files(["B09"]),
        m.band_index_out_of_range("/d/B02.tif", "B2", "B02", 1, 3),
        m.bit_depth_mismatch("/d/B02.tif", "B2", "B02", 16, 8, "Byte"),
        m.sample_format_mismatch("/d/B02.tif", "B2", "B02", "FLOAT", "UINT", "UInt16"),
        m.invalid_band_name("/d/B-08.tif", "B-08"),
        m.tile_file_set_differs("t2", "missing B03"),
        m.tile_data_type_differs("/d/B02.tif", "bit-depth", "B02", "Byte", "UInt16"),
        m.file_pattern_mismatch("/d/notes.tif", "(BAND).tif"),
    ]


def _placeholders(template: str) -> Set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


def test_core_and_wording_tables_have_the_same_ids_and_english_texts(qgis_app):
    """No translator installed: tr() answers the source text, so the tr() tables must equal core's tables."""
    assert tables.finding_templates() == FINDING_TEMPLATES
    assert tables.unreadable_texts() == gdal_compat.UNREADABLE_TEXTS
    assert tables.s3_templates() == s3_errors.S3_TEMPLATES
    assert set(tables.fallback_reasons()) == set(s3_errors.S3_FALLBACK_REASONS)
    assert tables.network_reasons() == network_errors.NETWORK_REASONS
    assert tables.network_hints() == network_errors.NETWORK_HINTS
    assert tables.outcome_texts() == tile_pipeline.OUTCOME_TEXTS
    assert tables.result_texts() == tile_workflows.RESULT_TEXTS
    assert tables.summary_texts() == cover.SUMMARY_TEXTS
    assert tables.worded_texts() == worded.WORDED_TEXTS
    assert tuple(tables.worded_values()) == worded.WORDED_VALUES
    assert all(k == v for k, v in tables.worded_values().items())


def test_every_wording_id_is_used_and_its_params_fill_every_placeholder(qgis_app):
    findings = _one_of_each()
    assert {f.key for f in findings} == set(FINDING_TEMPLATES)
    for f in findings:
        message, fix = FINDING_TEMPLATES[f.key]
        assert _placeholders(message) | _placeholders(fix) <= set(f.params), f.key
        # the English through wording is core's English, placeholder by placeholder
        assert (wording.finding_message(f), wording.finding_fix(f)) == (f.message, f.fix), f.key
        assert wording.finding_text(f) == str(f)
        assert "{" not in f.message and "{" not in f.fix, f.key


def test_every_rule_id_has_a_wording():
    rules = {
        "readable", "cog-layout", "tiled", "overviews", "header-size", "block-size", "georeferencing", "crs",
        "bounds", "data-type", "compression", "photometric", "chunky-bands", "band-count", "nodata", "extension",
        "file-set", "bit-depth", "sample-format", "band-name", "file-pattern",
    }  # fmt: skip
    assert {f.rule for f in _one_of_each()} == rules


_DE = {
    "The file has {count} bands; a BYOC collection has at most {max_bands}.": (
        "Die Datei hat {count} Bänder; eine BYOC-Sammlung hat höchstens {max_bands}."
    ),
    "Split the bands over fewer, smaller files or collections.": (
        "Verteilen Sie die Bänder auf weniger, kleinere Dateien oder Sammlungen."
    ),
    "The file cannot be read as a raster: {path}: {reason}": "Die Datei ist kein lesbares Raster: {path}: {reason}",
    "the file does not exist": "die Datei existiert nicht",
    "Check the path.": "Prüfen Sie den Pfad.",
    "Bucket {bucket} at {where} is reachable.": "Bucket {bucket} auf {where} ist erreichbar.",
    "Cannot reach the S3 endpoint {where} ({reason}): check the endpoint host:port and the HTTPS setting, and that "
    "the server is running.": "S3-Endpunkt {where} nicht erreichbar ({reason}): Host:Port und HTTPS prüfen.",
    "connection refused": "Verbindung abgelehnt",
    "{text} ({attempts} attempts)": "{text} ({attempts} Versuche)",
    "error": "Fehler",
    "Cannot list s3://{bucket}/{prefix}: {text}": "s3://{bucket}/{prefix} kann nicht aufgelistet werden: {text}",
    "status {status}: nothing to explain": "Status {status}: nichts zu erklären",
    "Cannot reach {url} ({reason})": "{url} ist nicht erreichbar ({reason})",
    "{severity} [{rule}] {where}{message} (found: {value}) Fix: {fix}": (
        "{severity} [{rule}] {where}{message} (gefunden: {value}) Behebung: {fix}"
    ),
    "Tile path {path!r} contains (BAND) more than once.": "Der Kachelpfad {path!r} enthält (BAND) mehrmals.",
    "{field}: remove the query/fragment from {url}": "{field}: Abfrage/Fragment aus {url} entfernen",
    "base URL": "Basis-URL",
    "{field}: {value!r} is not an ISO 8601 time like 2021-06-29T18:02:34Z": (
        "{field}: {value!r} ist keine ISO-8601-Zeit wie 2021-06-29T18:02:34Z"
    ),
    "{name}: {text}": "{name}: {text}",
    "{path}: the CRS has no EPSG code; the GeoJSON has no crs member.": (
        "{path}: das KBS hat keinen EPSG-Code; das GeoJSON hat kein crs-Element."
    ),
    # a translation that lost a placeholder: wording falls back to core's English
    "The file has {count} pixel-interleaved (chunky) bands; BYOC allows at most {max_chunky}.": (
        "Die Datei hat {anzahl} verschränkte Bänder."
    ),
}


@pytest.fixture
def german(qgis_app, tmp_path: Path):
    """A tiny German catalogue of a few wording texts, installed for the test and removed after it."""
    body = "".join(
        f"<message><source>{_xml(src)}</source><translation>{_xml(de)}</translation></message>"
        for src, de in _DE.items()
    )
    ts = tmp_path / "wording_de.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">'
        f"<context><name>{CONTEXT}</name>{body}</context></TS>\n",
        encoding="utf-8",
    )
    with installed_catalogue(ts, tmp_path):
        yield


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_a_finding_reads_german_through_wording_while_core_stays_english(german):
    f = messages.too_many_file_bands("a.tif", 120)
    assert wording.finding_message(f) == "Die Datei hat 120 Bänder; eine BYOC-Sammlung hat höchstens 100."
    assert wording.finding_fix(f) == "Verteilen Sie die Bänder auf weniger, kleinere Dateien oder Sammlungen."
    assert f.message == "The file has 120 bands; a BYOC collection has at most 100."
    assert str(f).startswith("ERROR [band-count] a.tif: The file has 120 bands;")
    assert wording.finding_text(f) == (
        "FEHLER [band-count] a.tif: Die Datei hat 120 Bänder; eine BYOC-Sammlung hat höchstens 100. (gefunden: "
        "120 bands) Behebung: Verteilen Sie die Bänder auf weniger, kleinere Dateien oder Sammlungen."
    )
    # a parameter that is itself one of our texts (why GDAL cannot open the file) is translated too
    missing = messages.unreadable("/d/a.tif", *gdal_compat.UNREADABLE_TEXTS["missing-file"][:1], "",
                                  gdal_compat.UNREADABLE_TEXTS["missing-file"][1])  # fmt: skip
    assert wording.finding_message(missing) == "Die Datei ist kein lesbares Raster: /d/a.tif: die Datei existiert nicht"
    assert wording.finding_fix(missing) == "Prüfen Sie den Pfad."
    assert missing.message == "The file cannot be read as a raster: /d/a.tif: the file does not exist"
    # a translation whose placeholders do not fit falls back to core's English
    chunky = messages.too_many_chunky_bands("a.tif", 12)
    assert wording.finding_message(chunky) == chunky.message
    # an explained failure: the service's cause stays as the service sent it, the fix of the found finding is German
    expl = Explanation("Tile has 120 bands", "band-count", f.fix, True, [f], finding=f)
    assert wording.explanation_cause(expl) == "Tile has 120 bands"
    assert wording.explanation_fix(expl) == "Verteilen Sie die Bänder auf weniger, kleinere Dateien oder Sammlungen."
    assert wording.explanation_fix(Explanation("x", None, "general fix")) == "general fix"


def test_s3_checks_read_german_through_wording_while_core_stays_english(german):
    where = {"bucket": "b", "where": "h:1"}
    ok = BucketCheck("b", True, "", "Bucket b at h:1 is reachable.", None, 1, "reachable", where)
    assert wording.s3_check_text(ok) == "Bucket b auf h:1 ist erreichbar."
    params = {"bucket": "b", "where": "h:1", "reason": "connection refused", "attempts": "3"}
    english = s3_errors.s3_text("unreachable", params)
    refused = BucketCheck("b", False, "unreachable", english + " (3 attempts)", None, 3, "unreachable", params)
    assert wording.s3_check_text(refused) == (
        "S3-Endpunkt h:1 nicht erreichbar (Verbindung abgelehnt): Host:Port und HTTPS prüfen. (3 Versuche)"
    )
    assert refused.message.startswith("Cannot reach the S3 endpoint h:1 (connection refused): check")
    # not worded by core (e.g. an invalid bucket name): shown as it is
    assert wording.s3_check_text(BucketCheck("b", False, "invalid", "Bucket name invalid")) == "Bucket name invalid"


def test_a_tile_stopped_by_the_pre_flight_reads_as_core_words_it(qgis_app):
    """The pipeline's English outcome message and wording's text are the same sentence (no translator)."""
    from byoc_qgis.core.tile_pipeline import PreflightFailed

    findings = [messages.too_many_file_bands(f"/d/B0{i}.tif", 120 + i) for i in range(7)] + [messages.no_files()]
    exc = PreflightFailed(findings)
    assert len(exc.findings) == 8
    assert wording.preflight_failure_text(exc.findings) == str(exc)
    assert str(exc).endswith("(+3 more)") and str(exc).startswith("pre-flight check failed: B00.tif: The file has 120")


def _refused() -> NetworkError:
    """A real request to a loopback port nobody listens on."""
    url = f"http://127.0.0.1:{free_port()}"
    client = HttpClient(custom_deployment(url, url + "/oauth/token"), policy=RetryPolicy(max_attempts=1))
    try:
        client.request("GET", "/api/v1/byoc/collections", authenticated=False)
    except NetworkError as exc:
        return exc
    finally:
        client.close()
    raise AssertionError("the request to a closed port did not fail")


def test_a_network_error_reads_as_core_words_it_and_german_through_wording(qgis_app, german):
    exc = _refused()
    assert exc.message == f"Cannot reach {exc.url} (connection refused)"
    assert wording.describe_error(exc) == f"{exc.url} ist nicht erreichbar (Verbindung abgelehnt)"
    assert describe(exc) == exc.message  # core stays English


def test_a_network_error_without_translation_is_cores_sentence(qgis_app):
    exc = _refused()
    assert wording.describe_error(exc) == describe(exc) == exc.message


def test_tile_workflow_results_read_german_through_wording(german):
    result = tile_workflows._result(
        "t1", "a/(BAND).tif", tile_workflows.NOT_FAILED, "nothing-to-explain", status="INGESTED"
    )
    assert result.message == "status INGESTED: nothing to explain"
    assert wording.tile_result_text(result) == "Status INGESTED: nichts zu erklären"
    other = tile_workflows.TileResult("t2", "p", tile_workflows.FAILED, "HTTP 500: boom")
    assert wording.tile_result_text(other) == "HTTP 500: boom"  # not ours: as core gave it


def test_an_s3_error_reads_as_core_words_it_and_german_through_wording(qgis_app, german):
    """A real listing against a loopback endpoint nobody listens on (no retries)."""
    from byoc_qgis.core import s3

    port = free_port()
    config = s3.S3Config(
        bucket="b1", access_key="AKIAEXAMPLE1", secret_key="x" * 20, region="us-east-1",
        endpoint=f"127.0.0.1:{port}", https=False, retry_delay=0.01, max_retry=0,
    )  # fmt: skip
    with pytest.raises(s3.S3Error) as err:
        s3.list_objects(config, "tiles")
    exc = err.value
    assert (exc.problem, exc.key, exc.context) == (s3.PROBLEM_UNREACHABLE, "unreachable", "cannot-list")
    assert str(exc).startswith(f"Cannot list s3://b1/tiles: Cannot reach the S3 endpoint 127.0.0.1:{port} (")
    worded = wording.s3_error_text(exc)
    assert worded.startswith(f"s3://b1/tiles kann nicht aufgelistet werden: S3-Endpunkt 127.0.0.1:{port} nicht")
    assert worded.endswith("Host:Port und HTTPS prüfen.")
    assert wording.s3_error_text(s3.S3Error("Bucket b1 is in use")) == "Bucket b1 is in use"  # not worded by core
    # a tile the pipeline could not create because of it
    job = tile_pipeline.TileJob("t", {"B01": "/d/B01.tif"}, "t/(BAND).tif")
    outcome = tile_pipeline.TileOutcome(job, tile_pipeline.FAILED, None, str(exc), error=exc)
    assert wording.outcome_text(outcome, config.scrub) == worded


def test_a_cover_summary_reads_as_core_words_it(qgis_app):
    from byoc_qgis.core.cover import CoverReport

    report = CoverReport("contain", 12, 95, 1, (512, 512), 20.0, 1e6, 1.1e6, 123456.7, 0.0, 12.35, 0.0, 20.0, 0.0, 0.5)
    assert report.summary() == (
        "12 points; cover adds ≈ 123,457 m² (12.35 %) outside the data and leaves ≈ 0 m² (0.00 %) of data out; traced "
        "at level 1 (512x512 px) in 0.50 s"
    )
    assert wording.cover_summary(report) == report.summary()
    report.fallback = "extent"
    assert report.summary().endswith("; fallback: extent") and wording.cover_summary(report) == report.summary()


def test_a_finding_as_a_dict_reads_german_through_wording(german):
    f = messages.too_many_file_bands("a.tif", 120)
    as_dict = {"tile": "t", "file": f.file, "severity": f.severity, "rule": f.rule, "message": f.message,
               "fix": f.fix, "key": f.key, "params": dict(f.params)}  # fmt: skip
    worded = wording.worded_finding(as_dict)
    assert worded["message"] == "Die Datei hat 120 Bänder; eine BYOC-Sammlung hat höchstens 100."
    assert worded["tile"] == "t" and as_dict["message"] == f.message  # the caller's dict is left as it was


@pytest.fixture
def real_german(qgis_app, tmp_path: Path):
    """The plugin's German catalogue (i18n/byoc_qgis_de.ts compiled), installed for the test."""
    with installed_catalogue(Path(__file__).resolve().parent.parent / "i18n" / "byoc_qgis_de.ts", tmp_path):
        yield


def test_every_finding_reads_german_with_the_plugins_catalogue(real_german):
    """Each finding's German sentence and fix fill every placeholder (no silent fall-back to English)."""
    not_german = []
    for f in _one_of_each():
        message, fix = wording.finding_message(f), wording.finding_fix(f)
        if message == f.message or "{" in message or (fix == f.fix and FINDING_TEMPLATES[f.key][1] != "{fix}"):
            not_german.append(f.key)
    assert not_german == []
    pairs = [
        (tables.s3_templates(), s3_errors.S3_TEMPLATES),
        (tables.network_reasons(), network_errors.NETWORK_REASONS),
        (tables.result_texts(), tile_workflows.RESULT_TEXTS),
        (tables.summary_texts(), cover.SUMMARY_TEXTS),
    ]
    for german, english in pairs:
        for key, text in german.items():
            assert text != english[key] and _placeholders(text) == _placeholders(english[key]), key


def test_an_explanation_note_words_the_s3_error_that_stopped_the_check(german):
    from byoc_qgis.core import s3

    params = {"bucket": "b1", "where": "h:1", "reason": "connection refused"}
    exc = s3.worded_error(s3.PROBLEM_UNREACHABLE, "unreachable", params, "cannot-list", bucket="b1", prefix="t")
    expl = Explanation("cause", "block-size", "fix", note=str(exc), note_error=exc)
    assert wording.explanation_note(expl) == (
        "s3://b1/t kann nicht aufgelistet werden: S3-Endpunkt h:1 nicht erreichbar (Verbindung abgelehnt): Host:Port "
        "und HTTPS prüfen."
    )
    assert str(exc).startswith("Cannot list s3://b1/t: Cannot reach the S3 endpoint h:1 (connection refused)")
    assert wording.explanation_note(Explanation("c", None, "f", note="GDAL: boom")) == "GDAL: boom"
    assert wording.explanation_note(Explanation("c", None, "f")) == ""


def _worded_of_each(folder: str) -> List:
    """Every WORDED_TEXTS id raised or kept by the real core functions (plus the ids only built inline)."""
    from datetime import datetime, timezone

    from byoc_qgis.core import deployments, path_templates, tile_plan
    from byoc_qgis.core.worded import WordedError, WordedText

    pt = path_templates
    calls = [
        lambda: pt.validate_path("a\\b/(BAND).tif"),
        lambda: pt.validate_path(""),
        lambda: pt.validate_path("/a/(BAND).tif"),
        lambda: pt.validate_path("(BAND)/(BAND).tif"),
        lambda: pt.validate_path("a{x}/(BAND).tif"),
        lambda: pt.template_fields("{year/(BAND).tif"),
        lambda: pt.build_tile_path("{0}/(BAND).tif", tile="t"),
        lambda: pt.build_tile_path("{tile}/{band}/(BAND).tif", tile="t"),
        lambda: pt.build_tile_path("{year}/(BAND).tif", tile="t"),
        lambda: pt.build_tile_path("{tile}/(BAND).tif", tile="a/b"),
        lambda: tile_plan.example_path("{name}.tif"),
        lambda: pt.sensing_time_from_fields({"date": "20241341"}),
        lambda: pt.date_pattern_regex("%Y%q"),
        lambda: pt.plan_tile("{date}/(BAND).tif", "x.tif", date_pattern="%Y%m%d"),
        lambda: pt.plan_tile("{date}/(BAND).tif", "x.tif"),
        lambda: tile_pipeline._check_paths([tile_pipeline.TileJob("a", {}, "p/(BAND).tif")] * 2),
        lambda: deployments.custom_deployment("ftp://h"),
        lambda: deployments.custom_deployment("http://u:p@h"),
        lambda: deployments.custom_deployment("http://h/x?y=1"),
        lambda: deployments.get_deployment("nowhere"),
    ]
    from types import SimpleNamespace

    from byoc_qgis.core import batch_results, s3_upload
    from byoc_qgis.core.s3 import S3Config, S3Error

    config = S3Config("bucket-b", "AKIAWORDED", "x" * 20, endpoint="127.0.0.1:9", https=False)
    s3_calls = [
        lambda: s3_upload.ensure_object(config, "/nonexistent/B02.tif", "t/B02.tif"),
        lambda: s3_upload.upload_tile(config, {}, "t/B02.tif"),
        lambda: batch_results.vsis3_url(config, "s3://other/x.sqlite"),
        lambda: batch_results._delivery(SimpleNamespace(id="task1", delivery_url="")),
    ]
    calls += _request_calls() + _cogify_calls(folder)
    out = []
    for call in s3_calls:
        with pytest.raises(S3Error) as s3_err:
            call()
        out.append(s3_err.value.args[0])
    out += _hows()
    for call in calls + _credential_and_cover_calls(folder):
        with pytest.raises(ValueError) as err:
            call()
        assert wording.worded_of(err.value) is not None, str(err.value)
        # the WordedError, or the WordedText of a CoverError ...; without the traceback, whose frames hold GDAL
        # datasets (destroyed after GDAL at exit: a segfault), as the pipeline keeps a tile's error
        out.append(wording.worded_of(err.value.with_traceback(None)))
    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    assert pt.build_tile_path("{date}/(BAND).tif", when) == "20240501/(BAND).tif"
    cover_warning = WordedText("cover-no-epsg", path="/d/a.tif")
    out += [
        WordedText("cover-no-valid-pixel", path="/d/a.tif"),
        WordedText("cover-extent-fallback"),
        WordedText("cover-too-fragmented"),
        cover_warning,
        WordedText("tile-line", name="t1", text=cover_warning),
        WordedText("tile-cogified", name="t1", stem="B02"),
        WordedText("tile-upload-skipped", name="t1", bucket="b", key="t1/B02.tif", how="same MD5"),
        WordedText("tile-upload-replaced", name="t1", bucket="b", key="t1/B02.tif"),
        # raised after a real upload or batch read only (tests/test_s3_safety.py, test_processing_batch.py)
        WordedText("upload-exists", bucket="bucket-b", key="t/B02.tif", how=_hows()[-1]),
        WordedText("upload-not-found-after", path="/d/B02.tif", bucket="b", key="t/B02.tif"),
        WordedText("upload-other-content", path="/d/B02.tif", bucket="b", key="t/B02.tif", how=_hows()[0]),
        WordedText("batch-cannot-read-db", url="s3://b/e.sqlite", reason="not found"),
        WordedText("batch-cannot-read-manifest", url="s3://b/m.gpkg", reason="HTTP 403"),
        WordedText("batch-no-features-table", url="s3://b/e.sqlite"),
        WordedError("batch-unknown-output", output="x", task="task1", outputs="default"),
        WordedError("aoi-transform", epsg=32633),  # PROJ refusing a transformation: not reproducible here
        # checked by clients of the service before a request (tests/test_client_*.py, test_live_view.py)
        WordedError("collection-name-empty"),
        WordedError("collection-bucket", bucket="s3://b"),
        WordedError("tile-path-slashes", path="/a/(BAND).tif"),
        WordedError("live-no-evalscript"),
        WordedError("live-time-ends"),
        WordedError("live-mosaicking", order="random"),
        WordedError("live-time-order", start="2024-02-01T00:00:00Z", end="2024-01-01T00:00:00Z"),
        WordedError("live-evalscript-long"),
        WordedError("split-not-tiff", output="ndvi"),
        WordedError("split-no-tiff"),
        # QGIS's auth manager disabled, locked or holding another method, a SOCKS5 proxy, GDAL failing to read
        WordedText("proxy-socks5"),
        WordedText("auth-disabled"),
        WordedText("auth-locked"),
        WordedText("auth-missing", authcfg="abc1234"),
        WordedText("auth-not-basic", authcfg="abc1234"),
        WordedText("auth-no-s3-keys", authcfg="abc1234"),
        WordedText("cover-mask", path="/d/a.tif", band=1, error="boom"),
        WordedText("cover-read", path="/d/a.tif", band=1, error="boom"),
        WordedText("cover-polygonize", error="boom"),
        # GDAL failing half-way, or an old GDAL (Int8 needs 3.7): not reproducible in both lanes
        WordedError("cogify-int8", src="/d/a.tif"),
        WordedError("cogify-prepare", src="/d/a.tif", error="boom"),
        WordedError("cogify-write", dst="/w/a.tif", error="No space left on device"),
        WordedError("cogify-still-fails", src="/d/a.tif", finding="The file has no CRS."),
        WordedText("batch-cannot-read-cell", path="/vsis3/b/c.tif", reason="cannot open it"),
        WordedText("batch-cannot-mosaic", output="default", epsg=32633, count=4, reason="GDAL could not build it"),
    ]
    return out


def _request_calls() -> List:
    """Calls that validate what users give for Process and batch requests, bands, times and CRSs."""
    from byoc_qgis.core import api_values, batch_request, models, process

    body = {"input": {"bounds": {"bbox": [0, 0, 1, 1]}}, "evalscript": "//VERSION=3", "output": {}}
    good = batch_request.S3Delivery("s3://bucket/out", "AKIDEXAMPLE", "secret-example")

    def batch(body=body, **change):
        args = {"grid_id": 999, "resolution": 10, "delivery": good, **change}
        return lambda: batch_request.BatchRequest(body, **args).to_dict()

    def proc(**change):
        args = {"evalscript": "//VERSION=3", "bbox": [0, 0, 1, 1], "width": 10, "height": 10, **change}
        return lambda: process.ProcessRequest(data=[process.DataSource("c1")], **args).to_dict()

    cog = batch_request.CogParameters
    from byoc_qgis.core import batch_grids, batch_paths, evalscripts

    empty = models.Collection(name="c", s3_bucket="b")
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    return [
        lambda: batch_paths.split_s3_url("https://b/out"),
        lambda: batch_paths.validate_template("s3://b/<tileName>/<band>.tif"),
        lambda: batch_paths.validate_template("s3://<tileName>/x.tif"),
        lambda: batch_paths.validate_template("s3://b/<outputId>.tif"),
        lambda: batch_paths.validate_template("s3://b/<tileName>.tif", ["a", "b"]),
        lambda: batch_paths.validate_template("s3://b/x//<tileName>.tif"),
        lambda: batch_paths.output_extension("image/png"),
        lambda: batch_grids.grid_cells(1, 15, bbox=[0, 0, 1, 1]),
        lambda: batch_grids.grid_cells(99, 10, bbox=[0, 0, 1, 1]),
        lambda: batch_grids.aoi_wgs84(bbox=[0, 0, 1, 1], epsg=999999),
        lambda: batch_grids.grid_cells(1, 10, bbox=[0, 0, 1, 1], buffer_x=-1),
        lambda: batch_grids.aoi_wgs84(geometry={"type": "Polygon", "coordinates": []}),
        lambda: batch_grids.aoi_wgs84(bbox=[0, 0, 1]),
        lambda: batch_grids.aoi_wgs84(),
        lambda: batch_grids.aoi_wgs84(square, bbox=[5, 5, 6, 6]),
        lambda: evalscripts.common_sample_type([]),
        lambda: evalscripts.template_script(empty, "single", ["B01"]),
        lambda: evalscripts.template_script(empty, "sepia", ["B01"]),
        lambda: evalscripts.template_script(empty, "true", ["B01"]),
        batch(delivery=batch_request.S3Delivery("s3://bucket/out")),
        batch(cog_output=True, cog_parameters=cog(overview_levels=[1])),
        batch(cog_output=True, cog_parameters=cog(resampling="lanczos-ish")),
        batch(cog_output=True, cog_parameters=cog(block_x=100)),
        batch(body={"evalscript": "x", "output": {}}),
        batch(body={**body, "evalscript": " "}),
        batch(body={**body, "output": {"responses": [{"identifier": "a", "format": {"type": "image/png"}}]}}),
        batch(resolution=0),
        batch(buffer_x=40000),
        batch(create_collection=True),
        batch(
            create_collection=True,
            cog_output=True,
            body={**body, "output": {"responses": [{"identifier": "u", "format": {"type": "application/json"}}]}},
        ),
        batch(create_collection=True, collection_id="c", cog_output=True),
        batch(cog_parameters=cog(overview_levels=[2])),
        lambda: models.Band("8-bit"),
        lambda: models.Band("B1", bit_depth=12),
        lambda: models.Band("B1", sample_format="complex"),
        lambda: api_values.parse_time(20240501, "sensingTime"),
        lambda: api_values.parse_time("May 1st", "sensingTime"),
        lambda: api_values.parse_time("2024-02-30", "sensingTime"),
        lambda: api_values.parse_crs(True),
        lambda: api_values.parse_crs("EPSG 4326"),
        lambda: process.DataSource("a/b").to_dict(),
        lambda: process.DataSource("c1", time_from="2024-01-01T00:00:00Z").to_dict(),
        lambda: process.DataSource("c1", time_from="2024-02-01T00:00:00Z", time_to="2024-01-01T00:00:00Z").to_dict(),
        lambda: process.DataSource("c1", mosaicking_order="random").to_dict(),
        lambda: process.DataSource("c1", upsampling="CUBIC").to_dict(),
        proc(responses=[process.OutputResponse("default", "image/gif")]),
        proc(responses=[process.OutputResponse("default", "image/png", quality=50)]),
        proc(bbox=None),
        proc(height=None),
        proc(evalscript=""),
        lambda: process.ProcessRequest(evalscript="x", data=[], bbox=[0, 0, 1, 1]).to_dict(),
        proc(resx=10, resy=10),
        proc(width=None, height=None, resx=-1, resy=10),
        proc(bbox=[1, 0, 0, 1]),
        proc(width=0, height=0),
        lambda: process.ProcessRequest(
            evalscript="x", data=[process.DataSource("c1")], bbox=[0, 0, 1, 1], width=5000, height=10
        ).validate(max_px=2500),  # fmt: skip
        proc(responses=[process.OutputResponse("a", "image/tiff"), process.OutputResponse("a", "image/tiff")]),
    ]


def _cogify_calls(folder: str) -> List:
    """COGify refusing real small rasters and options (files in ``folder``)."""
    from osgeo import gdal, osr

    from byoc_qgis.core.cogify import CogifyOptions, cogify

    def raster(name: str, bands: int = 1, dtype=gdal.GDT_Byte, srs: str = "EPSG:4326", geo: bool = True) -> str:
        path = f"{folder}/{name}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(path, 8, 8, bands, dtype)
        if geo:
            ds.SetGeoTransform((10, 0.001, 0, 45, 0, -0.001))
            ref = osr.SpatialReference()
            ref.SetFromUserInput(srs)
            ds.SetProjection(ref.ExportToWkt())
        ds = None
        return path

    byte, two = raster("byte"), raster("two", 2)
    out = f"{folder}/out.tif"
    open(f"{folder}/taken.tif", "w").close()

    def run(src: str, dst: str = out, **options):
        return lambda: cogify(src, dst, CogifyOptions(skip_valid=False, **options))

    return [
        run(byte, layout="x"),
        run(byte, compress="JPEG"),
        run(byte, resampling="CUBIC"),
        run(byte, blocksize=100),
        run(byte, output_type="Float64"),
        run(byte, target_epsg=2056),
        run(f"{folder}/missing.tif"),
        run(byte, folder, layout="per-band", band_names=["a", "b"]),
        run(byte, folder, layout="per-band", band_names=["1a"]),
        run(two, folder, layout="per-band", band_names=["a", "a"]),
        run(raster("float64", dtype=gdal.GDT_Float64)),
        run(raster("plain", geo=False)),
        run(raster("swiss", srs="EPSG:2056")),
        run(raster("custom", srs="+proj=merc +lon_0=7 +datum=WGS84")),
        run(byte, out, layout="per-band"),
        run(byte, f"{folder}/taken.tif"),
        run(byte, byte, overwrite=True),
    ]


def _credential_and_cover_calls(folder: str) -> List:
    """Credentials from the environment and QGIS's auth manager, saved connections, and cover tracing refusing
    real small rasters."""
    from osgeo import gdal, osr

    from byoc_qgis.core import auth, batch_task, byoc, cover_trace, credentials, preflight, qgis_adapters, tile_groups
    from byoc_qgis.core.cover import trace_cover
    from byoc_qgis.core.deployments import SH_EU

    def raster(name: str, epsg: int = 4326, rotated: bool = False, geo: bool = True) -> str:
        path = f"{folder}/cover-{name}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(path, 8, 8, 1, gdal.GDT_Byte)
        if geo:
            ds.SetGeoTransform((10, 0.001, 0.0001 if rotated else 0, 45, 0, -0.001))
            ref = osr.SpatialReference()
            ref.ImportFromEPSG(epsg)
            ds.SetProjection(ref.ExportToWkt())
        ds.GetRasterBand(1).Fill(1)
        ds = None
        return path

    wgs, utm = raster("wgs"), raster("utm", 32633)
    bad_name = qgis_adapters.ConnectionSettings("a/b", qgis_adapters.get_deployment(SH_EU.key), "cfg")
    return [
        lambda: byoc._check_id("a/b", "tile id"),
        lambda: tile_groups.pattern_regex("*.tif"),
        lambda: preflight.preflight_local([wgs], root=f"{folder}/elsewhere"),
        lambda: batch_task.task_id("a/b"),
        lambda: credentials.credentials_from_env({"BYOC_CLIENT_SECRET": "x"}),
        lambda: credentials.credentials_from_env({"BYOC_CLIENT_ID": "x"}),
        lambda: credentials.s3_credentials_from_env({"BYOC_S3_ACCESS_KEY": "a"}),
        lambda: auth.ClientCredentials("", "x"),
        lambda: auth.ClientCredentials("id", ""),
        lambda: qgis_adapters.store_client_credentials("byoc test", "id", ""),
        lambda: qgis_adapters.load_connection("no such connection (wording test)"),
        lambda: qgis_adapters.save_connection(bad_name),
        lambda: trace_cover([wgs], policy="round"),
        lambda: trace_cover([wgs], max_points=3),
        lambda: trace_cover([]),
        lambda: cover_trace.open_for_cover(f"{folder}/missing.tif"),
        lambda: cover_trace.trace_file(raster("plain", geo=False)),
        lambda: cover_trace.trace_file(raster("rotated", rotated=True)),
        lambda: trace_cover([wgs, utm]),
    ]


def _hows() -> List:
    """How each kind of object compared with a local file (core.s3_digest.same_content, no storage needed)."""
    from byoc_qgis.core.s3 import RemoteObject
    from byoc_qgis.core.s3_digest import LocalDigest, same_content

    md5, other = "0" * 32, "1" * 32
    local = LocalDigest("/d/B02.tif", 10, md5, 8 * 1024 * 1024, md5 + "-2")
    remotes = [
        RemoteObject("k", 11, md5),
        RemoteObject("k", 10, md5),
        RemoteObject("k", 10, md5 + "-2"),
        RemoteObject("k", 10, "abc", md5),
        RemoteObject("k", 10, "abc", other),
        RemoteObject("k", 10, other),
        RemoteObject("k", 10, other + "-3"),
        RemoteObject("k", 10, "abc"),
    ]
    return [same_content(r, local)[1] for r in remotes]


def test_every_worded_text_reads_as_core_words_it(qgis_app, tmp_path):
    """Each core text of WORDED_TEXTS comes from real core calls; through wording (no translator) it is core's
    English byte for byte, and every placeholder is filled."""
    texts = _worded_of_each(str(tmp_path))
    assert {t.key for t in texts} == set(worded.WORDED_TEXTS)
    for t in texts:
        assert wording.worded_text(t) == str(t), t.key
        assert _placeholders(worded.WORDED_TEXTS[t.key]) <= set(t.params), t.key
    by_key = {t.key: str(t) for t in texts}
    assert by_key["path-backslash"] == "Tile path 'a\\\\b/(BAND).tif' contains a backslash; use / between folders."
    assert by_key["template-no-time"] == (
        "Template '{year}/(BAND).tif' uses {year} but no value was given (give the sensing time); available: tile."
    )
    assert by_key["no-sensing-time"] == (
        "No sensing time for x.tif: the template needs a date and the file name has no a YYYYMMDD or YYYY-MM-DD date. "
        "Give the sensing time or a date pattern."
    )
    assert by_key["url-query"] == "base URL: remove the query/fragment from http://h/x"
    assert by_key["tile-line"] == "t1: /d/a.tif: the CRS has no EPSG code; the GeoJSON has no crs member."
    assert by_key["how-size"] == "11 bytes (the file has 10)" and by_key["how-same-md5"] == "same MD5"
    assert by_key["upload-exists"] == (
        "s3://bucket-b/t/B02.tif already exists with content that cannot be compared (its ETag is not an MD5 and it "
        "has no checksum of ours); it is left untouched: choose another path template, or allow overwriting "
        "(OVERWRITE) to replace it."
    )
    assert by_key["upload-no-file"] == "Cannot upload /nonexistent/B02.tif: the file does not exist."
    # an S3Error whose message core worded: s3_error_text and a failed tile's outcome word it
    from byoc_qgis.core.s3 import S3ExistsError

    exists = S3ExistsError(next(t for t in texts if t.key == "upload-exists"))
    assert wording.s3_error_text(exists) == str(exists) == by_key["upload-exists"]
    job = tile_pipeline.TileJob("t", {"B02": "/d/B02.tif"}, "t/(BAND).tif")
    outcome = tile_pipeline.TileOutcome(job, tile_pipeline.FAILED, None, str(exists), error=exists)
    assert wording.outcome_text(outcome) == by_key["upload-exists"]
    crs = next(t for t in texts if t.key == "cogify-crs")  # a tile COGify refused (the pipeline keeps the error)
    refused = tile_pipeline.TileOutcome(job, tile_pipeline.FAILED, None, str(crs), error=crs)
    assert wording.outcome_text(refused) == str(crs) and str(crs).endswith("EPSG:2056 is not accepted by BYOC; "
                                                                            "choose a target CRS (EPSG:4326, 3857, "
                                                                            "3035 or UTM) to reproject.")  # fmt: skip
    # a WordedError is still the ValueError callers catch, and describe_error words it
    error = next(t for t in texts if t.key == "url-not-http")
    assert isinstance(error, ValueError) and wording.describe_error(error) == str(error)
    assert wording.worded_text(ValueError("plain")) == "plain"


def test_worded_texts_read_german_through_wording_while_core_stays_english(german):
    from byoc_qgis.core import deployments, path_templates
    from byoc_qgis.core.tile_plan import BAD_PATH, Problem
    from byoc_qgis.core.worded import WordedText
    from byoc_qgis.gui.add_tiles_words import problem_text

    with pytest.raises(path_templates.PathTemplateError) as err:
        path_templates.validate_path("(BAND)/(BAND).tif")
    assert str(err.value) == "Tile path '(BAND)/(BAND).tif' contains (BAND) more than once."
    assert wording.worded_text(err.value) == "Der Kachelpfad '(BAND)/(BAND).tif' enthält (BAND) mehrmals."
    problem = Problem(BAD_PATH, "t", str(err.value), error=err.value)
    assert problem_text(problem).endswith("Der Kachelpfad '(BAND)/(BAND).tif' enthält (BAND) mehrmals.")
    with pytest.raises(ValueError) as err:
        deployments.custom_deployment("http://h/x#f")
    assert wording.describe_error(err.value) == "Basis-URL: Abfrage/Fragment aus http://h/x entfernen"
    from byoc_qgis.core.api_values import parse_time

    with pytest.raises(ValueError) as time_err:
        parse_time("1.5.2024", "SENSING_TIME")
    assert str(time_err.value) == "SENSING_TIME: '1.5.2024' is not an ISO 8601 time like 2021-06-29T18:02:34Z"
    assert (
        wording.worded_text(time_err.value)
        == "SENSING_TIME: '1.5.2024' ist keine ISO-8601-Zeit wie 2021-06-29T18:02:34Z"
    )
    line = WordedText("tile-line", name="t1", text=WordedText("cover-no-epsg", path="a.tif"))
    assert wording.worded_text(line) == "t1: a.tif: das KBS hat keinen EPSG-Code; das GeoJSON hat kein crs-Element."
    assert line == "t1: a.tif: the CRS has no EPSG code; the GeoJSON has no crs member."
    import copy
    import pickle

    assert pickle.loads(pickle.dumps(line)).key == "tile-line" and copy.deepcopy(err.value).key == "url-query"
