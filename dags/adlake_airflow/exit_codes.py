"""adlake's exit codes (cli/ExitCodes.java; a test keeps the two in step) and what an Airflow task makes of each.

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
| 10   | refused (write-back, read-only sql)    | failed without retries                            |
| 11   | write-back actions failed on a platform| failed, retried: execute tries them again         |
| 12   | published, some orgs held by a gate    | success, with a warning naming the held orgs      |
| 13   | fetch: credentials refused or unset    | failed without retries: a person must renew them  |
| 14   | fetch: some orgs' reports not fetched  | failed, retried: the retry fetches them again     |
| 15   | fetch: the platform refused the request| failed without retries: a setting must change     |
"""

from __future__ import annotations

from airflow.sdk.exceptions import AirflowException, AirflowFailException, AirflowSkipException

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
    10: "refused: a write-back decision the rules forbid, or a change through read-only adlake sql",
    11: "some approved write-back actions failed or could not be attempted",
    12: "published, but some orgs were held by a gate; main keeps their last rows",
    13: "an org's credentials were refused or are not set; renew them (the other orgs were fetched)",
    14: "some orgs' reports could not be fetched; a later try may work (the other orgs were fetched)",
    15: "a platform refused the request (API version switched off or past its sunset, an unknown field); change what"
    " the message names",
}
GATE_FAILED = 7
PUBLISH_CONFLICT = 8
DECISION_REFUSED = 10
ORGS_HELD = 12
CREDENTIALS_REFUSED = 13
REQUEST_REFUSED = 15
NOT_RETRIED = {2, 3, GATE_FAILED, PUBLISH_CONFLICT, DECISION_REFUSED, CREDENTIALS_REFUSED, REQUEST_REFUSED}


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
