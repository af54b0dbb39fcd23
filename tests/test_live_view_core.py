"""The QGIS-free half of the live view: tile maths, the spec in the URL, saved/current URLs, coverage, PNG alpha,
and the loopback tile server against localhub (cache, single flight, refusals, errors)."""

from __future__ import annotations

import math
import struct
import threading
import zlib

import pytest
import requests

from byoc_qgis.core.live_png import PngError, png_header, transparent_png, with_transparent_zero
from byoc_qgis.core.live_server import LiveTileServer
from byoc_qgis.core.live_tiles import (
    WEB_MERCATOR_HALF,
    Coverage,
    LiveSpec,
    current_url,
    ground_meters_per_pixel,
    is_live_url,
    lonlat_to_mercator,
    parse_tile_path,
    placeholder_url,
    script_problems,
    spec_from_url,
    tile_bounds,
    tile_request,
    tile_resolution,
    tile_url_template,
    tiles_for_extent,
    xyz_source,
    zoom_for_resolution,
)

SCRIPT = "//VERSION=3\nfunction setup(){return {input:['B'],output:{bands:3}}}\nfunction evaluatePixel(s){return [s.B]}"


def test_tile_maths():
    assert tile_bounds(0, 0, 0) == (-WEB_MERCATOR_HALF, -WEB_MERCATOR_HALF, WEB_MERCATOR_HALF, WEB_MERCATOR_HALF)
    assert tile_bounds(1, 1, 0) == (0.0, 0.0, WEB_MERCATOR_HALF, WEB_MERCATOR_HALF)
    assert tile_resolution(0) == pytest.approx(156543.03392804097)
    for z in (0, 5, 13, 20):
        assert zoom_for_resolution(tile_resolution(z)) == z
        assert zoom_for_resolution(tile_resolution(z) * 1.3) == z  # nearest level
    b = tile_bounds(13, 4411, 2945)
    assert tiles_for_extent(13, b) == [(13, 4411, 2945)]  # edges touching neighbours do not count
    inner = (b[0] + 1, b[1] + 1, b[2] + tile_resolution(13) * 100, b[3] - 1)
    assert tiles_for_extent(13, inner) == [(13, 4411, 2945), (13, 4412, 2945)]
    x, y = lonlat_to_mercator(180, 0)
    assert (x, y) == (pytest.approx(WEB_MERCATOR_HALF), pytest.approx(0.0, abs=1e-6))
    # ground size: at 60° N a pixel covers half its Web Mercator size
    row = tiles_for_extent(10, (0, *lonlat_to_mercator(0, 60)[1:], 1, lonlat_to_mercator(0, 60)[1] + 1))[0][2]
    assert ground_meters_per_pixel(10, row) == pytest.approx(tile_resolution(10) * 0.5, rel=0.01)
    with pytest.raises(ValueError):
        tile_bounds(2, 4, 0)


def test_spec_token_roundtrip_and_normalised_times():
    spec = LiveSpec("my conn/ü", "8a1b-c", SCRIPT, "2021-03-01", "2021-03-31T23:59:59+02:00", "leastRecent")
    assert spec.time_from == "2021-03-01T00:00:00Z" and spec.time_to == "2021-03-31T21:59:59Z"
    token = spec.token()
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert LiveSpec.from_token(token) == spec
    assert spec.with_time("2021-03-01T00:00:00Z", "2021-03-31T21:59:59Z").token() == token  # same range, same URL
    assert LiveSpec("c", "id", SCRIPT).data_source().to_dict() == {"type": "byoc-id"}
    assert spec.data_source().to_dict()["dataFilter"] == {
        "timeRange": {"from": "2021-03-01T00:00:00Z", "to": "2021-03-31T21:59:59Z"},
        "mosaickingOrder": "leastRecent",
    }
    for bad in ("", "not!base64", "eJzLSM3JyQcABiwCFQ"):  # the last one: zlib of "hello", not a spec
        with pytest.raises(ValueError):
            LiveSpec.from_token(bad)
    with pytest.raises(ValueError, match="after it ends"):
        LiveSpec("c", "id", SCRIPT, "2021-04-01", "2021-03-01")
    with pytest.raises(ValueError, match="both ends"):
        LiveSpec("c", "id", SCRIPT, "2021-04-01", None)
    with pytest.raises(ValueError, match="mosaicking"):
        LiveSpec("c", "id", SCRIPT, mosaicking_order="newest")


