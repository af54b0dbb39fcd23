"""The Browser API differences between QGIS 3.22 and 4.x, detected once: item capabilities and types, and what a
data item provider declares.

* Item capabilities are ``Qgis.BrowserItemCapability`` flags from 3.20 on; ``setCapabilitiesV2`` takes them on
  3.22..3.40 (``setCapabilities`` took the old ints, then the flags from 3.40 on, where V2 is deprecated).
* A provider's capabilities were ``QgsDataProvider.DataCapabilities`` ints up to 3.34 and are
  ``Qgis.DataItemProviderCapabilities`` after.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsDataItem, QgsDataProvider

__all__ = ["CAP", "ITEM_TYPE", "set_capabilities", "provider_capabilities", "POPULATED"]

CAP = Qgis.BrowserItemCapability
ITEM_TYPE = Qgis.BrowserItemType
POPULATED = getattr(Qgis, "BrowserItemState", QgsDataItem).Populated


def set_capabilities(item: QgsDataItem, *flags) -> None:
    """Set ``item``'s capabilities to the union of ``flags`` (``Qgis.BrowserItemCapability``; none: no capability)."""
    value = CAP.NoCapabilities
    for flag in flags:
        value = value | flag
    setter = getattr(item, "setCapabilitiesV2", None) or item.setCapabilities
    setter(Qgis.BrowserItemCapabilities(value) if hasattr(Qgis, "BrowserItemCapabilities") else value)


def provider_capabilities():
    """What a network source's item provider declares (the browser adds its root item when it is not empty)."""
    flags = getattr(Qgis, "DataItemProviderCapability", None)
    if flags is not None:
        return Qgis.DataItemProviderCapabilities(flags.NetworkSources)
    return int(QgsDataProvider.Net)
