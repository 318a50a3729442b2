package io.adlake.transforms.gold.qa;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.adlake.transforms.silver.SetupEntities;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A DV360 line item with its own dates reaching outside its insertion order's flight: those days
 * cannot spend.
 */
final class LineItemOutsideIoFlight extends EntityCheck {
  @Override
  public String id() {
    return "line_item_outside_io_flight";
  }

  @Override
  public String defaultSeverity() {
    return "high";
  }

  @Override
  public String description() {
    return "line item flight reaches outside its insertion order's flight";
  }

  @Override
  public Dataset<Row> findings(QaInputs in) {
    Dataset<Row> ios =
        in.entities()
            .filter(col("entity_type").equalTo(SetupEntities.INSERTION_ORDER))
            .select(
                col("org_id").as("io_org"),
                col("entity_id").as("io_id"),
                col("flight_start").as("io_start"),
                col("flight_end").as("io_end"));
    Dataset<Row> lineItems =
        in.entities()
            .filter(
                col("entity_type")
                    .equalTo(SetupEntities.LINE_ITEM)
                    .and(col("flight_inherited").equalTo(false)))
            .join(
                ios,
                col("org_id")
                    .equalTo(col("io_org"))
                    .and(col("parent_entity_id").equalTo(col("io_id"))));
    return super.findings(new QaInputs(lineItems, in.pacing()));
  }

  @Override
  Column failing() {
    return col("flight_start").lt(col("io_start")).or(col("flight_end").gt(col("io_end")));
  }

  @Override
  Column found() {
    return flight(col("flight_start"), col("flight_end"));
  }

  @Override
  Column expected() {
    return concat(lit("within "), flight(col("io_start"), col("io_end")));
  }
}
