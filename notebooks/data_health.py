# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---


# %% [markdown]
# # Data health
#
# What the pipeline kept out and why, what the last run's gates said and whom they held, and how fresh each org's
# sources are: `bronze.quarantine`, `ops.ingest_manifest`, `ops.quality_results`, `ops.job_runs`, `ops.org_holds`.

# %% tags=["parameters"]
ORG = ""  # empty: every org
AS_OF = ""  # yyyy-mm-dd freshness is measured against; empty: the latest delivery date of any org
PLOTS = ""
FIGURES = ""

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from adlake_lakehouse import open_lakehouse, record_figures, save_figure

lake = open_lakehouse()
ops_tables = ["ops.ingest_manifest", "ops.quality_results", "ops.job_runs"]
# ops.org_holds exists once a gate has held an org.
ops_tables += [t for t in ["ops.org_holds"] if t in lake.tables("ops")]
con = lake.duckdb("bronze.quarantine", *ops_tables, org_id=ORG or None)
scope = ORG or "every org"

# %% [markdown]
# ## Quarantine by reason and source
# Each file's rows read = accepted + quarantined (the manifest), and each quarantined row is in
# `bronze.quarantine` with its file, line and reason, until a restated delivery replaces its file.

# %%
manifest = con.execute("select * from ops.ingest_manifest where action <> 'skipped_duplicate'").df()
assert (manifest.rows_read == manifest.rows_accepted + manifest.rows_quarantined).all()
current = con.execute(
    """
    select m.batch_id, any_value(m.rows_quarantined) as counted, count(q.batch_id) as kept
    from ops.ingest_manifest m left join bronze.quarantine q on q.batch_id = m.batch_id
    where m.action <> 'skipped_duplicate'
      and m.batch_id not in (select replaces_batch_id from ops.ingest_manifest where replaces_batch_id is not null)
    group by 1
    """
).df()
assert (current.counted == current.kept).all(), current[current.counted != current.kept]
reasons = con.execute(
    """
    select source, regexp_replace(reason, ': ''.*''$', '') as reason,
           count(*) as rows, count(distinct source_file) as files
    from bronze.quarantine group by all order by rows desc, source
    """
).df()
reasons

# %%
by_source = reasons.pivot_table(index="source", columns="reason", values="rows", aggfunc="sum", fill_value=0)
fig, ax = plt.subplots(figsize=(9, 0.5 * len(by_source) + 2))
by_source.plot.barh(stacked=True, ax=ax, legend=False)
ax.set_xlabel("quarantined rows")
ax.set_title(f"Quarantine by source and reason ({scope})")
ax.legend(by_source.columns.str.slice(0, 60), fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
save_figure(fig, PLOTS, f"quarantine_{ORG or 'all'}")

# %% [markdown]
# ## Gates of the last run, and held orgs

# %%
last_run = con.execute(
    "select run_id from ops.job_runs where step = 'publish' order by finished_at desc limit 1").fetchone()
gates = con.execute(
    """
    select layer, level, status, count(*) as checks
    from ops.quality_results where run_id = ? group by all order by layer desc, level, status
    """,
    [last_run[0] if last_run else ""],
).df()
failed = con.execute(
    "select table_name, org_id, check_name, constraint_name, message from ops.quality_results "
    "where run_id = ? and status = 'failure'",
    [last_run[0] if last_run else ""],
).df()
held = (con.execute("select org_id, table_name, reason, held_since from ops.org_holds").df()
        if "ops.org_holds" in ops_tables else None)
print(f"last published run: {last_run[0] if last_run else 'none'}; failed checks: {len(failed)}; "
      f"held orgs: {0 if held is None else held.org_id.nunique()}")
gates

# %% [markdown]
# ## Freshness per org and source
# Days between each source's latest delivery and the reference date.

# %%
fresh = con.execute(
    """
    select org_id, source, max(delivery_date) as latest_delivery, max(ingested_at) as last_ingested
    from ops.ingest_manifest where action <> 'skipped_duplicate' group by all order by 1, 2
    """
).df()
reference = AS_OF or str(pd.Timestamp(fresh.latest_delivery.max()).date())
fresh["days_behind"] = (pd.Timestamp(reference) - pd.to_datetime(fresh.latest_delivery)).dt.days
grid = fresh.pivot(index="org_id", columns="source", values="days_behind")
fig, ax = plt.subplots(figsize=(1.2 * len(grid.columns) + 2, 0.5 * len(grid) + 1.5))
image = ax.imshow(grid.fillna(-1).values, cmap="RdYlGn_r", vmin=0, vmax=max(3, grid.max().max()))
ax.set_xticks(range(len(grid.columns)), grid.columns)
ax.set_yticks(range(len(grid)), grid.index)
for (y, x), days in np.ndenumerate(grid.values):
    ax.text(x, y, "-" if days != days else int(days), ha="center", va="center")
ax.set_title(f"Days behind {reference}, per org and source")
fig.colorbar(image, ax=ax, shrink=0.8)
save_figure(fig, PLOTS, f"freshness_{ORG or 'all'}")
fresh

# %%
record_figures(FIGURES, {
    "quarantined_rows": int(reasons.rows.sum()),
    "quarantined_by_source": {s: int(n) for s, n in reasons.groupby("source").rows.sum().items()},
    "rows_read": int(manifest.rows_read.sum()),
    "last_run": last_run[0] if last_run else None,
    "gate_checks": int(gates.checks.sum()),
    "failed_checks": len(failed),
    "latest_delivery": {
        f"{r.org_id}/{r.source}": str(pd.Timestamp(r.latest_delivery).date()) for r in fresh.itertuples()
    },
})
