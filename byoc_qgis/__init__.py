"""Sentinel Hub BYOC plugin for QGIS.

The package can be imported without QGIS (``byoc_qgis.core`` is used by localhub and scripts): only
``classFactory`` pulls in the QGIS-facing parts.
"""

__all__ = ["classFactory"]


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Entry point called by QGIS (and by ``qgis_process`` with ``iface=None``)."""
    from .plugin import ByocPlugin

    return ByocPlugin(iface)
