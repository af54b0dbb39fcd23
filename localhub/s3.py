"""S3 access for ingestion, only through GDAL ``/vsis3/`` with per-bucket (path-specific) options."""

from __future__ import annotations

import threading
from typing import List, Optional

from osgeo import gdal

gdal.UseExceptions()


class S3Access:
    """Reads a collection's bucket through ``/vsis3/`` with options set for that bucket only."""

    def __init__(
        self,
        endpoint: str,
        access_key: str,
        secret_key: str,
        region: str = "us-east-1",
        https: bool = False,
        virtual_hosting: bool = False,
    ) -> None:
        self.endpoint = endpoint
        self.region = region
        self._options = {
            "AWS_S3_ENDPOINT": endpoint,
            "AWS_HTTPS": "YES" if https else "NO",
            "AWS_VIRTUAL_HOSTING": "TRUE" if virtual_hosting else "FALSE",
            "AWS_ACCESS_KEY_ID": access_key,
            "AWS_SECRET_ACCESS_KEY": secret_key,
            "AWS_REGION": region,
            "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
            "GDAL_HTTP_MAX_RETRY": "2",
            "GDAL_HTTP_RETRY_DELAY": "0.2",
        }
        self._configured: set = set()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"S3Access(endpoint={self.endpoint!r}, region={self.region!r})"

    def configure_bucket(self, bucket: str) -> str:
        """Set the GDAL options for ``/vsis3/<bucket>`` (once); return that prefix."""
        prefix = f"/vsis3/{bucket}"
        with self._lock:
            if bucket not in self._configured:
                for key, value in self._options.items():
                    gdal.SetPathSpecificOption(prefix, key, value)
                self._configured.add(bucket)
        return prefix

    def vsi_path(self, bucket: str, key: str) -> str:
        """``/vsis3/<bucket>/<key>`` after setting that bucket's options."""
        return f"{self.configure_bucket(bucket)}/{key.lstrip('/')}"

    def clear_cache(self, bucket: str, prefix: str = "") -> None:
        """Forget GDAL's cached listings/headers/blocks below ``prefix`` (files may have been overwritten)."""
        path = self.vsi_path(bucket, prefix) if prefix else self.configure_bucket(bucket)
        gdal.VSICurlPartialClearCache(path)

    def bucket_exists(self, bucket: str) -> bool:
        """Whether the bucket exists and can be listed with localhub's keys."""
        prefix = self.configure_bucket(bucket)
        gdal.VSICurlPartialClearCache(prefix)
        try:
            return gdal.VSIStatL(prefix) is not None
        except RuntimeError:
            return False

    def list_dir(self, bucket: str, folder: str) -> Optional[List[str]]:
        """Names directly inside ``folder`` of the bucket (None when it cannot be listed)."""
        path = self.vsi_path(bucket, folder) if folder else self.configure_bucket(bucket)
        try:
            names = gdal.ReadDir(path)
        except RuntimeError:
            return None
        return list(names) if names is not None else None

    def etag(self, bucket: str, key: str) -> Optional[str]:
        """The object's ETag (with its quotes, as S3 sends it), or None."""
        try:
            headers = gdal.GetFileMetadata(self.vsi_path(bucket, key), "HEADERS") or {}
        except RuntimeError:
            return None
        for name, value in headers.items():
            if name.lower() == "etag":
                return value
        return None
