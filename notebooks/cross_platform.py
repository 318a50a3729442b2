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
# # Cross-platform performance
#
# CPM, CTR and CPA by platform and day for one org, in its reporting currency (`gold.cross_platform_daily`, one
# row per org, day, platform and campaign). A platform's ratio is recomputed from its summed counts and costs, not
# averaged over campaigns: CPM = media cost / impressions x 1000, CTR = clicks / impressions, CPA = media cost /
# conversions.

# %% tags=["parameters"]
ORG = "acme-media"
AS_OF = ""  # yyyy-mm-dd: days up to this one; empty: every day
PLOTS = ""
FIGURES = ""

# %%
import matplotlib.pyplot as plt

from adlake_lakehouse import open_lakehouse, record_figures, save_figure

lake = open_lakehouse()
con = lake.duckdb("gold.cross_platform_daily", "silver.delivery_daily", org_id=ORG)
as_of = AS_OF or str(con.execute("select max(report_date) from gold.cross_platform_daily").fetchone()[0])
by_day = con.execute(
    """
    select report_date, platform, sum(impressions) as impressions, sum(clicks) as clicks,
           sum(conversions) as conversions, sum(media_cost) as media_cost,
           sum(media_cost) / nullif(sum(impressions), 0) * 1000 as cpm,
           sum(clicks) / nullif(sum(impressions), 0) as ctr,
           sum(media_cost) / nullif(sum(conversions), 0) as cpa
    from gold.cross_platform_daily where report_date <= ?::date group by all order by 1, 2
    """,
    [as_of],
).df()
assert not by_day.empty, f"gold.cross_platform_daily has no rows for {ORG}"
currency = con.execute("select any_value(reporting_currency) from gold.cross_platform_daily").fetchone()[0]

# Gold's counts and costs are silver's lines rolled up: the same totals per platform from silver.delivery_daily.
silver = con.execute(
    """
    select platform, sum(impressions) as impressions, sum(clicks) as clicks, sum(media_cost_rc) as media_cost
    from silver.delivery_daily where report_date <= ?::date group by 1
    """,
    [as_of],
).df().set_index("platform")
totals = by_day.groupby("platform")[["impressions", "clicks", "media_cost"]].sum()
for platform, row in totals.iterrows():
    assert int(row.impressions) == int(silver.impressions[platform]), platform
    assert int(row.clicks) == int(silver.clicks[platform]), platform
    assert abs(float(row.media_cost) - float(silver.media_cost[platform])) < 1e-4, platform
totals.assign(cpm=totals.media_cost / totals.impressions * 1000, ctr=totals.clicks / totals.impressions)

# %%
fig, axes = plt.subplots(1, 3, figsize=(14, 3.6))
panels = [("cpm", axes[0], f"CPM ({currency})"), ("ctr", axes[1], "CTR"), ("cpa", axes[2], f"CPA ({currency})")]
for metric, ax, label in panels:
    for platform, rows in by_day.groupby("platform"):
        ax.plot(rows.report_date, rows[metric].astype(float), marker="o", label=platform)
    ax.set_title(label)
    ax.tick_params(axis="x", rotation=45, labelsize=7)
axes[1].yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.2%}"))
axes[0].legend()
fig.suptitle(f"{ORG}: performance by platform, to {as_of}", y=1.04)
save_figure(fig, PLOTS, f"cross_platform_{ORG}")

# %%
record_figures(FIGURES, {
    "as_of": as_of,
    "platforms": sorted(totals.index),
    "impressions": int(totals.impressions.sum()),
    "clicks": int(totals.clicks.sum()),
    "media_cost": round(float(totals.media_cost.sum()), 6),
    "cpm": {p: round(float(r.media_cost / r.impressions * 1000), 6) for p, r in totals.iterrows()},
})
