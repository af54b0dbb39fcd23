"""Base classes of the ``byoc`` algorithms: names, groups, help, icon, connection handling and error mapping."""

from __future__ import annotations

import re
from typing import Any, Dict, Optional

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtGui import QIcon

from ..translation import tr
from .connection import (
    S3Settings,
    ServiceConnection,
    add_connection_choice,
    add_connection_parameters,
    add_s3_parameters,
    connection_from_parameters,
    s3_from_parameters,
)
from .crs import pin_parameter_crs
from .feedback import FeedbackBridge, service_errors
from .provider import ICON_PATH

__all__ = [
    "ByocAlgorithm",
    "ServiceAlgorithm",
    "UUID_RE",
    "GROUPS",
    "DOCS_URL",
    "HELP_PAGES",
    "collection_parameter",
    "help_url",
    "help_with_labels",
]

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _group_name(key: str) -> str:
    names = {
        "collections": tr("Collections"),
        "tiles": tr("Tiles"),
        "files": tr("Local files (no service)"),
        "process": tr("Process API"),
    }
    return names[key]


GROUPS = ("collections", "tiles", "files", "process")

#: the user guide (docs/ of the repository named in metadata.txt); each algorithm's help button opens its section
DOCS_URL = "https://github.com/byoc-qgis/byoc_qgis/blob/main/docs/"

#: algorithm name -> (page of docs/ without .md, anchor of its section); tests check every page and anchor exist
HELP_PAGES = {
    "createcollection": ("collections", "create-a-collection"),
    "listcollections": ("collections", "list-collections"),
    "updatecollection": ("collections", "rename-or-change-a-collection"),
    "deletecollection": ("collections", "delete-a-collection"),
    "preflightcheck": ("add-tiles", "check-your-files-first"),
    "createtiles": ("add-tiles", "add-tiles-from-local-files"),
    "createtilesfroms3": ("add-tiles", "add-tiles-from-an-s3-prefix"),
    "tracecover": ("add-tiles", "cover-geometries"),
    "collectiontiles": ("ingestion", "show-the-tiles-of-a-collection"),
    "waitforingestion": ("ingestion", "wait-for-ingestion"),
    "explainfailure": ("ingestion", "explain-a-failure"),
    "reingesttiles": ("ingestion", "reingest-tiles"),
    "updatetiles": ("ingestion", "change-the-sensing-time-or-cover"),
    "retracecover": ("ingestion", "re-trace-covers"),
    "copytiles": ("ingestion", "copy-tiles-to-another-collection"),
    "deletetiles": ("ingestion", "delete-tiles"),
    "processrequest": ("process", "process-an-extent-into-a-raster"),
    "batchcreate": ("batch", "create-a-batch-task"),
    "batchstart": ("batch", "start-a-batch-task"),
    "batchstatus": ("batch", "follow-batch-tasks"),
    "batchwait": ("batch", "wait-for-a-batch-task"),
    "batchstop": ("batch", "stop-a-batch-task"),
    "batchresults": ("batch", "load-the-results"),
    "modelcreatewaitprocess": ("automate", "example-model-create-tiles-wait-process"),
    "modelcreatewaitbatch": ("automate", "example-model-create-tiles-wait-batch"),
}


def help_url(name: str) -> str:
    """The user guide's section about algorithm ``name`` (its index page for a name without a section)."""
    page, anchor = HELP_PAGES.get(name, ("index", ""))
    return f"{DOCS_URL}{page}.md" + (f"#{anchor}" if anchor else "")


_PARAMETER_ID = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b")


def collection_parameter(name: str, description: str, optional: bool = False) -> QgsProcessingParameterString:
    """A collection (id, or its exact name): in the algorithm dialog an editable drop-down of the chosen
    connection's collections (:mod:`.collection_widget`), a plain string from ``qgis_process`` and models."""
    param = QgsProcessingParameterString(name, description, multiLine=False, optional=optional)
    param.setMetadata({"widget_wrapper": {"class": "byoc_qgis.processing.collection_widget.CollectionWidgetWrapper"}})
    return param


def help_with_labels(alg, text: str) -> str:
    """``text`` with every parameter id of ``alg`` (COLLECTION, S3_AUTHCFG, ...) replaced by its label as the dialog
    shows it, in quotes: help texts name what the user sees. Ids of other things (environment variables) stay."""
    labels = {p.name(): p.description() for p in alg.parameterDefinitions()}
    labels.update({o.name(): o.description() for o in alg.outputDefinitions() if o.name() not in labels})

    def label(match) -> str:
        word = match.group(0)
        return f"“{labels[word]}”" if word in labels else word

    return _PARAMETER_ID.sub(label, text)


