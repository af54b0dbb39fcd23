"""COGify (byoc_qgis.core.cogify): real conversions checked with the BYOC rules and by reading pixels back."""

from __future__ import annotations

import os

import numpy as np
import pytest
from osgeo import gdal

from byoc_qgis.core import cog_rules
from byoc_qgis.core.cogify import CogifyError, CogifyOptions, cogify
from byoc_qgis.core.progress import Cancelled
from tests import fixtures_rasters as fr


def errors_of(path):
    facts, findings = cog_rules.inspect_file(path)
    return facts, [f for f in findings if f.is_error]


def read(path, band=1):
    ds = gdal.Open(path)  # keep the dataset alive while its band is read (GDAL 3.6 bindings)
    return ds.GetRasterBand(band).ReadAsArray()


def test_valid_cog_is_left_untouched(raster_factory, tmp_path):
    src = raster_factory.utm_cog()
    mtime = os.path.getmtime(src)
    res = cogify(src, str(tmp_path / "out"))
    assert res.untouched and res.outputs == {"utm_cog": src}
    assert not (tmp_path / "out").exists()
    assert os.path.getmtime(src) == mtime


@pytest.mark.parametrize("maker", ["no_overviews", "overview_128", "striped", "small_tiles"])
def test_layout_problems_are_fixed_and_pixels_kept(raster_factory, tmp_path, maker):
    src = getattr(raster_factory, maker)()
    assert errors_of(src)[1]
    res = cogify(src, str(tmp_path / "out"))
    (out,) = res.outputs.values()
    assert out == str(tmp_path / "out" / f"{maker}.tif")
    facts, errors = errors_of(out)
    assert errors == []
    ds = gdal.Open(out)
    assert ds.GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE") == "COG"
    assert facts.compression == "DEFLATE" and facts.nodata == [0.0]
    band = ds.GetRasterBand(1)
    assert band.GetBlockSize() == [1024, 1024]
    assert band.GetOverviewCount() >= (1 if max(ds.RasterXSize, ds.RasterYSize) > 1024 else 0)
    np.testing.assert_array_equal(read(out), read(src))
    assert not [p for p in os.listdir(tmp_path / "out") if "part" in p]


def test_jpeg_and_palette_are_recoded(raster_factory, tmp_path):
    for maker in ("jpeg", "palette"):
        src = getattr(raster_factory, maker)()
        res = cogify(src, str(tmp_path / "out" / f"{maker}.tif"))
        out = res.outputs[maker]
        assert errors_of(out)[1] == []
        ds = gdal.Open(out)
        assert ds.GetRasterBand(1).GetColorTable() is None
        np.testing.assert_array_equal(read(out), read(src))
    assert any("colour table" in w for w in res.warnings)


def test_per_band_files(raster_factory, tmp_path):
    src = fr.make_cog(tmp_path / "rgb.tif", bands=3, dtype="Byte", nodata=0)
    res = cogify(src, str(tmp_path / "tile"), CogifyOptions(layout="per-band", band_names=["R", "G", "B"]))
    assert list(res.outputs) == ["R", "G", "B"]
    facts, findings = cog_rules.check_tile(res.outputs)
    assert findings == []
    assert all(f.band_count == 1 for f in facts.values())
    np.testing.assert_array_equal(read(res.outputs["B"]), read(src, 3))


def test_more_than_ten_bands(raster_factory, tmp_path):
    src = raster_factory.chunky()
    assert "chunky-bands" in {f.rule for f in errors_of(src)[1]}
    planar = cogify(src, str(tmp_path / "planar.tif")).outputs["planar"]
    ds = gdal.Open(planar)
    assert ds.RasterCount == 11 and ds.GetMetadataItem("INTERLEAVE", "IMAGE_STRUCTURE") == "BAND"
    assert errors_of(planar)[1] == []
    np.testing.assert_array_equal(read(planar, 11), read(src, 11))
    split = cogify(src, str(tmp_path / "bands"), CogifyOptions(layout="per-band")).outputs
    assert list(split) == [f"B{i:02d}" for i in range(1, 12)]
    assert cog_rules.check_tile(split)[1] == []


def test_planar_big_enough_for_overviews(tmp_path):
    src = fr.mem_dataset(fr.shaped_arrays("collar", 1500, 1100, bands=12), nodata=0)
    path = fr.write_gtiff(tmp_path / "many.tif", src, ("TILED=YES", "INTERLEAVE=PIXEL"))
    out = cogify(path, str(tmp_path / "o.tif"), CogifyOptions(compress="ZSTD")).outputs["o"]
    facts, errors = errors_of(out)
    assert errors == [] and facts.overviews and facts.compression == "ZSTD"


def test_unsupported_type_needs_consent(raster_factory, tmp_path):
    src = raster_factory.data_type()
    with pytest.raises(CogifyError, match="Float64.*output type"):
        cogify(src, str(tmp_path / "o.tif"))
    assert not (tmp_path / "o.tif").exists()
    out = cogify(src, str(tmp_path / "o.tif"), CogifyOptions(convert_unsupported=True)).outputs["o"]
    facts, errors = errors_of(out)
    assert errors == [] and facts.data_type == "Float32"
    i16 = cogify(src, str(tmp_path / "i16.tif"), CogifyOptions(output_type="Int16")).outputs["i16"]
    assert errors_of(i16)[0].data_type == "Int16"


