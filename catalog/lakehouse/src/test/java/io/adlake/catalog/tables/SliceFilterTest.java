package io.adlake.catalog.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.execution.SparkSqlParser;
import org.junit.jupiter.api.Test;

class SliceFilterTest {

  @Test
  void groupsOrgsIntoOneInListPerRemainingKey() {
    Date nov2 = Date.valueOf("2026-11-02");
    Date nov3 = Date.valueOf("2026-11-03");
    String sql =
        SliceFilter.of(
                List.of("org_id", "platform", "report_date"),
                List.of(
                    List.of("acme", "dv360", nov2),
                    List.of("kiwi", "dv360", nov2),
                    List.of("acme", "meta", nov3),
                    List.of("acme", "dv360", nov2)),
                "t.")
            .expr()
            .sql();
    assertThat(sql)
        .isEqualTo(
            "((((t.org_id IN ('acme', 'kiwi')) AND (t.platform = 'dv360')) AND (t.report_date = DATE '2026-11-02'))"
                + " OR (((t.org_id IN ('acme')) AND (t.platform = 'meta')) AND (t.report_date = DATE '2026-11-03')))");
  }

  @Test
  void twoThousandOrgsMakeOneTermNotTwoThousand() {
    List<List<Object>> slices = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      slices.add(List.of("org-" + i, Date.valueOf("2026-11-02")));
    }
    String sql = SliceFilter.of(List.of("org_id", "delivery_date"), slices, "").expr().sql();
    assertThat(sql).doesNotContain(" OR ").contains("'org-1999'");
    assertThatThrownBy(() -> SliceFilter.of(List.of("org_id"), List.of(), ""))
        .hasMessage("no slices to match");
  }

  @Test
  void aYearOfDaysIsATreeAboutTenLevelsDeepNotAChainOfHundreds() {
    List<List<Object>> slices = new ArrayList<>();
    for (int day = 0; day < 365; day++) {
      for (String platform : List.of("dv360", "ttd", "meta")) {
        slices.add(List.of("acme", platform, Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(day))));
      }
    }
    Expression condition =
        SliceFilter.of(List.of("org_id", "platform", "report_date"), slices, "t.").expr();

    assertThat(depth(condition)).as("1,095 terms").isLessThanOrEqualTo(16);
    // The SQL text a MERGE is built from parses (a left-deep chain of 1,095 ORs overflowed the
    // parser's stack).
    assertThat(new SparkSqlParser().parseExpression(condition.sql()).sql())
        .isEqualTo(condition.sql());
  }

  private static int depth(Expression e) {
    int deepest = 0;
    for (int i = 0; i < e.children().size(); i++) {
      deepest = Math.max(deepest, depth(e.children().apply(i)));
    }
    return deepest + 1;
  }
}
