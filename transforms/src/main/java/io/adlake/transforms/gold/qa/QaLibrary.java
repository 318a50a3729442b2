package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adlake.model.ConfigException;
import io.adlake.model.config.MartSettings;
import io.adlake.model.config.QaCheckSettings;
import io.adlake.transforms.formats.Values;
import io.adlake.transforms.gold.BudgetEntities;
import io.adlake.transforms.gold.GoldInputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.qa_findings}: every enabled check over every org's setup, one row per (entity, check)
 * that fails, with the org's severity for it.
 */
public final class QaLibrary {
  private QaLibrary() {}

  public static final List<QaCheck> CHECKS =
      List.of(
          new NoFrequencyCap(),
          new FlightEndBeforeStart(),
          new FlightEndedWhileActive(),
          new BudgetMissing(),
          new LineItemOutsideIoFlight(),
          new NoRecentDelivery(),
          new SpendOverBudget(),
          new BookingBudgetMismatch());

  private static final StructType SETTINGS =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("check_id", DataTypes.StringType)
          .add("severity", DataTypes.StringType)
          .add("params", DataTypes.createMapType(DataTypes.StringType, Values.AMOUNT));

  /**
   * One row per org and enabled check: {@code org_id, check_id, severity, params}, the check's
   * defaults under the org's own values. Refuses a check id or parameter the library does not know,
   * naming it and the org.
   */
  public static Dataset<Row> settings(SparkSession spark, Map<String, MartSettings> byOrg) {
    List<Row> rows = new ArrayList<>();
    byOrg.forEach(
        (org, settings) -> {
          validate(org, settings.qa());
          for (QaCheck check : CHECKS) {
            QaCheckSettings own =
                settings.qa().getOrDefault(check.id(), new QaCheckSettings(null, null, null));
            if (!own.isEnabled()) {
              continue;
            }
            Map<String, BigDecimal> params = new LinkedHashMap<>(check.parameters());
            params.putAll(own.params());
            rows.add(
                RowFactory.create(
                    org,
                    check.id(),
                    own.severity() == null ? check.defaultSeverity() : own.severity(),
                    params));
          }
        });
    return spark.createDataFrame(rows, SETTINGS);
  }

  static void validate(String org, Map<String, QaCheckSettings> configured) {
    configured.forEach(
        (id, settings) -> {
          QaCheck check =
              CHECKS.stream()
                  .filter(c -> c.id().equals(id))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new ConfigException(
                              "org '" + org + "': unknown QA check '" + id + "'; known: " + ids()));
          for (String param : settings.params().keySet()) {
            if (!check.parameters().containsKey(param)) {
              throw new ConfigException(
                  "org '"
                      + org
                      + "': QA check '"
                      + id
                      + "' has no parameter '"
                      + param
                      + "'; it takes "
                      + new TreeSet<>(check.parameters().keySet()));
            }
          }
        });
  }

  public static List<String> ids() {
    return CHECKS.stream().map(QaCheck::id).toList();
  }

  /**
   * @param pacing this run's {@code gold.pacing} rows
   * @param settings from {@link #settings}
   */
  public static Dataset<Row> findings(GoldInputs in, Dataset<Row> pacing, Dataset<Row> settings) {
    Dataset<Row> paced =
        pacing
            .filter(col("entity_type").notEqual(BudgetEntities.BOOKING_LINE))
            .select(
                col("org_id"),
                col("platform"),
                col("entity_type"),
                col("entity_id"),
                col("budget").as("budget_rc"),
                col("spend_to_date"),
                col("last_delivery_date"),
                col("flight_start").as("paced_flight_start"),
                col("flight_end").as("paced_flight_end"));
    Dataset<Row> entities =
        in.setup()
            .join(in.orgs().select("org_id", "as_of_date"), "org_id")
            .join(paced, new String[] {"org_id", "platform", "entity_type", "entity_id"}, "left");
    Dataset<Row> all = null;
    for (QaCheck check : CHECKS) {
      Dataset<Row> mine = settings.filter(col("check_id").equalTo(check.id()));
      List<Column> paramColumns = new ArrayList<>(List.of(col("org_id")));
      check
          .parameters()
          .keySet()
          .forEach(name -> paramColumns.add(col("params").getItem(name).as("param_" + name)));
      Dataset<Row> params = mine.select(paramColumns.toArray(Column[]::new));
      Dataset<Row> own = mine.select(col("org_id"), col("severity"));
      Dataset<Row> found =
          check
              .findings(
                  new QaInputs(entities.join(params, "org_id"), pacing.join(params, "org_id")))
              .join(own, "org_id")
              .withColumn("check_id", lit(check.id()));
      all = all == null ? found : all.unionByName(found);
    }
    return all.select(
        col("org_id"),
        col("as_of_date"),
        col("platform"),
        col("entity_type"),
        col("entity_id"),
        col("check_id"),
        col("severity"),
        col("entity_name"),
        col("found_value"),
        col("expected_value"),
        col("message"));
  }
}
