package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.ParsedLine.Kind.ACCEPTED;
import static io.adlake.transforms.formats.ParsedLine.Kind.QUARANTINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.org.SourceOptions;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TtdDeliveryReportTest {

  private final TtdDeliveryReport format = new TtdDeliveryReport();
  private final SourceOptions german = new SourceOptions("dd/MM/yyyy", ",", null);

  @Test
  void readsADayFirstDecimalCommaSemicolonExport() throws Exception {
    List<ParsedLine> lines = Fixtures.parse(format, "ttd_report_de.csv", german);
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(3);
    ParsedLine first = accepted.get(0);
    assertThat(first.value(format.index("report_date"))).isEqualTo(Date.valueOf("2026-11-02"));
    assertThat(first.value(format.index("impressions"))).isEqualTo(12_345L);
    assertThat(first.value(format.index("advertiser_cost_adv_currency")))
        .isEqualTo(new BigDecimal("123.450000"));
    assertThat(first.value(format.index("media_cost_adv_currency")))
        .isEqualTo(new BigDecimal("80.250000"));
    assertThat(first.value(format.index("total_conversions")))
        .isEqualTo(new BigDecimal("1.500000"));
    // The unknown "Country" column is kept, not dropped.
    assertThat(first.extras()).isEqualTo(Map.of("Country", "US"));
    // Day-first is the org's setting, so 11/02/2026 is the 11th of February: the format cannot tell
    // it is odd.
    assertThat(accepted.get(2).value(format.index("report_date")))
        .isEqualTo(Date.valueOf("2026-02-11"));

    List<ParsedLine> quarantined = Fixtures.of(lines, QUARANTINED);
    assertThat(quarantined)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.lineNumber()).isEqualTo(4);
              assertThat(q.reason())
                  .isEqualTo(
                      "column 'Advertiser Cost (Adv Currency)': not a number (decimal mark ','): '12,34,5'");
            });
  }

  @Test
  void theSameFileReadWithDefaultOptionsQuarantinesEveryDate() throws Exception {
    List<ParsedLine> lines = Fixtures.parse(format, "ttd_report_de.csv", SourceOptions.defaults());
    assertThat(Fixtures.of(lines, ACCEPTED)).isEmpty();
    assertThat(Fixtures.of(lines, QUARANTINED)).hasSize(4);
  }

  @Test
  void prefixedConversionColumnsAreSummedOrChosenByTheOrg() throws Exception {
    // MyReports names a conversion column after the campaign's conversion reporting column: its
    // position or its
    // tracking tag. "01 - Click Conversions" is another metric (clicks only) and is not counted.
    List<ParsedLine> lines =
        Fixtures.parse(format, "ttd_report_conversions.csv", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(2);
    assertThat(accepted.get(0).value(format.index("total_conversions")))
        .isEqualTo(new BigDecimal("6.000000"));
    assertThat(accepted.get(0).value(format.index("conversion_columns")))
        .isEqualTo(
            "01 - Total Click + View Conversions + 02 - Total Click + View Conversions + Purchase Pixel - Total Click + View Conversions");
    assertThat(accepted.get(1).value(format.index("total_conversions")))
        .as("empty cells add nothing")
        .isEqualTo(new BigDecimal("0.000000"));
    assertThat(Fixtures.of(lines, QUARANTINED))
        .singleElement()
        .satisfies(
            q ->
                assertThat(q.reason())
                    .isEqualTo(
                        "column '01 - Total Click + View Conversions': not a number (decimal mark '.'): 'x'"));

    SourceOptions purchasesOnly = new SourceOptions(null, null, null, List.of("Purchase Pixel"));
    ParsedLine chosen =
        Fixtures.of(Fixtures.parse(format, "ttd_report_conversions.csv", purchasesOnly), ACCEPTED)
            .get(0);
    assertThat(chosen.value(format.index("total_conversions")))
        .isEqualTo(new BigDecimal("2.000000"));
    assertThat(chosen.value(format.index("conversion_columns")))
        .isEqualTo("Purchase Pixel - Total Click + View Conversions");

    // The plain column, when the report has it, is the total.
    ParsedLine plain =
        Fixtures.of(Fixtures.parse(format, "ttd_report_de.csv", german), ACCEPTED).get(0);
    assertThat(plain.value(format.index("conversion_columns")))
        .isEqualTo("Total Click + View Conversions");
  }
}
