package io.adlake.transforms.gold.taxonomy;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.taxonomy_results}: every setup entity name of the entity types an org's convention
 * covers, checked against that convention. Orgs without a convention are left out. Conventions are
 * compiled on the driver and shipped to the executors with the task, so a bad pattern fails the job
 * before any row is read.
 */
public final class TaxonomyMart {
  private TaxonomyMart() {}

  public static final StructType VIOLATION =
      new StructType()
          .add("position", DataTypes.IntegerType)
          .add("token", DataTypes.StringType)
          .add("found", DataTypes.StringType)
          .add("expected", DataTypes.StringType)
          .add("problem", DataTypes.StringType);

  public static final StructType SCHEMA =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("platform", DataTypes.StringType)
          .add("entity_type", DataTypes.StringType)
          .add("entity_id", DataTypes.StringType)
          .add("taxonomy_version", DataTypes.StringType)
          .add("entity_name", DataTypes.StringType)
          .add("is_valid", DataTypes.BooleanType)
          .add("violation_count", DataTypes.IntegerType)
          .add("violations", DataTypes.createArrayType(VIOLATION))
          .add("suggested_name", DataTypes.StringType)
          .add("suggestion_confidence", DataTypes.createDecimalType(3, 2))
          .add("checked_on", DataTypes.DateType);

  /**
   * @param setup silver.setup_entities
   * @param orgs {@code org_id, as_of_date} of the orgs in the run
   * @param conventions compiled convention by org id
   */
  public static Dataset<Row> build(
      Dataset<Row> setup, Dataset<Row> orgs, Map<String, NamingConvention> conventions) {
    Map<String, NamingConvention> shipped = Map.copyOf(conventions);
    FlatMapFunction<Row, Row> check =
        row -> {
          NamingConvention convention = shipped.get(row.<String>getAs("org_id"));
          if (convention == null || !convention.appliesTo(row.getAs("entity_type"))) {
            return List.<Row>of().iterator();
          }
          String name = row.getAs("name");
          NameCheck result = convention.check(name);
          List<Row> violations = new ArrayList<>();
          for (Violation v : result.violations()) {
            violations.add(
                RowFactory.create(v.position(), v.token(), v.found(), v.expected(), v.problem()));
          }
          return List.of(
                  RowFactory.create(
                      row.getAs("org_id"),
                      row.getAs("platform"),
                      row.getAs("entity_type"),
                      row.getAs("entity_id"),
                      convention.version(),
                      name,
                      result.valid(),
                      violations.size(),
                      // the row encoder takes a Scala Seq for an array column
                      scala.collection.JavaConverters.asScalaBuffer(violations).toList(),
                      result.suggestion(),
                      result.confidence() == null ? null : BigDecimal.valueOf(result.confidence()),
                      row.getAs("as_of_date")))
              .iterator();
        };
    return setup
        .join(orgs.select("org_id", "as_of_date"), "org_id")
        .select(
            col("org_id"),
            col("platform"),
            col("entity_type"),
            col("entity_id"),
            col("name"),
            col("as_of_date"))
        .flatMap(check, Encoders.row(SCHEMA));
  }
}
