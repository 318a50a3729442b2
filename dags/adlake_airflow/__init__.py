"""What the adlake DAGs share: the runner configuration, the operator that runs an adlake command, the assets."""
