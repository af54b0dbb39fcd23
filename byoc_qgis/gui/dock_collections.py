"""The dock's collection operations: list (server-side search), create, edit, delete, count tiles.

A mixin of :class:`~.dock.ByocDock`: it uses the dock's ``connection()``, ``client()``, ``runner``, ``notifier``,
``collections``, ``list_task`` and widgets (``tree``, ``search``, ``status``) and calls ``_update_buttons()`` and
``_connection_title()``.
Creating, saving edits and deleting run the ``byoc:createcollection`` / ``byoc:updatecollection`` /
``byoc:deletecollection`` algorithms; listing and counting use the core client in tasks.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItem

from ..core.errors import CancelledError
from ..core.models import Collection
from ..core.progress import Cancelled
from ..translation import tr, tr_n
from .collection_dialog import CollectionDialog, create_parameters
from .dock_dialogs import confirm_delete_collection
from .dock_ui import COLUMNS
from .guard import guarded
from .layer_tree import find_tiles_layer
from .notify import error_summary
from .tasks import AlgorithmRun, FunctionTask

__all__ = ["CollectionsMixin"]


def _empty_text(search: Optional[str]) -> str:
    """The empty list's message after a listing: first-run guidance, or that a search found nothing."""
    if search:
        return tr("No collection matches “{}”.").format(search)
    return tr("No collections yet — click + (New collection) below to create one on your S3 bucket.")


