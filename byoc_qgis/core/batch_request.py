"""Building a Batch v2 request: where outputs go (:class:`S3Delivery`), COG output options (:class:`CogParameters`)
and the whole task request (:class:`BatchRequest`, checked as far as the client can before it is sent)."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Union

from .batch_grids import TILING_GRIDS, TilingGrid
from .batch_paths import FORMAT_EXTENSIONS, validate_template
from .process import ProcessRequest
from .worded import WordedError

COG_RESAMPLING = (
    "nearest",
    "average",
    "gauss",
    "cubic",
    "cubicspline",
    "lanczos",
    "average_magphase",
    "mode",
)


@dataclass
class S3Delivery:
    """Where outputs go: an ``s3://`` prefix or template, and how the service may write there (keys or a role)."""

    url: str
    access_key: str = field(default="", repr=False)
    secret_key: str = field(default="", repr=False)
    iam_role_arn: Optional[str] = None
    region: Optional[str] = None

    def __repr__(self) -> str:
        keys = "set" if self.access_key else "none"
        return f"S3Delivery(url={self.url!r}, keys={keys}, iam_role_arn={self.iam_role_arn!r}, region={self.region!r})"

    @classmethod
    def from_s3_config(cls, url: str, config: Any) -> S3Delivery:
        """A delivery to ``url`` with the keys and region of an :class:`~byoc_qgis.core.s3.S3Config`."""
        return cls(url, config.access_key, config.secret_key, region=config.region or None)

    def to_dict(self) -> Dict[str, Any]:
        """``{"s3": {url, accessKey, secretAccessKey, iamRoleARN, region}}`` (unset fields left out)."""
        if not self.iam_role_arn and not (self.access_key and self.secret_key):
            raise WordedError("batch-delivery-keys")
        s3: Dict[str, Any] = {"url": self.url}
        if self.access_key:
            s3["accessKey"] = self.access_key
            s3["secretAccessKey"] = self.secret_key
        if self.iam_role_arn:
            s3["iamRoleARN"] = self.iam_role_arn
        if self.region:
            s3["region"] = self.region
        return {"s3": s3}


@dataclass
class CogParameters:
    """``output.cogParameters`` (service defaults apply to what is left ``None``)."""

    overview_levels: Optional[List[int]] = None
    overview_min_size: Optional[int] = None
    resampling: Optional[str] = None
    block_x: Optional[int] = None
    block_y: Optional[int] = None
    use_predictor: Optional[bool] = None

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {}
        if self.overview_levels is not None:
            levels = [int(v) for v in self.overview_levels]
            if any(v < 2 for v in levels):
                raise WordedError("batch-overview-levels")
            out["overviewLevels"] = levels
        if self.overview_min_size is not None:
            out["overviewMinSize"] = int(self.overview_min_size)
        if self.resampling is not None:
            if self.resampling not in COG_RESAMPLING:
                raise WordedError("batch-resampling", resampling=self.resampling, choices=", ".join(COG_RESAMPLING))
            out["resamplingAlgorithm"] = self.resampling
        for key, value in (("blockxsize", self.block_x), ("blockysize", self.block_y)):
            if value is not None:
                if int(value) < 16 or int(value) % 16:
                    raise WordedError("batch-block-size", name=key, value=value)
                out[key] = int(value)
        if self.use_predictor is not None:
            out["usePredictor"] = bool(self.use_predictor)
        return out


