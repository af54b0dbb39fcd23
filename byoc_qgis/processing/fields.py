"""Field definitions that work on Qt5 (QVariant types, QGIS 3.22) and newer QGIS (QMetaType types, 3.38+)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional, Sequence, Tuple

from qgis.core import Qgis, QgsField, QgsFields, QgsWkbTypes
from qgis.PyQt.QtCore import QDateTime, Qt

__all__ = ["make_fields", "qdatetime", "WkbType"]

_USE_METATYPE = Qgis.QGIS_VERSION_INT >= 33800

# Geometry types, scoped: Qgis.WkbType from QGIS 3.30 (the only spelling left in QGIS 4), QgsWkbTypes.Type before.
WkbType = Qgis.WkbType if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type

if _USE_METATYPE:
    from qgis.PyQt.QtCore import QMetaType

    _TYPES = {
        "string": QMetaType.Type.QString,
        "int": QMetaType.Type.Int,
        "double": QMetaType.Type.Double,
        "datetime": QMetaType.Type.QDateTime,
        "bool": QMetaType.Type.Bool,
    }
else:  # pragma: no cover - exercised in the 3.22 lane
    from qgis.PyQt.QtCore import QVariant

    _TYPES = {
        "string": QVariant.String,
        "int": QVariant.Int,
        "double": QVariant.Double,
        "datetime": QVariant.DateTime,
        "bool": QVariant.Bool,
    }


def make_fields(spec: Sequence[Tuple[str, str]]) -> QgsFields:
    """``QgsFields`` from ``[(name, kind)]`` with kind in string/int/double/datetime/bool."""
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, _TYPES[kind]))
    return fields


def qdatetime(value: Optional[datetime]) -> Optional[QDateTime]:
    """A UTC ``QDateTime`` from an aware or naive (taken as UTC) datetime; None stays None."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    ms = int(value.replace(tzinfo=timezone.utc).timestamp() * 1000)
    return QDateTime.fromMSecsSinceEpoch(ms, Qt.TimeSpec.UTC)