class CollectionsMixin:
    """Collections of the active connection in the dock's list, and what can be done with them."""

    def selected_collection(self) -> Optional[Collection]:
        items = self.tree.selectedItems()
        return self.collections.get(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def select_collection(self, collection_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == collection_id:
                self.tree.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    @guarded(lambda self: self._connection_title())
    def refresh_collections(self, select: Optional[str] = None) -> Optional[FunctionTask]:
        """List the collections (server-side search with the search box's text) in the background."""
        conn = self.connection()
        if conn is None:
            return None
        if self.list_task is not None and not self.list_task.done:
            self.list_task.cancel()
        search = self.search.text().strip() or None
        try:
            client = self.client(conn)
        except Exception:
            self.status.setText(tr("Collections could not be listed (see the message bar)."))
            self.empty_state.set_text(tr("The collections could not be listed: see the message bar."))
            raise
        previous = select or (self.selected_collection().id if self.selected_collection() else None)

        def work(task) -> List[Collection]:
            return client.byoc.list_collections(search=search, cancel=task.isCanceled)

        def done(collections: List[Collection]) -> None:
            if self.connection() is None or self.connection().name != conn.name or self.list_task is not listing[0]:
                return
            self._show_collections(collections, previous)
            self.status.setText(tr_n("%n collection on {}", "%n collections on {}", len(collections)).format(conn.name))
            self.empty_state.set_text(_empty_text(search))

        def failed(exc: BaseException) -> None:
            if isinstance(exc, (Cancelled, CancelledError)) or self.list_task is not listing[0]:
                return  # superseded by a newer listing (which says how it went) or cancelled with the dock
            # a short status; the sentence (elided, with Retry / Edit connection) goes to the message bar
            self.status.setText(tr("Collections could not be listed (see the message bar)."))
            self.status.setToolTip(error_summary(exc))
            self.empty_state.set_text(tr("The collections could not be listed: see the message bar."))
            title = tr("Collections of {}").format(conn.name)
            self.notifier.error(title, exc, retry=lambda: self.refresh_collections())

        self.status.setText(tr("Listing collections…"))
        self.empty_state.set_text(tr("Listing collections…"))
        listing: List[Optional[FunctionTask]] = [None]
        self.list_task = listing[0] = self.runner.run_function(tr("Listing BYOC collections"), work, done, failed)
        return self.list_task

    def _show_collections(self, collections: List[Collection], select: Optional[str]) -> None:
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        self.collections = {c.id: c for c in collections if c.id}
        for c in collections:
            created = c.created.strftime("%Y-%m-%d %H:%M") if c.created else ""
            item = QTreeWidgetItem([c.name, c.s3_bucket, ", ".join(c.bands), created])
            item.setData(0, Qt.ItemDataRole.UserRole, c.id)
            item.setToolTip(0, tr("{}\nid {}").format(c.name, c.id))
            for col in range(1, len(COLUMNS)):
                item.setToolTip(col, item.text(col))  # the whole text of an elided cell
            self.tree.addTopLevelItem(item)
        self.tree.setSortingEnabled(True)
        self.tree.sortItems(0, Qt.SortOrder.AscendingOrder)
        self.columns.fit()  # every column in view, long texts elided (their tooltips tell them whole)
        if select:
            self.select_collection(select)
        self._update_buttons()

    @guarded(lambda self: tr("New collection"), retry=False)
    def on_new_collection(self) -> None:
        conn = self.connection()  # the dialog checks the bucket with the connection's S3 settings before OK
        dialog = CollectionDialog(None, 0, self, s3_for_bucket=conn.s3_config if conn else None, runner=self.runner)
        if dialog.exec():
            v = dialog.values()
            self.create_collection(v["name"], v["bucket"], v["bands"], v["band_type"], v["nodata"])

    @guarded(lambda self: tr("New collection"))
    def create_collection(
        self, name: str, bucket: str, bands: Optional[List[str]] = None, band_type=("UINT", 16), nodata=None
    ) -> Optional[AlgorithmRun]:
        """Create a collection with ``byoc:createcollection`` and select it when done."""
        conn = self.connection()
        if conn is None:
            return None
        params = create_parameters(conn, name, bucket, bands, band_type, nodata)
        title = tr("New collection {}").format(name)

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.success(title, tr("Created on bucket {}").format(bucket))
                self.refresh_collections(select=run.results.get("COLLECTION_ID"))
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))

        return self.runner.run_algorithm("byoc:createcollection", params, done, title)

    @guarded(lambda self: tr("Counting tiles"))
    def count_tiles(self, collection: Collection, then: Callable[[int], None]) -> Optional[FunctionTask]:
        """Count a collection's tiles in the background, then call ``then(count)``."""
        client = self.client()
        title = tr("Counting the tiles of {}").format(collection.name)

        def work(task) -> int:
            return sum(1 for _ in client.byoc.iter_all_tiles(collection.id, cancel=task.isCanceled))

        def failed(exc: BaseException) -> None:
            self.notifier.error(title, exc, retry=lambda: self.count_tiles(collection, then))

        return self.runner.run_function(title, work, then, failed)

    @guarded(lambda self: tr("Edit collection"), retry=False)
    def on_edit_collection(self) -> None:
        col = self.selected_collection()
        if col is None:
            return

        def edit(count: int) -> None:
            dialog = CollectionDialog(col, count, self)
            if dialog.exec():
                self.update_collection(dialog.result_collection())

        self.count_tiles(col, edit)

    @guarded(lambda self: tr("Edit collection"))
    def update_collection(self, collection: Collection) -> Optional[AlgorithmRun]:
        """Save the allowed edits of a collection with ``byoc:updatecollection`` and refresh the list."""
        conn = self.connection()
        if conn is None:
            return None
        self.client()  # a connection whose client cannot be built is reported here, like the other actions
        title = tr("Edit collection {}").format(collection.name)
        params: Dict[str, Any] = {
            "COLLECTION": collection.id,
            "NAME": collection.name,
            "BUCKET": collection.s3_bucket,
            "BAND_NAMES": ",".join(collection.bands),
            **conn.algorithm_parameters(),
        }
        if collection.no_data is None:
            params["CLEAR_NODATA"] = True
        else:
            params["NODATA"] = collection.no_data

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                self.notifier.success(title, tr("Saved"))
                self.refresh_collections(select=collection.id)
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))

        return self.runner.run_algorithm("byoc:updatecollection", params, done, title)

    @guarded(lambda self: tr("Delete collection"), retry=False)
    def on_delete_collection(self) -> None:
        col = self.selected_collection()
        if col is None:
            return
        self.count_tiles(col, lambda n: self.delete_collection(col.id, self._confirm_delete, count=n))

    def _confirm_delete(self, name: str, count: int) -> bool:
        return confirm_delete_collection(self, name, count)

    @guarded(lambda self: tr("Delete collection"), retry=False)
    def delete_collection(
        self, collection_id: str, confirm: Callable[[str, int], bool], count: Optional[int] = None
    ) -> Optional[AlgorithmRun]:
        """Delete a collection with ``byoc:deletecollection`` after ``confirm(name, tile_count)``."""
        conn = self.connection()
        col = self.collections.get(collection_id)
        if conn is None or col is None:
            return None
        if not confirm(col.name, count if count is not None else -1):
            return None
        title = tr("Delete collection {}").format(col.name)
        params = {"COLLECTION": collection_id, "CONFIRM": True, **conn.algorithm_parameters()}

        def done(run: AlgorithmRun) -> None:
            if run.ok:
                deleted = int(run.results.get("DELETED_TILES") or 0)
                self.notifier.success(
                    title,
                    tr_n(
                        "Deleted with its %n tile; the S3 files stay",
                        "Deleted with its %n tiles; the S3 files stay",
                        deleted,
                    ),
                )
                layer = find_tiles_layer(conn.name, collection_id)  # its tiles layer goes too
                if layer is not None:
                    QgsProject.instance().removeMapLayer(layer.id())
                self.refresh_collections()
            else:
                self.notifier.error(title, run.error_text() or tr("see the BYOC log"))

        return self.runner.run_algorithm("byoc:deletecollection", params, done, title)
