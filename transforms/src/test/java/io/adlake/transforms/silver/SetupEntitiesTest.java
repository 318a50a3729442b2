package io.adlake.transforms.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adlake.catalog.SharedSpark;
import io.adlake.model.Platform;
import io.adlake.transforms.formats.ExportFormat;
import io.adlake.transforms.formats.FormatField;
import io.adlake.transforms.formats.MetaAdSetsJson;
import io.adlake.transforms.formats.SdfInsertionOrders;
import io.adlake.transforms.formats.SdfLineItems;
import io.adlake.transforms.formats.TtdAdGroupsJson;
import java.sql.Date;
import java.util.Arrays;
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
class SetupEntitiesTest {

  private static final StructType LINEAGE =
      new StructType()
          .add("org_id", DataTypes.StringType)
          .add("delivery_date", DataTypes.DateType)
          .add("batch_id", DataTypes.StringType);

  @Test
  void projectsOntoTheShapeWithLineageAndTypedNullsForWhatAPlatformLacks(SparkSession spark) {
    Dataset<Row> rows =
        spark.createDataFrame(
            List.of(RowFactory.create("o1", Date.valueOf("2026-11-08"), "b1", "ag1")),
            LINEAGE.add("ad_group_id", DataTypes.StringType));

    Dataset<Row> projected =
        SetupEntities.project(
            rows,
            Platform.TTD,
            SetupEntities.AD_GROUP,
            Map.of("entity_id", col("ad_group_id"), "flight_inherited", lit(false)));

    assertThat(projected.schema().fieldNames()).containsExactly(SetupEntities.SHAPE.fieldNames());
    assertThat(projected.schema().apply("budget_segments").dataType())
        .isEqualTo(SetupEntities.SHAPE.apply("budget_segments").dataType());
    Row entity = projected.first();
    assertThat(entity.<String>getAs("platform")).isEqualTo(Platform.TTD.code());
    assertThat(entity.<String>getAs("entity_type")).isEqualTo(SetupEntities.AD_GROUP);
    assertThat(entity.<String>getAs("entity_id")).isEqualTo("ag1");
    assertThat(entity.<Date>getAs("snapshot_date")).isEqualTo(Date.valueOf("2026-11-08"));
    assertThat(entity.<String>getAs("source_batch_id")).isEqualTo("b1");
    assertThat(entity.<Object>getAs("budget_segments")).isNull();
  }

  @Test
  void refusesAColumnOutsideTheShapeOrOneItFillsItself(SparkSession spark) {
    Dataset<Row> rows = spark.createDataFrame(List.of(), LINEAGE);

    assertThatThrownBy(
            () ->
                SetupEntities.project(
                    rows, Platform.META, SetupEntities.AD_SET, Map.of("budget", lit(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
    assertThatThrownBy(
            () ->
                SetupEntities.project(
                    rows, Platform.META, SetupEntities.AD_SET, Map.of("platform", lit("x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyPlatformsEntitiesHaveTheShapesColumnsAndTypes(SparkSession spark) {
    Dataset<Row> zones =
        spark.createDataFrame(
            List.of(),
            new StructType()
                .add("org_id", DataTypes.StringType)
                .add("timezone", DataTypes.StringType));

    for (Dataset<Row> entities :
        List.of(
            SetupEntities.fromSdf(
                bronze(spark, new SdfInsertionOrders()), bronze(spark, new SdfLineItems())),
            SetupEntities.fromTtd(bronze(spark, new TtdAdGroupsJson())),
            SetupEntities.fromMeta(bronze(spark, new MetaAdSetsJson()), zones))) {
      assertThat(columns(entities.schema())).isEqualTo(columns(SetupEntities.SHAPE));
    }
  }

  /** An empty bronze table of the format: lineage and the format's columns. */
  private static Dataset<Row> bronze(SparkSession spark, ExportFormat format) {
    StructType schema = LINEAGE;
    for (FormatField field : format.fields()) {
      schema = schema.add(field.column(), field.type());
    }
    return spark.createDataFrame(List.of(), schema);
  }

  /** Names and types, not nullability: that is each expression's own. */
  private static List<String> columns(StructType schema) {
    return Arrays.stream(schema.fields())
        .map(f -> f.name() + " " + f.dataType().catalogString())
        .toList();
  }
}