def test_urls_saved_and_current_forms():
    spec = LiveSpec("conn", "abc", SCRIPT, "2021-01-01", "2021-02-01")
    url = tile_url_template(43210, "sessKEY_1", spec)
    assert url.startswith("http://127.0.0.1:43210/byoc-live/sessKEY_1/v1/") and url.endswith("/{z}/{x}/{y}.png")
    source = xyz_source(url, 0, 18)
    assert source.startswith("type=xyz&url=http://127.0.0.1:43210/byoc-live/") and source.endswith("&zmax=18&zmin=0")
    assert is_live_url(source) and not is_live_url("type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    saved = placeholder_url(source)
    assert "43210" not in saved and "sessKEY_1" not in saved
    assert "http://127.0.0.1:0/byoc-live/saved/v1/" in saved
    assert placeholder_url(saved) == saved
    again = current_url(saved, 5555, "other")
    assert again == source.replace(":43210/byoc-live/sessKEY_1/", ":5555/byoc-live/other/")
    assert spec_from_url(saved) == spec_from_url(again) == spec
    # QGIS re-encodes the braces of a source it read from a project: still recognised
    assert spec_from_url(source.replace("{", "%7B").replace("}", "%7D")) == spec
    key, token, z, x, y = parse_tile_path(url.split("127.0.0.1:43210", 1)[1].format(z=13, x=4411, y=2945))
    assert (key, z, x, y) == ("sessKEY_1", 13, 4411, 2945) and LiveSpec.from_token(token) == spec
    for bad in ("/byoc-live/k/v1/t/1/2/3.jpg", "/other/k/v1/t/1/2/3.png", "/byoc-live/k/v1/t/a/2/3.png"):
        with pytest.raises(ValueError):
            parse_tile_path(bad)


def test_tile_request_is_the_tile_box_in_web_mercator():
    spec = LiveSpec("conn", "abc", SCRIPT, "2021-01-01", "2021-02-01", "mostRecent")
    body = tile_request(spec, 13, 4411, 2945).to_dict()
    assert body["input"]["bounds"]["bbox"] == list(tile_bounds(13, 4411, 2945))
    assert body["input"]["bounds"]["properties"]["crs"].endswith("/3857")
    assert body["output"]["width"] == body["output"]["height"] == 256
    assert body["output"]["responses"] == [{"identifier": "default", "format": {"type": "image/png"}}]
    with pytest.raises(ValueError):
        tile_request(spec, 13, 4411, 2945, tile_px=2501)  # the service's limit per side


def test_coverage_spares_tiles_outside_and_too_coarse():
    extent = {
        "type": "Polygon",
        "coordinates": [[[13.7, 44.9], [14.0, 44.9], [14.0, 45.2], [13.7, 45.2], [13.7, 44.9]]],
    }
    cov = Coverage.from_collection(extent, 500.0)
    inside = tiles_for_extent(13, (*lonlat_to_mercator(13.8, 45.0), *lonlat_to_mercator(13.8001, 45.0001)))[0]
    outside = tiles_for_extent(13, (*lonlat_to_mercator(15.0, 45.0), *lonlat_to_mercator(15.0001, 45.0001)))[0]
    assert cov.has_data(*inside) and not cov.has_data(*outside)
    z, _, y = inside
    assert not cov.too_coarse(z, y)
    assert cov.too_coarse(7, tiles_for_extent(7, (*lonlat_to_mercator(13.8, 45.0), 1.6e6, 5.7e6))[0][2])
    unknown = Coverage.from_collection(None, None)
    assert unknown.has_data(*outside) and not unknown.too_coarse(0, 0)
    multi = {"type": "MultiPolygon", "coordinates": [extent["coordinates"], [[[15, 45], [15.1, 45], [15.1, 45.1]]]]}
    assert Coverage.from_collection(multi, None).has_data(*outside)


def _png(width, height, ctype, rows_bytes, depth=8):
    def chunk(tag, payload):
        return struct.pack(">I", len(payload)) + tag + payload + struct.pack(">I", zlib.crc32(tag + payload))

    raw = b"".join(b"\x00" + r for r in rows_bytes)
    header = struct.pack(">IIBBBBB", width, height, depth, ctype, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_png_colour_zero_becomes_transparent_for_qt(qgis_app):
    from qgis.PyQt.QtGui import QImage

    rgb = _png(2, 1, 2, [bytes([0, 0, 0, 10, 20, 30])])
    out = with_transparent_zero(rgb)
    assert png_header(out) == (2, 1, 8, 2) and len(out) == len(rgb) + 18  # one tRNS chunk, pixels untouched
    image = QImage.fromData(out, "PNG")
    assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(1, 0).getRgb() == (10, 20, 30, 255)
    grey = _png(2, 1, 0, [bytes([0, 7])])
    image = QImage.fromData(with_transparent_zero(grey), "PNG")
    assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(1, 0).getRgb() == (7, 7, 7, 255)
    grey16 = _png(2, 1, 0, [bytes([0, 0, 1, 0])], depth=16)
    image = QImage.fromData(with_transparent_zero(grey16), "PNG")
    assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(1, 0).alpha() == 255
    rgba = _png(1, 1, 6, [bytes([0, 0, 0, 255])])
    assert with_transparent_zero(rgba) == rgba  # own alpha kept
    assert with_transparent_zero(out) == out  # already marked
    with pytest.raises(PngError):
        with_transparent_zero(b"GIF89a...")
    empty = QImage.fromData(transparent_png(256), "PNG")
    assert (empty.width(), empty.height()) == (256, 256) and empty.pixelColor(128, 128).alpha() == 0


def test_script_problems_name_what_a_live_view_cannot_show():
    assert script_problems(SCRIPT) == []
    float_script = SCRIPT.replace("bands:3", "bands:1, sampleType:'FLOAT32'")
    assert any("FLOAT32" in p for p in script_problems(float_script))
    assert any("5 output bands" in p for p in script_problems(SCRIPT.replace("bands:3", "bands:5")))


# -- the server against localhub ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hub(s3_server, tmp_path_factory):
    from .fixtures_localhub import start_localhub
    from .live_view_scene import COUNT_RULE

    root = tmp_path_factory.mktemp("live-core")
    hub = start_localhub(s3_server, root / "localhub.log", root / "data", fault_injection={"rules": [COUNT_RULE]})
    yield hub
    hub.stop()


@pytest.fixture(scope="module")
def scene(hub, tmp_path_factory):
    from .live_view_scene import build_scene

    scene = build_scene(hub, tmp_path_factory.mktemp("live-core-scene"))
    yield scene
    scene.client.close()


@pytest.fixture
def server(scene):
    events = []
    srv = LiveTileServer(lambda name, cancel: scene.client, on_event=lambda *e: events.append(e)).start()
    srv.events = events
    yield srv
    srv.stop()


def _tile_urls(server, spec, z, centre, n=2):
    (_, x, y), *_ = tiles_for_extent(z, (centre[0], centre[1], centre[0] + 1, centre[1] + 1))
    template = server.url_template(spec)
    return [template.format(z=z, x=x + dx, y=y + dy) for dy in range(n) for dx in range(n)]


def test_server_serves_caches_and_shares_tiles(server, scene, hub):
    from .live_view_scene import BOTH, process_requests_seen, set_faults

    set_faults(hub, [])
    spec = LiveSpec("conn", scene.collection_id, scene.evalscript, *BOTH, "mostRecent")
    urls = _tile_urls(server, spec, 14, scene.centre)
    bodies = [requests.get(u, timeout=60) for u in urls]
    assert [b.status_code for b in bodies] == [200] * 4
    assert all(b.headers["Content-Type"] == "image/png" for b in bodies)
    assert all(png_header(b.content)[:2] == (256, 256) for b in bodies)
    assert server.stats()["process_requests"] == 4 and process_requests_seen(hub) == 4
    again = [requests.get(u, timeout=60).content for u in urls]  # a fresh QGIS session asks the same tiles
    assert again == [b.content for b in bodies]
    stats = server.stats()
    assert stats["cache_hits"] == 4 and stats["process_requests"] == 4 and process_requests_seen(hub) == 4
    # eight renders asking one new tile at once share a single request
    url = _tile_urls(server, spec, 15, scene.centre, 1)[0]
    out = []
    threads = [threading.Thread(target=lambda: out.append(requests.get(url, timeout=60).content)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out)) == 1 and len(out) == 8
    assert process_requests_seen(hub) == 5
    assert server.stats()["shared"] + server.stats()["cache_hits"] - 4 == 7


def test_server_refuses_strangers_and_skips_empty_tiles(server, scene, hub):
    from .live_view_scene import BOTH, process_requests_seen, set_faults

    set_faults(hub, [])
    spec = LiveSpec("conn", scene.collection_id, scene.evalscript, *BOTH)
    url = _tile_urls(server, spec, 14, scene.centre, 1)[0]
    assert requests.get(url.replace(server.key, "x" * len(server.key)), timeout=10).status_code == 403
    assert requests.get(url, headers={"Origin": "http://example.com"}, timeout=10).status_code == 403
    assert requests.get(url, headers={"Sec-Fetch-Mode": "no-cors"}, timeout=10).status_code == 403
    assert requests.get(url, headers={"Host": f"localhost:{server.port}"}, timeout=10).status_code == 403
    assert requests.get(url.replace("/14/", "/3/"), timeout=10).status_code == 404  # x, y beyond zoom 3
    assert server.stats()["refused"] == 5 and process_requests_seen(hub) == 0
    far = lonlat_to_mercator(-60.0, -10.0)
    assert requests.get(_tile_urls(server, spec, 14, far, 1)[0], timeout=10).content == transparent_png()
    coarse = _tile_urls(server, spec, 6, scene.centre, 1)[0]  # ~1700 m per pixel > maxMetersPerPixel
    assert requests.get(coarse, timeout=10).content == transparent_png()
    stats = server.stats()
    assert stats["outside"] == 1 and stats["too_coarse"] == 1 and process_requests_seen(hub) == 0
    assert [e[0] for e in server.events] == ["too_coarse"]
    assert math.isclose(float(server.events[0][2]), scene.collection.max_meters_per_pixel)


def test_server_reports_a_broken_evalscript_once(server, scene, hub):
    from .live_view_scene import process_requests_seen, set_faults

    set_faults(hub, [])
    broken = scene.evalscript.replace("evaluatePixel(s", "evaluatePixel(s) { return nothing; }\nfunction x(s")
    spec = LiveSpec("conn", scene.collection_id, broken)
    bodies = [requests.get(u, timeout=60) for u in _tile_urls(server, spec, 14, scene.centre)]
    assert all(b.status_code == 200 and b.content == transparent_png() for b in bodies)  # QGIS must not retry
    assert process_requests_seen(hub) == 4 and server.stats()["errors"] == 4
    assert len(server.events) == 1 and server.events[0][0] == "error" and "nothing" in server.events[0][2]
    # a 5xx after the retries is transient: 503, nothing cached, asked again next time
    set_faults(hub, [{"method": "POST", "path": "/api/v1/process", "sequence": [{"status": 503}] * 3}])
    spec = LiveSpec("conn", scene.collection_id, scene.evalscript)
    url = _tile_urls(server, spec, 14, scene.centre, 1)[0]
    assert requests.get(url, timeout=60).status_code == 503
    assert requests.get(url, timeout=60).status_code == 200
    assert process_requests_seen(hub) == 4


def test_server_waits_out_rate_limits_and_drops_what_nobody_waits_for(scene, hub):
    from .live_view_scene import BOTH, process_requests_seen, set_faults

    srv = LiveTileServer(lambda name, cancel: scene.client, workers=1).start()
    try:
        spec = LiveSpec("conn", scene.collection_id, scene.evalscript, *BOTH)
        set_faults(
            hub, [{"method": "POST", "path": "/api/v1/process", "sequence": [{"status": 429, "retryAfterMs": 400}]}]
        )
        urls = _tile_urls(srv, spec, 14, scene.centre)
        first = requests.get(urls[0], timeout=60)
        assert first.status_code == 200 and first.content != transparent_png()
        assert process_requests_seen(hub) == 2  # the 429 and the retry after Retry-After
        # a slow service, one worker: tiles QGIS gives up on before a worker is free are never sent
        set_faults(hub, [{"method": "POST", "path": "/api/v1/process", "probability": 1.0, "fault": {"delay": 1.0}}])
        sessions = []
        for url in urls[1:]:
            s = requests.Session()
            sessions.append(s)
            threading.Thread(target=_get_quietly, args=(s, url, 0.3), daemon=True).start()
        _wait(lambda: srv.stats()["client_gone"] == 3, 10)
        _wait(lambda: srv.stats()["inflight"] == 0, 10)
        stats = srv.stats()
        assert stats["dropped"] == 2 and stats["abandoned"] == 1, stats
        assert process_requests_seen(hub) == 1  # only the one a worker had already sent
        assert stats["cache_tiles"] == 2  # the abandoned answer is kept for when the view comes back
    finally:
        srv.stop()


def test_interest_refuses_only_what_a_canvas_left():
    from byoc_qgis.core.live_interest import Interest, qgis_zoom

    (z, x, y), *_ = tiles_for_extent(14, (*lonlat_to_mercator(13.8, 45.0), *lonlat_to_mercator(13.8001, 45.0001)))
    minx, miny, maxx, maxy = tile_bounds(z, x, y)
    now = (14, 14, minx + 10, miny + 10, maxx - 10, maxy - 10)
    span = maxx - minx
    before = (14, 14, minx + 10 * span, miny, maxx + 10 * span, maxy)  # where the canvas was, ten tiles east
    view = Interest((("tok", 0, 20),), (now,), frozenset({"old"}), (before,))
    assert view("tok", z, x, y) and view("tok", z, x + 1, y)  # in view, and the ring QGIS asks for at its edges
    assert not view("tok", z, x + 10, y) and not view("tok", z, x + 11, y)  # the view the canvas left
    assert view("tok", z, x + 5, y) and view("tok", z, x - 20, y)  # never shown (a print layout, a script): served
    assert view("tok", z + 1, 2 * (x + 10), 2 * y)  # another zoom level of the old view: not what it showed
    assert not view("old", z, x, y)  # a token no layer shows any more (the Temporal Controller moved on)
    assert view("other", z, x, y)
    zoomed_in = Interest((("tok", 0, 20),), ((15, 15, minx, miny, maxx, maxy),), frozenset(), (now,))
    assert not zoomed_in("tok", z, x, y) and zoomed_in("tok", z + 1, 2 * x, 2 * y)  # the old level is outdated
    capped = Interest((("tok", 0, 13),), ((15, 15, minx, miny, maxx, maxy),), frozenset(), ((13, 13, *now[2:]),))
    assert capped("tok", 13, x // 2, y // 2)  # a layer limited to zoom 13: QGIS asks for its level 13 tiles
    # QGIS picks the level whose resolution is nearest in metres
    r = tile_resolution(14)
    assert qgis_zoom(r) == 14 and qgis_zoom(r * 0.76) == 14 and qgis_zoom(r * 0.74) == 15 and qgis_zoom(r * 1.4) == 14
    assert qgis_zoom(r * 1.6) == 13


def test_server_answers_outdated_tiles_at_once_and_serves_them_when_asked_again(server, scene, hub):
    from .live_view_scene import BOTH, process_requests_seen, set_faults

    set_faults(hub, [])
    spec = LiveSpec("conn", scene.collection_id, scene.evalscript, *BOTH)
    url = _tile_urls(server, spec, 14, scene.centre, 1)[0]
    asked = []
    server.interest = lambda *tile: asked.append(tile) or False
    first = requests.get(url, timeout=30)
    assert first.status_code == 503 and process_requests_seen(hub) == 0 and server.stats()["outdated"] == 1
    second = requests.get(url, timeout=30)  # a render that does need it asks again
    assert second.status_code == 200 and second.content != transparent_png() and process_requests_seen(hub) == 1
    assert len(asked) == 1 and asked[0][1:] == parse_tile_path(url.split(str(server.port), 1)[1])[2:]


def _get_quietly(session, url, timeout):
    try:
        session.get(url, timeout=timeout)
    except requests.RequestException:
        pass
    finally:
        session.close()


def _wait(cond, timeout):
    import time

    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)
