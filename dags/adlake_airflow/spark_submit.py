"""The spark_submit runner: Airflow's SparkSubmitOperator, telling adlake's exit codes apart as the local runner does.

Imported only when conf/airflow.yaml chooses it, so the local runner does not load the Spark provider.
"""

from __future__ import annotations

from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk.exceptions import AirflowException

from adlake_airflow.exit_codes import handle_exit


class AdlakeSparkSubmitOperator(SparkSubmitOperator):
    """Runs an adlake command with spark-submit.

    In client mode (the driver is the spark-submit process: a local, standalone or YARN-client master) the exit code
    is adlake's, so a gate failure fails without retries and a source with nothing delivered is skipped. In cluster
    mode spark-submit's code only says whether the submission worked, and any failure is retried.
    """

    ui_color = "#d6eaf8"

    def __init__(self, *, skip_when_nothing_to_do: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.skip_when_nothing_to_do = skip_when_nothing_to_do

    def execute(self, context):
        try:
            super().execute(context)
        except AirflowException:
            # The hook words its failure as text; the process it ran has the code.
            process = getattr(self._hook, "_submit_sp", None)
            if process is None or not process.returncode:
                raise
            command = self.application_args[0] if self.application_args else "adlake"
            return handle_exit(process.returncode, command, self.skip_when_nothing_to_do, self.log)
        return 0
