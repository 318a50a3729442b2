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
# # Pacing review
#
# Which budget entities of one org are off pace on the as-of date, where they will end against their budget, and
# how their cumulative spend ran against the ideal line. Reads `gold.pacing` and `silver.delivery_daily` as
# published on main, without Spark (formulas: README "Pacing").

# %% tags=["parameters"]
ORG = "acme-media"
AS_OF = ""  # yyyy-mm-dd; empty: the latest as-of date in gold.pacing
PLOTS = ""  # folder for the PNGs; empty: notebooks/output
FIGURES = ""  # JSON file for the figures shown (the notebook test sets it)

# %%
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from adlake_lakehouse import open_lakehouse, record_figures, save_figure

lake = open_lakehouse()
con = lake.duckdb("gold.pacing", "silver.delivery_daily", org_id=ORG)
as_of = AS_OF or str(con.execute("select max(as_of_date) from gold.pacing").fetchone()[0])
pacing = con.execute("select * from gold.pacing where as_of_date = ?::date", [as_of]).df()
assert not pacing.empty, f"gold.pacing has no rows for {ORG} on {as_of}"
print(f"{ORG}: {len(pacing)} budget entities on {as_of}")
pacing.groupby("status").size().rename("entities").to_frame()

# %% [markdown]
# ## Off pace
# `under` and `over` are outside the org's band around the expected spend to date.

# %%
off = pacing[pacing.status.isin(["under", "over"])].sort_values("pct_ahead_behind")
off[["platform", "entity_type", "entity_name", "status", "pct_ahead_behind", "spend_to_date",
     "expected_spend_to_date", "projected_end_spend", "budget", "required_daily_spend"]]

# %%
fig, ax = plt.subplots(figsize=(9, 0.4 * max(len(off), 2) + 1))
# One bar per entity: names repeat (several booking lines of one opportunity), so each label carries the id too.
rows = range(len(off))
ax.barh(rows, off.budget.astype(float), color="#d9d9d9", label="budget")
ax.barh(rows, off.projected_end_spend.astype(float), height=0.45,
        color=["#c0392b" if s == "over" else "#2471a3" for s in off.status], label="projected end spend")
ax.set_yticks(list(rows), off.entity_type + " " + off.entity_name.str.slice(0, 32) + " (" + off.entity_id + ")",
              fontsize=8)
assert len(ax.patches) == 2 * len(off), "every off-pace entity has its two bars"
ax.set_xlabel(f"{pacing.reporting_currency.iloc[0]}")
ax.set_title(f"{ORG}: off-pace entities on {as_of}, projected end spend against budget")
ax.legend(loc="lower right")
save_figure(fig, PLOTS, f"pacing_projected_{ORG}")

# %% [markdown]
# ## Cumulative spend against the ideal line
# For the line-level entities (DV360 line items, TTD ad groups, Meta ad sets) furthest off pace: spend per day from
# silver, summed over the flight, against even pacing (budget x elapsed days / flight days).

# %%
leaf = {"line_item": "dv360", "ad_group": "ttd", "ad_set": "meta"}
daily = con.execute(
    """
    select p.entity_id, p.entity_type, d.report_date, sum(d.total_media_cost_rc) as spend
    from gold.pacing p join silver.delivery_daily d
      on d.line_item_id = p.entity_id and d.platform = p.platform
     and d.report_date between p.flight_start and p.as_of_date
    where p.as_of_date = ?::date and p.entity_type in ('line_item', 'ad_group', 'ad_set')
    group by all order by 1, 3
    """,
    [as_of],
).df()
daily["cumulative"] = daily.groupby("entity_id").spend.cumsum()

# What the chart shows is what gold says: each line's cumulative spend at the as-of date is its spend_to_date.
at_as_of = daily.groupby("entity_id").cumulative.last()
leaves = pacing[pacing.entity_type.isin(list(leaf))].set_index("entity_id")
for entity_id, row in leaves.iterrows():
    shown = float(at_as_of.get(entity_id, 0))
    assert abs(shown - float(row.spend_to_date)) < 1e-4, (entity_id, shown, row.spend_to_date)
# One-segment entities pace evenly: the ideal line at the as-of date is gold's expected spend to date.
evenly = leaves[(leaves.flight_days > 0) & leaves.budget.notna()]
for entity_id, row in evenly.iterrows():
    ideal = float(row.budget) * row.elapsed_days / row.flight_days
    assert abs(ideal - float(row.expected_spend_to_date)) < 1e-4, (entity_id, ideal, row.expected_spend_to_date)

plotted = evenly.assign(gap=evenly.pct_ahead_behind.abs()).sort_values("gap", ascending=False).head(4)
fig, axes = plt.subplots(1, len(plotted), figsize=(4 * len(plotted), 3.2), squeeze=False)
for ax, (entity_id, row) in zip(axes[0], plotted.iterrows()):
    days = daily[daily.entity_id == entity_id]
    ax.plot(days.report_date, days.cumulative.astype(float), marker="o", label="spend")
    # The ideal runs every day to the as-of date, also the days a line did not deliver.
    span = pd.date_range(row.flight_start, as_of)
    ax.plot(span, float(row.budget) * ((span - pd.Timestamp(row.flight_start)).days + 1) / row.flight_days,
            "--", color="grey", label="ideal")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
    ax.set_title(f"{row.entity_type} {str(row.entity_name)[:24]}\n{row.status} ({row.pct_ahead_behind:+.0f}%)",
                 fontsize=9)
    ax.tick_params(axis="x", rotation=45, labelsize=7)
axes[0][0].legend()
fig.suptitle(f"{ORG}: cumulative spend against the ideal line, to {as_of}", y=1.06)
save_figure(fig, PLOTS, f"pacing_cumulative_{ORG}")

# %%
record_figures(FIGURES, {
    "as_of": as_of,
    "entities": len(pacing),
    "off_pace": len(off),
    "off_pace_projected_end_spend": round(float(off.projected_end_spend.astype(float).sum()), 6),
    "spend_to_date": round(float(pacing.spend_to_date.astype(float).sum()), 6),
})