class ByocAlgorithm(QgsProcessingAlgorithm):
    """Common behaviour: ``NAME`` (the id after ``byoc:``), ``GROUP`` key, a fresh instance per run.

    Subclasses implement ``displayName``, ``shortHelpString``, ``initAlgorithm`` and
    ``run_algorithm(parameters, context, bridge) -> dict``. Errors from core/GDAL become
    ``QgsProcessingException`` carrying the service's message.
    """

    NAME = ""
    GROUP = "tiles"

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return _group_name(self.GROUP)

    def groupId(self) -> str:
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def helpUrl(self) -> str:  # noqa: N802 - QGIS API name
        return help_url(self.name())

    def createInstance(self):
        return type(self)()

    def shortHelpString(self) -> str:
        return help_with_labels(self, self.help_text())

    def help_text(self) -> str:
        """The help, naming parameters by their ids (:meth:`shortHelpString` shows their labels instead)."""
        return ""

    def tags(self):
        return ["byoc", "sentinel hub", "cog"]

    def processAlgorithm(self, parameters: Dict[str, Any], context, feedback) -> Dict[str, Any]:
        bridge = FeedbackBridge(feedback)
        with service_errors(self.displayName()):
            result = self.run_algorithm(parameters, context, bridge)
        feedback.setProgress(100)
        return result

    def run_algorithm(self, parameters: Dict[str, Any], context, bridge: FeedbackBridge) -> Dict[str, Any]:
        raise NotImplementedError

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        # Runs on the main thread: the CRS of each CRS/extent parameter is created here, never first in the
        # worker, whose exit would break QGIS's reprojection of that CRS for the session (see processing.crs)
        pin_parameter_crs(self, parameters, context)
        return True


class ServiceAlgorithm(ByocAlgorithm):
    """An algorithm that talks to Sentinel Hub: connection parameters read in ``prepareAlgorithm``."""

    USES_S3 = False

    def __init__(self) -> None:
        super().__init__()
        self.connection: Optional[ServiceConnection] = None
        self.s3: Optional[S3Settings] = None
        self._prepare_error: Optional[QgsProcessingException] = None

    def initAlgorithm(self, config=None) -> None:
        add_connection_choice(self)  # first: the connection, then what to do with it
        self.init_parameters()
        add_connection_parameters(self)
        if self.USES_S3:
            add_s3_parameters(self)

    def init_parameters(self) -> None:
        """Add the algorithm's own parameters (before the connection ones)."""
        raise NotImplementedError

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        # Runs on the main thread: read the auth manager and QGIS's network settings here. A problem is raised
        # from processAlgorithm instead, so that scripts calling processing.run() get its message (QGIS turns
        # errors raised here into a generic "There were errors executing the algorithm").
        super().prepareAlgorithm(parameters, context, feedback)
        self._prepare_error = None
        try:
            self.connection = connection_from_parameters(self, parameters, context)
            if self.USES_S3:
                self.s3 = s3_from_parameters(self, parameters, context)
        except QgsProcessingException as exc:
            self._prepare_error = exc
        return True

    def processAlgorithm(self, parameters: Dict[str, Any], context, feedback) -> Dict[str, Any]:
        if self._prepare_error is not None:
            raise self._prepare_error
        try:
            return super().processAlgorithm(parameters, context, feedback)
        finally:
            if self.connection is not None:
                self.connection.close()  # the HTTP sessions this run opened

    # -- shared parameters ---------------------------------------------------------------------------------------
    def add_collection_parameter(self, description: Optional[str] = None, name: str = "COLLECTION") -> None:
        """Add a collection parameter (a drop-down of the connection's collections in the dialog)."""
        self.addParameter(collection_parameter(name, description or tr("Collection (id, or its exact name)")))

    def help_text(self) -> str:
        return ""

    def shortHelpString(self) -> str:
        connection = tr(
            "CONNECTION is a connection saved in the Sentinel Hub BYOC panel (deployment, credentials and S3 "
            "settings). The Advanced connection parameters serve qgis_process and models; given with a non-default "
            "value they override the saved connection's."
        )
        parts = (help_with_labels(self, self.help_text()), help_with_labels(self, connection))
        return "\n\n".join(t for t in parts if t)

    def resolve_collection(self, client, parameters, context, bridge: FeedbackBridge, name: str = "COLLECTION"):
        """The ``COLLECTION`` (or ``name``) parameter as a core ``Collection`` (id, or an unambiguous exact name)."""
        value = (self.parameterAsString(parameters, name, context) or "").strip()
        if not value:
            raise QgsProcessingException(tr("{} is empty: give a collection id or name").format(name))
        if UUID_RE.match(value):
            return client.get_collection(value, cancel=bridge.cancel)
        matches = [c for c in client.iter_collections(cancel=bridge.cancel) if c.name == value]
        if not matches:
            raise QgsProcessingException(tr("No collection is named {!r}; give its id instead").format(value))
        if len(matches) > 1:
            ids = ", ".join(c.id or "?" for c in matches)
            raise QgsProcessingException(
                tr("{} collections are named {!r} ({}); give the id").format(len(matches), value, ids)
            )
        return matches[0]