@dataclass
class BatchRequest:
    """Everything a new batch task needs: the Process request and the tiling-grid input and raster output.

    ``process_request`` is a :class:`~byoc_qgis.core.process.ProcessRequest` or a Process API body (dict); its
    width/height/resolution are dropped (the grid decides them). The area of interest is its bounds.
    """

    process_request: Union[ProcessRequest, Dict[str, Any]]
    grid_id: int
    resolution: float
    delivery: S3Delivery
    buffer_x: int = 0
    buffer_y: int = 0
    cog_output: bool = False
    cog_parameters: Optional[CogParameters] = None
    overwrite: bool = False
    skip_existing: bool = False
    create_collection: bool = False
    collection_id: Optional[str] = None
    description: Optional[str] = None
    instance_type: str = "normal"

    def __repr__(self) -> str:
        return (
            f"BatchRequest(grid_id={self.grid_id}, resolution={self.resolution}, delivery={self.delivery!r}, "
            f"cog_output={self.cog_output}, create_collection={self.create_collection})"
        )

    @property
    def grid(self) -> Optional[TilingGrid]:
        """The grid definition when it is one of the documented grids."""
        return TILING_GRIDS.get(int(self.grid_id))

    def process_body(self) -> Dict[str, Any]:
        """The ``processRequest`` part: the Process body without width/height/resx/resy."""
        if isinstance(self.process_request, ProcessRequest):
            body = self.process_request.to_dict()
        elif isinstance(self.process_request, dict):
            body = copy.deepcopy(self.process_request)
        else:
            raise ValueError("process_request: give a ProcessRequest or a Process API body (dict)")
        output = body.setdefault("output", {})
        for key in ("width", "height", "resx", "resy"):
            output.pop(key, None)
        responses = output.get("responses") or [{"identifier": "default", "format": {"type": "image/tiff"}}]
        output["responses"] = responses
        return body

    def validate(self) -> Dict[str, Any]:
        """Check the request as far as the client can; return the ``processRequest`` part. Raises ValueError."""
        body = self.process_body()
        bounds = (body.get("input") or {}).get("bounds") or {}
        if not bounds.get("bbox") and not bounds.get("geometry"):
            raise WordedError("batch-no-bounds")
        if not (body.get("evalscript") or "").strip():
            raise WordedError("batch-no-evalscript")
        responses = body["output"]["responses"]
        ids = []
        for item in responses:
            mime = (item.get("format") or {}).get("type") or "image/tiff"
            if mime not in FORMAT_EXTENSIONS:
                raise WordedError("batch-output-format", output=item.get("identifier"), mime=mime)
            ids.append(item.get("identifier") or "default")
        if self.grid is not None:
            self.grid.check_resolution(self.resolution)
        elif not float(self.resolution) > 0:
            raise WordedError("batch-resolution")
        for name, value in (("bufferX", self.buffer_x), ("bufferY", self.buffer_y)):
            if not 0 <= int(value) <= 32767:
                raise WordedError("batch-buffer", name=name, value=value)
        validate_template(self.delivery.url, ids)
        if self.create_collection or self.collection_id:
            if not self.cog_output:
                raise WordedError("batch-collection-cog")
            if any((item.get("format") or {}).get("type", "image/tiff") != "image/tiff" for item in responses):
                raise WordedError("batch-collection-tiff")
        if self.create_collection and self.collection_id:
            raise WordedError("batch-collection-both")
        if self.cog_parameters is not None and not self.cog_output:
            raise WordedError("batch-cog-parameters")
        return body

    def to_dict(self) -> Dict[str, Any]:
        """The ``POST /api/v2/batch/process`` body (contains the delivery keys: send it, never log it)."""
        process = self.validate()
        grid_input: Dict[str, Any] = {
            "type": "tiling-grid",
            "id": int(self.grid_id),
            "resolution": float(self.resolution),
        }
        if self.buffer_x:
            grid_input["bufferX"] = int(self.buffer_x)
        if self.buffer_y:
            grid_input["bufferY"] = int(self.buffer_y)
        output: Dict[str, Any] = {"type": "raster", "delivery": self.delivery.to_dict()}
        if self.overwrite:
            output["overwrite"] = True
        if self.skip_existing:
            output["skipExisting"] = True
        if self.cog_output:
            output["cogOutput"] = True
            if self.cog_parameters is not None:
                params = self.cog_parameters.to_dict()
                if params:
                    output["cogParameters"] = params
        if self.create_collection:
            output["createCollection"] = True
        if self.collection_id:
            output["collectionId"] = self.collection_id
        body: Dict[str, Any] = {
            "processRequest": process,
            "input": grid_input,
            "output": output,
            "instanceType": self.instance_type,
        }
        if self.description:
            body["description"] = self.description
        return body
