package io.adlake.transforms.gold.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class TaxonomyMartTest {

  @Test
  void checksTheCoveredEntitiesOfOrgsWithAConventionAndKeepsTheOriginalName(SparkSession spark) {
    StructType setupSchema =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("platform", DataTypes.StringType)
            .add("entity_type", DataTypes.StringType)
            .add("entity_id", DataTypes.StringType)
            .add("name", DataTypes.StringType);
    Dataset<Row> setup =
        spark.createDataFrame(
            List.of(
                RowFactory.create(
                    "acme", "dv360", "insertion_order", "io1", "ACME_DE_DISPLAY_AWARENESS_202611"),
                RowFactory.create(
                    "acme", "dv360", "line_item", "li1", "ACME_DE_DISPLAY_AWARNESS_202611_LI1"),
                RowFactory.create("acme", "meta", "ad_set", "s1", "not covered by v1"),
                RowFactory.create(
                    "other", "dv360", "insertion_order", "io9", "no convention for this org")),
            setupSchema);
    Dataset<Row> orgs =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", Date.valueOf("2026-11-10")),
                RowFactory.create("other", Date.valueOf("2026-11-10"))),
            new StructType()
                .add("org_id", DataTypes.StringType)
                .add("as_of_date", DataTypes.DateType));

    List<Row> rows =
        TaxonomyMart.build(
                setup, orgs, Map.of("acme", NamingConvention.of(NamingConventionTest.SPEC)))
            .orderBy("entity_id")
            .collectAsList();

    assertThat(rows).extracting(r -> r.<String>getAs("entity_id")).containsExactly("io1", "li1");
    assertThat(rows.get(0).<Boolean>getAs("is_valid")).isTrue();
    Row li1 = rows.get(1);
    assertThat(li1.<String>getAs("entity_name")).isEqualTo("ACME_DE_DISPLAY_AWARNESS_202611_LI1");
    assertThat(li1.<String>getAs("suggested_name"))
        .isEqualTo("ACME_DE_DISPLAY_AWARENESS_202611_LI1");
    assertThat(li1.<BigDecimal>getAs("suggestion_confidence")).isEqualByComparingTo("0.89");
    assertThat(li1.<String>getAs("taxonomy_version")).isEqualTo("v1");
    Row violation = li1.<scala.collection.Seq<Row>>getAs("violations").apply(0);
    assertThat(violation.<String>getAs("token")).isEqualTo("objective");
    assertThat(violation.<Integer>getAs("position")).isEqualTo(4);
  }
}