def test_crs_not_allowed_needs_reprojection(raster_factory, tmp_path):
    src = raster_factory.bad_crs()
    with pytest.raises(CogifyError, match="EPSG:2056.*target CRS"):
        cogify(src, str(tmp_path / "o.tif"))
    out = cogify(src, str(tmp_path / "o.tif"), CogifyOptions(target_epsg=4326)).outputs["o"]
    facts, errors = errors_of(out)
    assert errors == [] and facts.epsg == 4326
    assert 5 < facts.bounds[0] < 11 and 45 < facts.bounds[1] < 48  # Switzerland-ish
    with pytest.raises(CogifyError, match="EPSG:2056 is not accepted"):
        cogify(src, str(tmp_path / "x.tif"), CogifyOptions(target_epsg=2056))


def test_reprojection_on_request_and_nodata_set(raster_factory, tmp_path):
    src = fr.make_cog(tmp_path / "nd.tif", nodata=None, kind="full")
    out = cogify(src, str(tmp_path / "o.tif"), CogifyOptions(target_epsg=32632, nodata=0)).outputs["o"]
    facts, errors = errors_of(out)
    assert errors == [] and facts.epsg == 32632 and facts.nodata == [0.0]
    # nodata only: carried into an otherwise identical file
    out2 = cogify(src, str(tmp_path / "o2.tif"), CogifyOptions(nodata=65535)).outputs["o2"]
    assert errors_of(out2)[0].nodata == [65535.0]
    np.testing.assert_array_equal(read(out2), read(src))


def test_categorical_resampling_and_zstd(tmp_path):
    classes = (np.arange(1500 * 1100).reshape(1100, 1500) // 1000 % 5 + 1).astype(np.uint8)
    src = fr.write_gtiff(tmp_path / "lulc.tif", fr.mem_dataset([classes], dtype="Byte", nodata=0))
    out = cogify(src, str(tmp_path / "o.tif"), CogifyOptions(resampling="MODE", compress="ZSTD", level=3))
    path = out.outputs["o"]
    ds = gdal.Open(path)
    ovr = ds.GetRasterBand(1).GetOverview(0).ReadAsArray()
    assert set(np.unique(ovr)) <= {1, 2, 3, 4, 5}  # MODE never invents class values
    assert errors_of(path)[0].compression == "ZSTD"


def test_vrt_input(raster_factory, tmp_path):
    tile = fr.make_tile(tmp_path / "t", stems=("A", "B"))
    gdal.BuildVRT(str(tmp_path / "stack.vrt"), list(tile.values()), separate=True).FlushCache()
    res = cogify(str(tmp_path / "stack.vrt"), str(tmp_path / "out"))
    out = res.outputs["stack"]
    assert errors_of(out)[1] == [] and gdal.Open(out).RasterCount == 2


@pytest.mark.skipif(gdal.GetDriverByName("JP2OpenJPEG") is None, reason="no JP2 driver in this GDAL")
def test_jp2_input(raster_factory, tmp_path):
    src = fr.mem_dataset(fr.shaped_arrays("collar", 600, 500), nodata=0)
    jp2 = str(tmp_path / "s.jp2")
    gdal.Translate(jp2, src, format="JP2OpenJPEG", creationOptions=["QUALITY=100", "REVERSIBLE=YES"])
    out = cogify(jp2, str(tmp_path / "out")).outputs["s"]
    assert errors_of(out)[1] == []
    np.testing.assert_array_equal(read(out), read(jp2))


def test_bad_options_and_inputs(raster_factory, tmp_path):
    src = raster_factory.no_overviews()
    for opts, pattern in (
        (CogifyOptions(compress="JPEG"), "DEFLATE or ZSTD"),
        (CogifyOptions(resampling="CUBIC"), "AVERAGE"),
        (CogifyOptions(blocksize=128), "block size"),
        (CogifyOptions(output_type="Float64"), "not supported"),
        (CogifyOptions(layout="per-band", band_names=["a b"]), "identifier"),
    ):
        with pytest.raises(CogifyError, match=pattern):
            cogify(src, str(tmp_path / "out"), opts)
    with pytest.raises(CogifyError, match="missing.tif"):
        cogify(str(tmp_path / "missing.tif"), str(tmp_path / "out"))
    with pytest.raises(CogifyError, match="no georeferencing"):
        cogify(raster_factory.ungeoreferenced(), str(tmp_path / "out"))
    first = cogify(src, str(tmp_path / "out")).outputs["no_overviews"]
    with pytest.raises(CogifyError, match="exists"):
        cogify(src, str(tmp_path / "out"))
    assert cogify(src, str(tmp_path / "out"), CogifyOptions(overwrite=True)).outputs["no_overviews"] == first


def test_progress_and_cancel_leave_nothing(raster_factory, tmp_path):
    src = fr.make_no_overviews(tmp_path / "big.tif", size=(3000, 2500))
    seen = []
    cogify(src, str(tmp_path / "ok"), progress=lambda f, m: seen.append(f))
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 3
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        cogify(src, str(tmp_path / "cancelled"), CogifyOptions(layout="per-band"), cancel=cancel)
    assert not os.listdir(tmp_path / "cancelled")
