package io.adlake.jobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.SharedSpark;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On the parser adlake's sessions run with: Spark's, wrapped by Iceberg's extensions (CALL, WRITE
 * ORDERED BY).
 */
@ExtendWith(SharedSpark.class)
class ReadOnlyStatementsTest {

  private static final ParserInterface PARSER = SharedSpark.spark().sessionState().sqlParser();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select org_id, sum(media_cost_rc) from silver.delivery_daily group by org_id",
        "with d as (select * from gold.pacing) select count(*) from d",
        "select * from silver.delivery_daily.snapshots",
        "select * from gold.pacing version as of 'main'",
        "show tables in gold",
        "show namespaces",
        "show columns in gold.pacing",
        "show create table gold.pacing",
        "show tblproperties gold.pacing",
        "describe gold.pacing",
        "describe table extended gold.pacing",
        "describe namespace gold",
        "explain select * from gold.pacing",
        "explain insert into gold.pacing select * from gold.pacing",
        "use gold",
        "set",
        "set spark.sql.shuffle.partitions"
      })
  void readsAreAllowed(String sql) throws Exception {
    assertThat(ReadOnlyStatements.refusal(PARSER.parsePlan(sql))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "drop table bronze.meta_insights|DropTable",
        "drop namespace gold cascade|DropNamespace",
        "create table gold.x (a int)|CreateTable",
        "create table gold.x as select 1 as a|CreateTableAsSelect",
        "create view gold.v as select 1|CreateView",
        "create temporary view v as select 1|CreateViewCommand",
        "alter table gold.pacing add column x int|AddColumns",
        "alter table gold.pacing set tblproperties ('a'='b')|SetTableProperties",
        "alter table gold.pacing write ordered by org_id|SetWriteDistributionAndOrdering",
        "insert into gold.pacing select * from gold.pacing|InsertIntoStatement",
        "insert overwrite gold.pacing select * from gold.pacing|InsertIntoStatement",
        "with d as (select * from gold.pacing) insert into gold.pacing select * from d|InsertIntoStatement",
        "merge into gold.pacing t using gold.pacing s on t.org_id = s.org_id when matched then delete|MergeIntoTable",
        "update gold.pacing set budget = 0|UpdateTable",
        "delete from gold.pacing where true|DeleteFromTable",
        "truncate table gold.pacing|TruncateTable",
        "call system.expire_snapshots(table => 'gold.pacing')|CallStatement",
        "call adlake.system.rollback_to_snapshot('gold.pacing', 1)|CallStatement",
        "cache table gold.pacing|CacheTable",
        "refresh table gold.pacing|RefreshTable",
        "add jar /tmp/evil.jar|AddJarsCommand",
        "create temporary function f as 'x.Y'|CreateFunctionCommand",
        "set spark.sql.catalog.adlake.warehouse=/tmp/elsewhere|SetCommand",
        "analyze table gold.pacing compute statistics|AnalyzeTable"
      })
  void changesAreRefusedNamingTheStatement(String caseText) throws Exception {
    String[] parts = caseText.split("\\|");
    assertThat(ReadOnlyStatements.refusal(PARSER.parsePlan(parts[0])))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .contains("(" + parts[1] + ")")
                    .endsWith("changes the lakehouse or the session"));
  }
}
