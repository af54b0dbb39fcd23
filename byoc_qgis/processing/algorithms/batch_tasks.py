"""Following a batch task: start (or analyse), status table, wait with progress, stop (CONFIRM)."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...core.batch import BatchStatus, BatchTask, wait_for_task
from ...core.errors import CancelledError, TimeoutExpired
from ...translation import tr, tr_n
from ..feedback import FeedbackBridge
from ..fields import WkbType, make_fields, qdatetime
from ..parameters import advanced
from .batch_common import BatchAlgorithm


class BatchStart(BatchAlgorithm):
    """Analyse or start a batch task."""

    NAME = "batchstart"

    def displayName(self) -> str:
        return tr("Start batch task")

    def help_text(self) -> str:
        return tr(
            "Starts a batch task: a new task is analysed and then processed, a stopped one resumes (Sentinel Hub "
            "allows that 30 minutes after the stop). Processing costs processing units. With ANALYSE_ONLY the "
            "service only analyses it (cells and feature manifest), which costs nothing."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean("ANALYSE_ONLY", tr("Only analyse (no processing)"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        client = self.batch_client()
        if self.parameterAsBoolean(parameters, "ANALYSE_ONLY", context):
            client.analyse(tid, cancel=bridge.cancel)
        else:
            client.start(tid, cancel=bridge.cancel)
        task = client.get_task(tid, cancel=bridge.cancel)
        bridge.info(tr("Batch task {}: {}").format(tid, task.status_text))
        return {"TASK_ID": tid, "STATUS": task.status_text}


# -- status ---------------------------------------------------------------------------------------------------------
STATUS_FIELDS = [
    ("task_id", "string"),
    ("status", "string"),
    ("user_action", "string"),
    ("completion", "double"),
    ("cost_pu", "double"),
    ("created", "datetime"),
    ("last_updated", "datetime"),
    ("description", "string"),
    ("grid_id", "int"),
    ("resolution", "double"),
    ("delivery_url", "string"),
    ("collection_id", "string"),
    ("error", "string"),
    ("stopped_reason", "string"),
    ("request", "string"),
]


def _status_feature(fields, task: BatchTask) -> QgsFeature:
    feature = QgsFeature(fields)
    reason = task.stopped_status_reason
    action = task.user_action
    values = {
        "task_id": task.id,
        "status": task.status_text,
        "user_action": action.value if action is not None else "",
        "completion": task.completion_percentage,
        "cost_pu": task.cost_pu,
        "created": qdatetime(task.created),
        "last_updated": qdatetime(task.last_updated),
        "description": task.description,
        "grid_id": task.grid_id,
        "resolution": task.resolution,
        "delivery_url": task.delivery_url or "",
        "collection_id": task.collection_id or "",
        "error": task.error or "",
        "stopped_reason": reason.value if reason is not None else "",
        "request": json.dumps(task.request, sort_keys=True),  # delivery keys masked by the core
    }
    for name, value in values.items():
        if value is not None:
            feature[name] = value
    return feature


class BatchStatusAlgorithm(BatchAlgorithm):
    """One batch task, or every task of the account, as a table."""

    NAME = "batchstatus"

    def displayName(self) -> str:
        return tr("Batch task status")

    def help_text(self) -> str:
        return tr(
            "Writes the status of one batch task (TASK_ID), or of every task of the account (optionally those "
            "matching SEARCH), to a table: status, last action, completion %, processing units spent, dates, "
            "grid, delivery path, error and the request as sent (S3 keys masked)."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter(optional=True)
        self.addParameter(
            QgsProcessingParameterString(
                "SEARCH", tr("Search (words joined by | or &; without a batch task id)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink("OUTPUT", tr("Batch tasks"), QgsProcessing.SourceType.TypeVector)
        )
        self.addOutput(QgsProcessingOutputNumber("COUNT", tr("Tasks")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status (one task)")))
        self.addOutput(QgsProcessingOutputNumber("COMPLETION", tr("Completion % (one task)")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context, required=False)
        search = (self.parameterAsString(parameters, "SEARCH", context) or "").strip() or None
        client = self.batch_client()
        fields = make_fields(STATUS_FIELDS)
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        tasks = (
            [client.get_task(tid, cancel=bridge.cancel)]
            if tid
            else client.iter_tasks(search=search, sort="created:desc", cancel=bridge.cancel)
        )
        count = 0
        last: Optional[BatchTask] = None
        for task in tasks:
            sink.addFeature(_status_feature(fields, task), QgsFeatureSink.Flag.FastInsert)
            count += 1
            last = task
        if tid and last is not None:
            bridge.info(tr("Batch task {}: {}, {:.0f}% done").format(tid, last.status_text, last.completion_percentage))
        else:
            bridge.info(tr_n("%n batch task", "%n batch tasks", count))
        single = tid and last is not None
        return {
            "OUTPUT": dest,
            "COUNT": count,
            "STATUS": last.status_text if single else "",
            "COMPLETION": last.completion_percentage if single else None,
        }


# -- wait -----------------------------------------------------------------------------------------------------------
class BatchWait(BatchAlgorithm):
    """Follow a batch task until it is done (or analysed)."""

    NAME = "batchwait"

    def displayName(self) -> str:
        return tr("Wait for batch task")

    def help_text(self) -> str:
        return tr(
            "Polls a batch task (with backoff, at most every POLL_MAX seconds) and shows its completion percentage "
            "until it is DONE, FAILED or STOPPED (or, with UNTIL = analysis, analysed). Cancelling this algorithm "
            "leaves the task running on the service unless STOP_ON_CANCEL is set: that is your confirmation, given "
            "in advance, that Cancel also stops the task (work done so far is still charged). FAIL_ON_FAILED makes "
            "the algorithm fail (and stops a model) when the task ends FAILED or STOPPED or was never started."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterEnum(
                "UNTIL", tr("Wait until"), options=[tr("Done"), tr("Analysed (cells known)")], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIMEOUT",
                tr("Give up after (seconds; the task keeps running)"),
                QgsProcessingParameterNumber.Type.Double,
                86400,
                False,
                1,
            )  # fmt: skip
        )
        self.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    "POLL_MAX",
                    tr("Longest pause between polls (seconds)"),
                    QgsProcessingParameterNumber.Type.Double,
                    30,
                    False,
                    0.1,
                )  # fmt: skip
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STOP_ON_CANCEL", tr("Cancel also stops the batch task (confirmation)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "FAIL_ON_FAILED", tr("Fail when the task ends FAILED or STOPPED, or was never started"), True
            )
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))
        self.addOutput(QgsProcessingOutputNumber("COMPLETION", tr("Completion %")))
        self.addOutput(QgsProcessingOutputNumber("COST_PU", tr("Processing units spent")))
        self.addOutput(QgsProcessingOutputString("ERROR", tr("Error")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        until = "analysis" if self.parameterAsEnum(parameters, "UNTIL", context) == 1 else "done"
        timeout = self.parameterAsDouble(parameters, "TIMEOUT", context)
        poll_max = self.parameterAsDouble(parameters, "POLL_MAX", context)
        stop_on_cancel = self.parameterAsBoolean(parameters, "STOP_ON_CANCEL", context)
        client = self.batch_client()
        seen = {"status": ""}

        def on_poll(task: BatchTask) -> None:
            if task.status_text != seen["status"]:
                seen["status"] = task.status_text
                bridge.info(tr("Batch task {}: {}").format(tid, task.status_text))

        try:
            task = wait_for_task(
                client,
                tid,
                until=until,
                timeout=timeout,
                progress=bridge.fraction,
                cancel=bridge.cancel,
                initial_delay=min(1.0, poll_max),
                max_delay=poll_max,
                on_poll=on_poll,
            )
        except CancelledError:
            if not stop_on_cancel:
                raise QgsProcessingException(
                    tr(
                        "Cancelled; batch task {} keeps running on the service (stop it with 'Stop batch task', or "
                        "set STOP_ON_CANCEL)"
                    ).format(tid)
                ) from None
            client.stop(tid)  # not cancellable: the user asked for the stop
            task = client.get_task(tid)
            raise QgsProcessingException(
                tr("Cancelled; batch task {} was stopped (STOP_ON_CANCEL): {}").format(tid, task.status_text)
            ) from None
        except TimeoutExpired as exc:
            raise QgsProcessingException(str(exc)) from None
        status = task.status
        expected = BatchStatus.ANALYSIS_DONE if until == "analysis" else BatchStatus.DONE
        reached = status is expected or (until == "analysis" and status is not None and status.is_final)
        if status is BatchStatus.FAILED or status is BatchStatus.STOPPED or not reached:
            if status is BatchStatus.FAILED or status is BatchStatus.STOPPED:
                reason = task.error or (task.stopped_status_reason.value if task.stopped_status_reason else "")
                message = tr("Batch task {} ended {}: {}").format(tid, task.status_text, reason or "-")
            else:
                message = tr("Batch task {} is {} and nobody started it: run 'Start batch task'").format(
                    tid, task.status_text
                )
            if self.parameterAsBoolean(parameters, "FAIL_ON_FAILED", context):
                raise QgsProcessingException(message)
            bridge.warning(message)
        cost = task.cost_pu
        bridge.info(
            tr("Batch task {}: {}, {:.0f}% done, {} PU").format(
                tid, task.status_text, task.completion_percentage, "-" if cost is None else f"{cost:.1f}"
            )
        )
        return {
            "TASK_ID": tid,
            "STATUS": task.status_text,
            "COMPLETION": task.completion_percentage,
            "COST_PU": cost,
            "ERROR": task.error or "",
        }


# -- stop -----------------------------------------------------------------------------------------------------------
class BatchStop(BatchAlgorithm):
    """Stop a batch task (CONFIRM)."""

    NAME = "batchstop"

    def displayName(self) -> str:
        return tr("Stop batch task")

    def help_text(self) -> str:
        return tr(
            "Stops a batch task that is being analysed, waits to be processed or is processing. Cells already "
            "rendered or in progress are kept (and charged); a stopped task can be started again later ('Start "
            "batch task'; Sentinel Hub allows it 30 minutes after the stop). Nothing happens unless CONFIRM is set."
        )

    def init_parameters(self) -> None:
        self.add_task_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean("CONFIRM", tr("I confirm: stop this batch task"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputString("TASK_ID", tr("Batch task id")))
        self.addOutput(QgsProcessingOutputString("STATUS", tr("Status")))

    def run_algorithm(self, parameters, context, bridge: FeedbackBridge) -> Dict[str, Any]:
        tid = self.task_id(parameters, context)
        if not self.parameterAsBoolean(parameters, "CONFIRM", context):
            raise QgsProcessingException(tr("Not stopped: set CONFIRM to stop batch task {}").format(tid))
        client = self.batch_client()
        client.stop(tid, cancel=bridge.cancel)
        task = client.get_task(tid, cancel=bridge.cancel)
        bridge.info(tr("Batch task {}: {} ({:.0f}% done)").format(tid, task.status_text, task.completion_percentage))
        return {"TASK_ID": tid, "STATUS": task.status_text}
