"""An adlake command as an Airflow task; what each exit code makes of the task is in exit_codes.py."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from airflow.sdk import BaseOperator

from adlake_airflow import credentials, settings
from adlake_airflow.exit_codes import handle_exit


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
        if self.arguments[0] == "fetch":
            filled = credentials.with_credentials(env, Path(env["ADLAKE_CONF_DIR"]))
            self.log.info("credentials from the secrets backend: %s", ", ".join(filled) or "none")
        process = subprocess.Popen(
            command, cwd=settings.adlake_home(), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert process.stdout is not None
        for line in process.stdout:
            self.log.info("%s", line.rstrip())
        code = process.wait()
        return handle_exit(code, self.arguments[0], self.skip_when_nothing_to_do, self.log)


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
