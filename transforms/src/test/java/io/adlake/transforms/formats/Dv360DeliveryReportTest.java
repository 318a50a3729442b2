package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.ParsedLine.Kind.ACCEPTED;
import static io.adlake.transforms.formats.ParsedLine.Kind.FOOTER;
import static io.adlake.transforms.formats.ParsedLine.Kind.QUARANTINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.org.SourceOptions;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dv360DeliveryReportTest {

  private final Dv360DeliveryReport format = new Dv360DeliveryReport();

  @Test
  void readsRowsQuarantinesBadOnesAndSkipsTheFooter() throws Exception {
    List<ParsedLine> lines = Fixtures.parse(format, "dv360_report.csv", SourceOptions.defaults());

    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).extracting(ParsedLine::lineNumber).containsExactly(2L, 3L, 5L);
    ParsedLine first = accepted.get(0);
    assertThat(first.value(format.index("report_date"))).isEqualTo(Date.valueOf("2026-11-02"));
    assertThat(first.value(format.index("impressions"))).isEqualTo(10_000L);
    assertThat(first.value(format.index("media_cost_adv_currency")))
        .isEqualTo(new BigDecimal("40.000000"));
    assertThat(first.value(format.index("total_conversions")))
        .isEqualTo(new BigDecimal("2.500000"));
    // A quoted name with a comma stays one cell.
    assertThat(accepted.get(1).value(format.index("line_item_name")))
        .isEqualTo("Retargeting, 30 days");

    List<ParsedLine> quarantined = Fixtures.of(lines, QUARANTINED);
    assertThat(quarantined).extracting(ParsedLine::lineNumber).containsExactly(4L, 6L, 7L, 8L);
    assertThat(quarantined)
        .extracting(ParsedLine::reason)
        .containsExactly(
            "column 'Impressions': not a whole number (decimal mark '.'): '12O00'",
            "column 'Date': not a date in format yyyy/MM/dd or yyyy-MM-dd: '2026/13/02'",
            "column 'Advertiser Currency': unknown currency code 'EUX'",
            "expected 14 columns, found 13");
    assertThat(quarantined.get(0).rawLine()).contains("3000003,12O00");

    // Totals row, blank line and three metadata lines.
    assertThat(Fixtures.of(lines, FOOTER))
        .extracting(ParsedLine::lineNumber)
        .containsExactly(9L, 10L, 11L, 12L, 13L);
  }

  @Test
  void everyLineOfARealFooterIsFooterAndADataRowAfterItIsNot() throws Exception {
    // The footer of a real DV360 report (CRLF line ends): the notes without a colon and the quoted
    // ones included.
    List<ParsedLine> lines =
        Fixtures.parse(format, "dv360_report_footer.csv", SourceOptions.defaults());
    assertThat(Fixtures.of(lines, ACCEPTED)).hasSize(2);
    assertThat(Fixtures.of(lines, QUARANTINED)).isEmpty();
    assertThat(Fixtures.of(lines, FOOTER))
        .extracting(ParsedLine::lineNumber)
        .containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);

    String stray =
        new String(
                Fixtures.class
                    .getResourceAsStream("/fixtures/dv360_report_footer.csv")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            + "2026/11/02,Acme Brand A,1000001,EUR,IO,2000001,LI,3000009,10,1,0,1.00,1.00,1.00\r\n";
    List<ParsedLine> withStray = new ArrayList<>();
    format
        .parse(
            new ByteArrayInputStream(stray.getBytes(StandardCharsets.UTF_8)),
            SourceOptions.defaults())
        .forEachRemaining(withStray::add);
    assertThat(Fixtures.of(withStray, QUARANTINED))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.lineNumber()).isEqualTo(14L);
              assertThat(l.reason()).isEqualTo("data line after the report footer");
            });
  }

  @Test
  void aWrongHeaderQuarantinesEveryRowWithTheReason() throws Exception {
    String file = "Date,Advertiser ID,Impressions\n2026/11/02,1,10\n2026/11/02,2,20\n";
    List<ParsedLine> lines = new ArrayList<>();
    format
        .parse(new ByteArrayInputStream(file.getBytes()), SourceOptions.defaults())
        .forEachRemaining(lines::add);
    assertThat(lines).hasSize(2).allMatch(l -> l.kind() == QUARANTINED);
    assertThat(lines.get(0).reason())
        .startsWith(
            "file header lacks required column(s) [Advertiser Currency, Insertion Order ID");
  }

  @Test
  void recognisesItsHeader() {
    assertThat(
            format.recognises(
                "Date,Advertiser ID,Advertiser Currency,Insertion Order ID,Line Item ID,Impressions,Clicks,Media Cost (Advertiser Currency)"))
        .isTrue();
    assertThat(format.recognises("{\"account_id\":\"1\"}")).isFalse();
  }
}
