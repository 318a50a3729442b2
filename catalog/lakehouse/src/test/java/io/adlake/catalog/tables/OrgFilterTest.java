package io.adlake.catalog.tables;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.model.org.OrgScope;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class OrgFilterTest {

  @Test
  void everyOrgIsTrueWithoutTouchingTheOrgColumn() {
    assertThat(OrgFilter.of(OrgScope.all(), col("no_such_column")).expr().sql()).isEqualTo("true");
  }

  @Test
  void namedOrgsAreOneSortedInListOfLiteralsOnTheGivenColumn() {
    assertThat(
            OrgFilter.of(OrgScope.only("kiwi-retail", "acme-media"), col("t.org_id")).expr().sql())
        .isEqualTo("(t.org_id IN ('acme-media', 'kiwi-retail'))");
  }

  @Test
  void keepsTheRowsOfTheScopesOrgs(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme-media"),
                RowFactory.create("kiwi-retail"),
                RowFactory.create("nova-retail")),
            new StructType().add("org_id", DataTypes.StringType));
    assertThat(orgs(rows.filter(OrgFilter.of(OrgScope.all(), col("org_id")))))
        .containsExactly("acme-media", "kiwi-retail", "nova-retail");
    assertThat(
            orgs(
                rows.filter(
                    OrgFilter.of(OrgScope.only("nova-retail", "acme-media"), col("org_id")))))
        .containsExactly("acme-media", "nova-retail");
    assertThat(orgs(rows.filter(OrgFilter.of(OrgScope.only(), col("org_id")))))
        .as("naming no org")
        .isEmpty();
  }

  private static List<String> orgs(Dataset<Row> rows) {
    return rows.orderBy("org_id").collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
