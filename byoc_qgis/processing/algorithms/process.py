"""Process API request → raster file."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Dict, Optional, Tuple

from osgeo import gdal
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ...core.cog_rules import is_allowed_epsg
from ...core.models import parse_time
from ...core.process import (
    MAX_PX,
    MOSAICKING_ORDERS,
    RESAMPLING,
    DataSource,
    OutputResponse,
    ProcessClient,
    ProcessRequest,
)
from ...translation import tr
from ...wording import worded_text
from ..base import ServiceAlgorithm
from ..crs import epsg_of, wgs84
from ..feedback import FeedbackBridge
from ..parameters import add_evalscript_parameters, advanced, evalscript_from_parameters

__all__ = ["ProcessRequestAlgorithm", "time_range"]

MOSAICKING = list(MOSAICKING_ORDERS)  # the MOSAICKING enum, in the core's order
FORMATS = [("image/tiff", "GTiff", "tif"), ("image/png", "PNG", "png"), ("image/jpeg", "JPEG", "jpg")]


def time_range(start: str, end: str) -> Tuple[Optional[str], Optional[str]]:
    """(from, to) as ISO strings; a date-only ``end`` means the end of that day; one side alone is an error."""
    start, end = (start or "").strip(), (end or "").strip()
    if not start and not end:
        return None, None
    if not start or not end:
        raise QgsProcessingException(tr("Give both TIME_FROM and TIME_TO, or neither (all times)"))
    try:
        begin = parse_time(start, "TIME_FROM")
        finish = parse_time(end + ("T23:59:59.999Z" if len(end) == 10 else ""), "TIME_TO")
    except ValueError as exc:
        raise QgsProcessingException(worded_text(exc)) from None
    if begin > finish:
        raise QgsProcessingException(tr("TIME_FROM {} is after TIME_TO {}").format(start, end))
    return begin.isoformat(), finish.isoformat()


class ProcessRequestAlgorithm(ServiceAlgorithm):
    """Render a collection through the Process API into a georeferenced raster."""

    NAME = "processrequest"
    GROUP = "process"

    def displayName(self) -> str:
        return tr("Process request to raster")

    def help_text(self) -> str:
        return tr(
            "Runs a Process API request on a BYOC collection and writes a georeferenced raster. The extent may be "
            "in any CRS; it is requested in CRS (default: the extent's CRS when the service accepts it, else "
            "EPSG:4326). Give RESOLUTION (in CRS units) or WIDTH and HEIGHT. Requests larger than 2500 px are "
            "split into a grid and mosaicked (GeoTIFF). The evalscript is the given text or file, or generated from "
            "the collection's bands: true/false colour (×SCALE into 0..1, 8-bit), normalized difference of two "
            "bands (float), one band or all bands as they are; for PNG and JPEG, which cannot hold 16-bit or float "
            "samples, the generated script scales the bands by their bit depth into 8-bit instead. TIME_FROM/TIME_TO "
            "limit the tiles used (a date alone means the whole day); MOSAICKING picks which tile is on top."
        )

    def init_parameters(self) -> None:
        self.add_collection_parameter()
        self.addParameter(QgsProcessingParameterExtent("EXTENT", tr("Extent")))
        self.addParameter(QgsProcessingParameterCrs("CRS", tr("Request CRS (optional)"), optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                "RESOLUTION",
                tr("Resolution (CRS units per pixel)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "WIDTH", tr("…or width (px)"), QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "HEIGHT", tr("…and height (px)"), QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=0
            )
        )
        self.addParameter(QgsProcessingParameterString("TIME_FROM", tr("From (ISO 8601 date or time)"), optional=True))
        self.addParameter(QgsProcessingParameterString("TIME_TO", tr("To (ISO 8601 date or time)"), optional=True))
        self.addParameter(
            QgsProcessingParameterEnum(
                "MOSAICKING",
                tr("Mosaicking order"),
                options=[tr("Most recent on top"), tr("Least recent on top")],
                defaultValue=0,
            )
        )
        add_evalscript_parameters(self)
        self.addParameter(
            QgsProcessingParameterEnum("FORMAT", tr("Format"), options=["GeoTIFF", "PNG", "JPEG"], defaultValue=0)
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterEnum("UPSAMPLING", tr("Upsampling"), options=list(RESAMPLING), defaultValue=0)
            )
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterEnum("DOWNSAMPLING", tr("Downsampling"), options=list(RESAMPLING), defaultValue=0)
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", tr("Result")))
        self.addOutput(QgsProcessingOutputNumber("WIDTH_PX", tr("Width (px)")))
        self.addOutput(QgsProcessingOutputNumber("HEIGHT_PX", tr("Height (px)")))
        self.addOutput(QgsProcessingOutputString("REQUEST", tr("Process API request body (JSON)")))

    # -- parameters --------------------------------------------------------------------------------------------
    def _crs(self, parameters, context) -> QgsCoordinateReferenceSystem:
        crs = self.parameterAsCrs(parameters, "CRS", context)
        if not crs.isValid():
            crs = self.parameterAsExtentCrs(parameters, "EXTENT", context)
            if not crs.isValid() or not is_allowed_epsg(epsg_of(crs)):
                crs = wgs84()
        if not is_allowed_epsg(epsg_of(crs)):
            raise QgsProcessingException(
                tr("CRS {} is not accepted by the Process API here; use EPSG:4326, 3857, 3035 or a UTM zone").format(
                    crs.authid() or crs.description()
                )
            )
        return crs

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        crs = self._crs(parameters, context)
        extent = self.parameterAsExtent(parameters, "EXTENT", context, crs)
        if extent.isEmpty():
            raise QgsProcessingException(tr("EXTENT is empty"))
        bbox = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        resolution = self.parameterAsDouble(parameters, "RESOLUTION", context) if parameters.get("RESOLUTION") else 0
        width = self.parameterAsInt(parameters, "WIDTH", context) if parameters.get("WIDTH") else 0
        height = self.parameterAsInt(parameters, "HEIGHT", context) if parameters.get("HEIGHT") else 0
        if resolution and (width or height):
            raise QgsProcessingException(tr("Give RESOLUTION or WIDTH and HEIGHT, not both"))
        if not resolution and not (width and height):
            raise QgsProcessingException(tr("Give RESOLUTION (CRS units per pixel) or both WIDTH and HEIGHT"))
        time_from, time_to = time_range(
            self.parameterAsString(parameters, "TIME_FROM", context),
            self.parameterAsString(parameters, "TIME_TO", context),
        )
        mime, driver, ext = FORMATS[self.parameterAsEnum(parameters, "FORMAT", context)]
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        http = self.connection.http()
        from ...core.byoc import ByocClient

        collection = self.resolve_collection(ByocClient(http), parameters, context, bridge)
        evalscript = evalscript_from_parameters(self, parameters, context, collection, ext)
        source = DataSource(
            collection.id,
            time_from=time_from,
            time_to=time_to,
            mosaicking_order=MOSAICKING[self.parameterAsEnum(parameters, "MOSAICKING", context)],
            upsampling=RESAMPLING[self.parameterAsEnum(parameters, "UPSAMPLING", context)],
            downsampling=RESAMPLING[self.parameterAsEnum(parameters, "DOWNSAMPLING", context)],
        )
        request = ProcessRequest(
            evalscript=evalscript,
            data=[source],
            bbox=bbox,
            crs=epsg_of(crs),
            width=width or None,
            height=height or None,
            resx=resolution or None,
            resy=resolution or None,
            responses=[OutputResponse("default", mime)],
        )
        size = request.size()
        bridge.info(tr("Requesting {} x {} px in {}").format(size[0], size[1], crs.authid()))
        client = ProcessClient(http)
        if mime == "image/tiff":
            client.to_geotiff(request, output, cancel=bridge.cancel, progress=bridge.fraction)
        else:
            if max(size) > MAX_PX:
                raise QgsProcessingException(
                    tr(
                        "{} x {} px is over 2500 px: PNG/JPEG cannot be split, use GeoTIFF or a coarser RESOLUTION"
                    ).format(*size)
                )
            request = replace(request, width=size[0], height=size[1], resx=None, resy=None)
            result = client.process(request, cancel=bridge.cancel)
            _write_georeferenced(result.single(), output, driver, bbox, size, crs)
        body = json.dumps(request.to_dict(), sort_keys=True)  # what was asked, for the layer's metadata; no secret
        return {"OUTPUT": output, "WIDTH_PX": size[0], "HEIGHT_PX": size[1], "REQUEST": body}


def _write_georeferenced(data: bytes, path: str, driver: str, bbox, size, crs) -> None:
    """Write PNG/JPEG bytes to ``path`` with georeferencing (GDAL writes it to a .aux.xml beside the image)."""
    mem_path = f"/vsimem/byoc_process_{id(data)}"
    gdal.FileFromMemBuffer(mem_path, data)
    try:
        src = gdal.Open(mem_path)
        if src is None:
            raise QgsProcessingException(tr("The service's {} answer could not be read").format(driver))
        tmp = gdal.GetDriverByName("MEM").CreateCopy("", src)
        minx, miny, maxx, maxy = bbox
        tmp.SetGeoTransform((minx, (maxx - minx) / size[0], 0.0, maxy, 0.0, -(maxy - miny) / size[1]))
        tmp.SetProjection(crs.toWkt())
        out = gdal.GetDriverByName(driver).CreateCopy(path, tmp)
        if out is None:
            raise QgsProcessingException(tr("Could not write {}: {}").format(path, gdal.GetLastErrorMsg()))
        out = None
    finally:
        gdal.Unlink(mem_path)
