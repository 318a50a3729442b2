"""An adlake command as an Airflow task, with adlake's exit codes turned into what Airflow should do.

| exit | adlake meaning                         | task                                              |
|------|----------------------------------------|---------------------------------------------------|
| 0    | done                                   | success                                           |
| 4    | nothing to do (no export for the date) | skipped, where the task allows it (ingest)        |
| 5    | done, some files not ingested          | success, with a warning in the log                |
| 7    | quality gate failed, nothing published | failed without retries: rerunning will not help   |
| 2, 3 | wrong command line or configuration    | failed without retries                            |
| 8    | main moved during the run              | failed without retries: clear silver and after    |
| 1, 6 | crash, rows do not reconcile           | failed, retried                                   |
| 9    | a digest not delivered                 | failed, retried: the retry sends what is untold   |
| 10   | write-back decision refused            | failed without retries                            |
| 11   | write-back actions failed on a platform| failed, retried: execute tries them again         |
| 12   | published, some orgs held by a gate    | success, with a warning naming the held orgs      |
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from datetime import timedelta

from airflow.sdk import BaseOperator
from airflow.sdk.exceptions import AirflowException, AirflowFailException, AirflowSkipException

from adlake_airflow import settings

MEANING = {
    1: "unexpected failure",
    2: "wrong command line",
    3: "configuration missing or invalid",
    4: "input missing or nothing to do",
    5: "some files were not ingested",
    6: "rows written do not reconcile with rows read",
    7: "a quality gate failed; nothing was published",
    8: "main moved during the run; not published",
    9: "a notification could not be delivered; it is sent again next run",
    10: "a write-back decision was refused",
    11: "some approved write-back actions failed or could not be attempted",
    12: "published, but some orgs were held by a gate; main keeps their last rows",
}
GATE_FAILED = 7
PUBLISH_CONFLICT = 8
DECISION_REFUSED = 10
ORGS_HELD = 12
NOT_RETRIED = {2, 3, GATE_FAILED, PUBLISH_CONFLICT, DECISION_REFUSED}


class AdlakeCommandOperator(BaseOperator):
    """Runs `adlake <arguments>` through the ./adlake launcher (java -jar on this worker)."""

    template_fields: Sequence[str] = ("arguments",)
    ui_color = "#d6eaf8"

    def __init__(self, *, arguments: Sequence[str], skip_when_nothing_to_do: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.arguments = list(arguments)
        self.skip_when_nothing_to_do = skip_when_nothing_to_do

    def execute(self, context):
        conf = settings.load()
        command = [str(conf.launcher), *self.arguments, "--profile", conf.profile]
        self.log.info("running %s", " ".join(command))
        env = dict(os.environ)
        env.setdefault("ADLAKE_CONF_DIR", str(settings.conf_dir()))
        process = subprocess.Popen(
            command, cwd=settings.adlake_home(), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert process.stdout is not None
        for line in process.stdout:
            self.log.info("%s", line.rstrip())
        code = process.wait()
        return handle_exit(code, self.arguments[0], self.skip_when_nothing_to_do, self.log)


def handle_exit(code: int, command: str, skip_when_nothing_to_do: bool, log) -> int:
    if code == 0:
        return code
    if code == 4 and skip_when_nothing_to_do:
        raise AirflowSkipException(f"adlake {command}: nothing delivered for this date (exit 4)")
    if code == 5:
        log.warning("adlake %s: done, but some files were not ingested (exit 5); see ops.ingest_manifest", command)
        return code
    if code == ORGS_HELD:
        # The other orgs are published: the DAG run goes on, and the held orgs reach their alert channels
        # through the downstream DAG. A retry would hold them again.
        log.warning(
            "adlake %s: published, but some orgs were held by a gate (exit 12); the held orgs and why are in the"
            " log above and in ops.org_holds (adlake quality report --run R)",
            command,
        )
        return code
    message = f"adlake {command} exited with {code}: {MEANING.get(code, 'unknown exit code')}"
    if code == GATE_FAILED:
        raise AirflowFailException(f"{message}. The run's branch is kept: see `adlake quality report`, ops.job_runs.")
    if code == PUBLISH_CONFLICT:
        raise AirflowFailException(
            f"{message}. The attempt has ended; clear the silver task with its downstream tasks to redo the date."
        )
    if code in NOT_RETRIED:
        raise AirflowFailException(message)
    raise AirflowException(message)


def adlake_task(task_id: str, arguments: Sequence[str], **kwargs) -> BaseOperator:
    """The task that runs an adlake command with the configured runner, retries, timeout and pool."""
    conf = settings.load()
    common = {
        "task_id": task_id,
        "retries": conf.retries,
        "retry_delay": timedelta(minutes=conf.retry_delay_minutes),
        "execution_timeout": timedelta(minutes=conf.execution_timeout_minutes),
        "pool": conf.pool,
        **kwargs,
    }
    if conf.runner == "spark_submit":
        from adlake_airflow.spark_submit import AdlakeSparkSubmitOperator

        return AdlakeSparkSubmitOperator(
            application=conf.spark_application,
            java_class="io.adlake.jobs.cli.AdlakeCli",
            application_args=[*arguments, "--profile", conf.profile],
            conn_id=conf.spark_conn_id,
            conf=conf.spark_conf,
            **common,
        )
    return AdlakeCommandOperator(arguments=arguments, **common)
