"""The "Sentinel Hub BYOC" entry of the QGIS Browser panel: saved connections → collections → tiles layer, and
each connection's batch requests (:mod:`.items`), their context menus (:mod:`.menus`, :mod:`.operations`), and
the provider and drop handler the plugin registers (:class:`.provider.BrowserPanel`)."""

from .provider import BrowserPanel, provider_registered

__all__ = ["BrowserPanel", "provider_registered"]
