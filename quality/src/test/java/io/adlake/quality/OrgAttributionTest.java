package io.adlake.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import io.adlake.model.config.CheckSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Whose rows failed a check Deequ failed over the whole table; and when no org can be named. */
@ExtendWith(SharedSpark.class)
class OrgAttributionTest {

  private static final StructType DELIVERY = DeequChecksTest.DELIVERY;

  private static final List<String> GRAIN = List.of("org_id", "report_date", "platform");

  @Test
  void eachFailureIsPinnedOnTheOrgsWhoseRowsFailItWithTheValuesThatFailed(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02", "dv360", 100L, 1.5),
                RowFactory.create("acme", "2026-11-02", "ttd", 50L, -0.5), // a credit
                RowFactory.create("acme", "2026-11-03", "ttd", 50L, -7.25), // and a bigger one
                RowFactory.create("kiwi", "2026-11-02", "dv360", 10L, 0.1),
                RowFactory.create(
                    "kiwi", "2026-11-02", "dv360", 11L, 0.2), // same grain as the row before
                RowFactory.create(
                    "nova", "2026-11-02", "tiktok", 7L, 2.0), // a platform nobody allows
                RowFactory.create(
                    "ghost", "2026-11-02", "meta", 1L, 0.0)), // an org nobody registered
            DELIVERY);
    List<OrgAttribution.Failed> failed =
        List.of(
            new OrgAttribution.Failed(
                "grain(org_id,report_date,platform)", CheckSpec.unique(GRAIN, "error")),
            new OrgAttribution.Failed(
                "non_negative(impressions,cost)",
                spec("non_negative", List.of("impressions", "cost"), List.of())),
            new OrgAttribution.Failed(
                "allowed_values(platform)",
                spec("allowed_values", List.of("platform"), List.of("dv360", "ttd", "meta"))),
            new OrgAttribution.Failed("known_org()", spec("known_org", List.of(), List.of())));

    List<Optional<List<ConstraintOutcome>>> found =
        OrgAttribution.attribute("silver.t", rows, failed, Set.of("acme", "kiwi", "nova"));

    assertThat(found.get(0).orElseThrow())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.orgId()).isEqualTo("kiwi");
              assertThat(o.check()).isEqualTo("grain(org_id,report_date,platform)");
              assertThat(o.message())
                  .isEqualTo(
                      "2 row(s) of org kiwi share 1 key(s) of (org_id,report_date,platform), e.g. 2026-11-02|dv360");
              assertThat(o.holdsOrg()).isTrue();
            });
    assertThat(found.get(1).orElseThrow())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.orgId()).isEqualTo("acme");
              assertThat(o.constraint()).isEqualTo("non_negative(cost) per org");
              assertThat(o.message())
                  .isEqualTo("2 of 3 row(s) of org acme have cost < 0 (lowest -7.25)");
              assertThat(o.metricValue()).isEqualTo(2.0);
            });
    assertThat(found.get(2).orElseThrow())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.orgId()).isEqualTo("nova");
              assertThat(o.message())
                  .isEqualTo(
                      "1 of 1 row(s) of org nova have platform outside [dv360, ttd, meta] (tiktok)");
            });
    assertThat(found.get(3).orElseThrow())
        .singleElement()
        .satisfies(o -> assertThat(o.orgId()).isEqualTo("ghost"));
  }

  @Test
  void aFailureNoOrgCanAnswerForStaysTableWide(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02", "dv360", 100L, 1.0),
                RowFactory.create(null, "2026-11-02", "dv360", null, 1.0), // no org to hold
                RowFactory.create(
                    "kiwi", "2026-11-02", "dv360", 5L, 1.0)), // same date and platform as acme's
            DELIVERY);
    List<OrgAttribution.Failed> failed =
        List.of(
            new OrgAttribution.Failed(
                "complete(impressions)", spec("complete", List.of("impressions"), List.of())),
            new OrgAttribution.Failed(
                "unique(report_date,platform)",
                CheckSpec.unique(List.of("report_date", "platform"), "error")),
            new OrgAttribution.Failed(
                "non_negative(cost)", spec("non_negative", List.of("cost"), List.of())));

    List<Optional<List<ConstraintOutcome>>> found =
        OrgAttribution.attribute("silver.t", rows, failed, Set.of("acme", "kiwi"));

    assertThat(found.get(0)).as("the only incomplete row has no org").isEmpty();
    assertThat(found.get(1)).as("uniqueness across orgs").isEmpty();
    assertThat(found.get(2))
        .as("Deequ failed it, but no org's rows do: keep the table-wide failure")
        .isEmpty();
  }

  @Test
  void rowsWithoutAMatchInTheReferenceArePinnedOnTheirOrg(SparkSession spark) {
    StructType days =
        new StructType()
            .add("org_id", DataTypes.StringType)
            .add("report_date", DataTypes.StringType);
    Dataset<Row> gold =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02"),
                RowFactory.create("kiwi", "2026-11-02"),
                RowFactory.create("kiwi", "2026-11-03")),
            days);
    Dataset<Row> silver =
        spark.createDataFrame(
            List.of(
                RowFactory.create("acme", "2026-11-02"), RowFactory.create("kiwi", "2026-11-02")),
            days);
    CheckSpec references =
        new CheckSpec(
            "references",
            List.of("org_id", "report_date"),
            null,
            "silver.s",
            List.of("org_id", "report_date"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "error");

    Optional<List<ConstraintOutcome>> found =
        OrgAttribution.attributeReferences(
            "gold.g", gold, new OrgAttribution.Failed(references.describe(), references), silver);

    assertThat(found.orElseThrow())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.orgId()).isEqualTo("kiwi");
              assertThat(o.message())
                  .isEqualTo(
                      "1 row(s) of org kiwi have no match in silver.s[org_id, report_date], e.g. 2026-11-03");
            });
  }

  private static CheckSpec spec(String check, List<String> columns, List<String> values) {
    return new CheckSpec(
        check, columns, values, null, null, null, null, null, null, null, null, null, "error");
  }
}
