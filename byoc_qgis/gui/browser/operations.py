"""What the Browser's context menus do: connections (the connection dialog), collections (the collection dialog,
the core client and the ``byoc`` algorithms, in tasks), the tiles layer (:func:`~..tiles_open.open_tiles_layer`),
the Process and Add tiles dialogs.

Each operation takes its inputs as arguments or asks through the session's :class:`~.prompts.Prompts`, reports
to the message bar and refreshes the items it changed. Every operation is :func:`~..guard.guarded`: a failure is
a message-bar error, never a traceback.
"""

from __future__ import annotations

from typing import List, Optional

from qgis.core import QgsProject

from ...core.models import Collection
from ...translation import tr, tr_n
from ..collection_dialog import CollectionDialog, create_parameters
from ..connection_dialog import ConnectionDialog
from ..guard import guarded
from ..layer_tree import PROP_COLLECTION_NAME, find_tiles_layer, insert_below_connection
from ..tasks import AlgorithmRun, FunctionTask

__all__ = ["BrowserOperations"]


class BrowserOperations:
    """The context-menu operations of one :class:`~.session.BrowserSession`."""

    def __init__(self, session) -> None:
        self.session = session
        self.notifier = session.notifier  # for @guarded
        self.last_delete: Optional[AlgorithmRun] = None

    @property
    def store(self):
        return self.session.store

    @property
    def runner(self):
        return self.session.runner

    # -- tiles layer ---------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("Add tiles layer"))
    def add_tiles_layer(self, connection: str, collection_id: str, name: Optional[str] = None):
        """Add (or show again) the collection's tiles layer, loaded in the background with live refresh."""
        from ..tiles_open import open_tiles_layer

        return open_tiles_layer(
            connection, collection_id, self.session.iface, collection_name=name, notifier=self.notifier
        )

    # -- connections ---------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("New connection"), retry=False)
    def new_connection(self) -> Optional[str]:
        """The connection dialog; the Browser lists the saved connection. Returns its name."""
        dialog = ConnectionDialog(self.store, self.runner, None, self.session.main_window())
        if dialog.exec() and dialog.saved is not None:
            self.session.refresh_roots()
            return dialog.saved.name
        return None

    @guarded(lambda self: tr("Edit connection"), retry=False)
    def edit_connection(self, name: str) -> Optional[str]:
        """The connection dialog for ``name``; a renamed connection renames its tiles layers' group too."""
        dialog = ConnectionDialog(self.store, self.runner, self.store.load(name), self.session.main_window())
        if not (dialog.exec() and dialog.saved is not None):
            return None
        if dialog.saved.name != name:
            from ..tiles_open import session_registry

            session_registry(self.session.iface).rename_connection(name, dialog.saved.name)
        self.session.refresh_roots()
        return dialog.saved.name

    @guarded(lambda self: tr("Remove connection"), retry=False)
    def remove_connection(self, name: str) -> bool:
        """Remove the saved connection after a confirmation (its credentials stay in the auth database)."""
        if not self.session.prompts.confirm_remove_connection(name):
            return False
        self.store.remove(name)
        self.session.refresh_roots()
        return True

    # -- collections ---------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("New collection"), retry=False)
    def new_collection(self, item) -> Optional[AlgorithmRun]:
        """The collection dialog (bucket checked with the connection's S3 settings), then create it."""
        conn = self.store.load(item.connection)
        dialog = CollectionDialog(None, 0, self.session.main_window(), s3_for_bucket=conn.s3_config, runner=self.runner)
        if not dialog.exec():
            return None
        v = dialog.values()
        return self.create_collection(item, v["name"], v["bucket"], v["bands"], v["band_type"], v["nodata"])

    @guarded(lambda self: tr("New collection"))
    def create_collection(
        self, item, name: str, bucket: str, bands: Optional[List[str]] = None, band_type=("UINT", 16), nodata=None
    ) -> AlgorithmRun:
        """Create a collection under the connection ``item`` with ``byoc:createcollection``; refresh ``item``."""
        conn = self.store.load(item.connection)
        params = create_parameters(conn, name, bucket, bands, band_type, nodata)
        title = tr("New collection {}").format(name)

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.success(title, tr("Created on bucket {}").format(bucket))
                self._changed(item, conn.name)
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))

        return self.runner.run_algorithm("byoc:createcollection", params, done, title)

    @guarded(lambda self: tr("Rename collection"))
    def rename_collection(self, item, new_name: Optional[str] = None) -> Optional[FunctionTask]:
        """Rename the collection of ``item`` (asks for the name when not given) through the core client."""
        col: Collection = item.collection
        title = tr("Rename collection {}").format(col.name)
        new_name = (new_name or "").strip() or self.session.prompts.new_name(title, col.name)
        if not new_name or new_name == col.name:
            return None
        client = self.session.broker.client(item.connection)  # main thread: reads the auth manager
        collection_id = col.id

        def work(task) -> Collection:
            current = client.byoc.get_collection(collection_id, cancel=task.isCanceled)
            current.name = new_name
            client.byoc.update_collection(current, cancel=task.isCanceled)
            return current

        def done(renamed: Collection) -> None:
            self.notifier.success(title, tr("Renamed to {}").format(new_name))
            self._rename_tiles_layer(item.connection, collection_id, col.name, new_name)
            try:
                item.collection = renamed
                item.setName(new_name)
                parent = item.parent()
            except RuntimeError:  # the item is gone (refreshed meanwhile)
                parent = None
            self._changed(parent, item.connection)

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.rename_collection(item, new_name))

        return self.runner.run_function(title, work, done, failed)

    def _rename_tiles_layer(self, connection: str, collection_id: str, old: str, new: str) -> None:
        """The collection's tiles layer takes the new name (unless the user named it otherwise)."""
        layer = find_tiles_layer(connection, collection_id)
        if layer is None:
            return
        layer.setCustomProperty(PROP_COLLECTION_NAME, new)
        if layer.name() == old:
            layer.setName(new)
        from ..tiles_open import session_registry

        ctl = session_registry(self.session.iface).shown(connection, collection_id)
        if ctl is not None:
            ctl.collection_name = new

    @guarded(lambda self: tr("Delete collection"))
    def delete_collection(self, item) -> Optional[FunctionTask]:
        """Count the collection's tiles, confirm, then delete it with ``byoc:deletecollection`` (the S3 files
        stay); its tiles layer leaves the project."""
        col: Collection = item.collection
        connection = item.connection
        client = self.session.broker.client(connection)
        title = tr("Delete collection {}").format(col.name)

        def work(task) -> int:
            return sum(1 for _ in client.byoc.iter_all_tiles(col.id, cancel=task.isCanceled))

        def counted(count: int) -> None:
            if self.session.prompts.confirm_delete_collection(col.name, count):
                self._delete(item, connection, col, title)

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.delete_collection(item))

        return self.runner.run_function(tr("Counting the tiles of {}").format(col.name), work, counted, failed)

    def _delete(self, item, connection: str, col: Collection, title: str) -> AlgorithmRun:
        conn = self.store.load(connection)
        params = {"COLLECTION": col.id, "CONFIRM": True, **conn.algorithm_parameters()}
        try:
            parent = item.parent()
        except RuntimeError:
            parent = None

        def done(run: AlgorithmRun) -> None:
            if not run.ok:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))
                return
            deleted = int(run.results.get("DELETED_TILES") or 0)
            self.notifier.success(
                title,
                tr_n(
                    "Deleted with its %n tile; the S3 files stay",
                    "Deleted with its %n tiles; the S3 files stay",
                    deleted,
                ),
            )
            layer = find_tiles_layer(connection, col.id)
            if layer is not None:
                QgsProject.instance().removeMapLayer(layer.id())
            self._changed(parent, connection)

        self.last_delete = self.runner.run_algorithm("byoc:deletecollection", params, done, title)
        return self.last_delete

    def _changed(self, item, connection: str) -> None:
        """List the connection's collections again (``item``: its Browser item, when still there)."""
        if item is not None:
            try:
                item.refresh()
            except RuntimeError:
                pass
        self.session.collections_changed.emit(connection)

    # -- dialogs -------------------------------------------------------------------------------------------------
    @guarded(lambda self: tr("Process"), retry=False)
    def open_process(self, connection: str, collection: Collection):
        """The (non-modal) Process dialog for the collection; results go below the connection's tiles group."""
        from ..process_dialog import ProcessDialog

        conn = self.store.load(connection)
        iface = self.session.iface
        canvas = iface.mapCanvas() if iface is not None else None
        dialog = ProcessDialog(
            conn,
            collection,
            self.runner,
            self.notifier,
            canvas,
            [],
            lambda layer: insert_below_connection(layer, connection),
            self.session.main_window(),
        )
        return self.session.keep_dialog(dialog)

    @guarded(lambda self: tr("Add tiles"), retry=False)
    def open_add_tiles(self, connection: str, collection: Collection):
        """The (non-modal) Add tiles dialog for the collection; a shown tiles layer watches for the new tiles."""
        from ..add_tiles_dialog import AddTilesDialog
        from ..tiles_open import session_registry

        conn = self.store.load(connection)

        def shown():
            return session_registry(self.session.iface).shown(connection, collection.id)

        def started(_run) -> None:
            ctl = shown()
            if ctl is not None:
                ctl.poke(watch_seconds=3600)

        def finished(_run) -> None:
            ctl = shown()
            if ctl is not None:
                ctl.poke(watch_seconds=5, only=True)

        dialog = AddTilesDialog(
            conn, collection, self.runner, self.notifier, started, finished, self.session.main_window()
        )
        return self.session.keep_dialog(dialog)
