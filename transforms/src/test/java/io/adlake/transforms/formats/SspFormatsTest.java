package io.adlake.transforms.formats;

import static io.adlake.transforms.formats.ParsedLine.Kind.ACCEPTED;
import static io.adlake.transforms.formats.ParsedLine.Kind.QUARANTINED;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.Source;
import io.adlake.model.org.SourceOptions;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The sell-side formats on fixtures written from the platforms' documentation: Ad Manager's
 * CSV_DUMP (ReportService ExportFormat: qualified headers, network money in micros, local money as
 * symbol + space + micros, no totals row) and Monetize's report download (decimal units, integer
 * ids, EST5EDT by default).
 */
class SspFormatsTest {

  private final GamReportCsv gam = new GamReportCsv();
  private final MonetizeReportCsv monetize = new MonetizeReportCsv();
  private final SourceOptions berlinEur =
      new SourceOptions(null, null, "Europe/Berlin", null, "EUR");

  @Test
  void gamMicrosBecomeUnitsInTheNetworkCurrencyOrTheSymbolsCurrency() throws Exception {
    List<ParsedLine> lines = Fixtures.parse(gam, "gam_report.csv", berlinEur);
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).extracting(ParsedLine::lineNumber).containsExactly(2L, 3L, 4L);

    ParsedLine deal = accepted.get(0);
    // 1,234,567,890 micros = 1,234.567890 EUR; 1,049,382,706 micros = 1,049.382706 EUR
    assertThat(deal.value(gam.index("gross_revenue"))).isEqualTo(new BigDecimal("1234.567890"));
    assertThat(deal.value(gam.index("net_revenue"))).isEqualTo(new BigDecimal("1049.382706"));
    assertThat(deal.value(gam.index("currency"))).isEqualTo("EUR");
    assertThat(deal.value(gam.index("report_timezone"))).isEqualTo("Europe/Berlin");
    assertThat(deal.value(gam.index("report_date"))).isEqualTo(Date.valueOf("2026-11-07"));
    assertThat(deal.value(gam.index("deal_id"))).isEqualTo("45021971");
    assertThat(deal.value(gam.index("deal_name"))).isEqualTo("Premium Video, Q4");
    assertThat(deal.value(gam.index("buyer_id"))).isEqualTo("5093");
    assertThat(deal.value(gam.index("impressions"))).isEqualTo(120_000L);

    assertThat(accepted.get(1).value(gam.index("deal_id"))).isNull(); // open auction
    assertThat(accepted.get(1).value(gam.index("gross_revenue")))
        .isEqualTo(new BigDecimal("87.500000"));
    // "£ 45250000": a local-currency amount, 45.25 pounds
    assertThat(accepted.get(2).value(gam.index("gross_revenue")))
        .isEqualTo(new BigDecimal("45.250000"));
    assertThat(accepted.get(2).value(gam.index("net_revenue")))
        .isEqualTo(new BigDecimal("36.200000"));
    assertThat(accepted.get(2).value(gam.index("currency"))).isEqualTo("GBP");

    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::lineNumber, ParsedLine::reason)
        .containsExactly(
            Tuple.tuple(
                5L,
                "column 'Column.TOTAL_LINE_ITEM_LEVEL_CPM_AND_CPC_REVENUE': not micros (a whole number, optionally after a currency symbol and a space): '12.5'"),
            Tuple.tuple(
                6L,
                "column 'Column.TOTAL_LINE_ITEM_LEVEL_CPM_AND_CPC_REVENUE': unknown currency symbol 'ƒ': 'ƒ 12500000'"),
            Tuple.tuple(
                7L, "gross revenue is in GBP and net revenue in EUR: one row, one currency"),
            Tuple.tuple(
                8L, "column 'Column.TOTAL_LINE_ITEM_LEVEL_IMPRESSIONS': negative count: '-5'"));
    // Rows read = accepted + quarantined: CSV_DUMP has no totals row and no footer.
    assertThat(lines).hasSize(7);
  }

  @Test
  void aGamRowIsQuarantinedWhenTheOrgDoesNotDeclareTheNetworkTimezoneOrCurrency() throws Exception {
    List<ParsedLine> noZone =
        Fixtures.parse(gam, "gam_report.csv", new SourceOptions(null, null, null, null, "EUR"));
    assertThat(Fixtures.of(noZone, ACCEPTED)).isEmpty();
    assertThat(Fixtures.of(noZone, QUARANTINED))
        .hasSize(7)
        .allSatisfy(
            l ->
                assertThat(l.reason())
                    .isEqualTo(
                        "the org does not declare its Ad Manager network timezone (sources.gam.timezone): the report's days cannot be placed"));

    List<ParsedLine> noCurrency =
        Fixtures.parse(
            gam, "gam_report.csv", new SourceOptions(null, null, "Europe/Berlin", null, null));
    // Only the pounds line says its currency; bare micros are in a currency nobody declared: never
    // guessed.
    assertThat(Fixtures.of(noCurrency, ACCEPTED))
        .extracting(ParsedLine::lineNumber)
        .containsExactly(4L);
    assertThat(Fixtures.of(noCurrency, QUARANTINED).get(0).reason())
        .isEqualTo(
            "column 'Column.TOTAL_LINE_ITEM_LEVEL_CPM_AND_CPC_REVENUE' is in the network currency, which the org does not declare (sources.gam.currency)");
  }

  @Test
  void aDealsReportOfAdExchangesFamilyAloneIsReadAndKeepsItsFamily() throws Exception {
    // A programmatic-deals report made in Ad Manager: Column.AD_EXCHANGE_LINE_ITEM_LEVEL_* only,
    // no TOTAL_LINE_ITEM_LEVEL_* column, and columns bronze does not read (clicks, eCPM).
    List<ParsedLine> lines = Fixtures.parse(gam, "gam_deals_report.csv", berlinEur);
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).extracting(ParsedLine::lineNumber).containsExactly(2L, 3L, 4L);
    ParsedLine deal = accepted.get(0);
    assertThat(deal.value(gam.index("metric_family"))).isEqualTo("ad_exchange");
    assertThat(deal.value(gam.index("impressions"))).isEqualTo(118_000L);
    assertThat(deal.value(gam.index("net_revenue"))).isEqualTo(new BigDecimal("1032.450000"));
    assertThat(deal.value(gam.index("gross_revenue"))).isNull(); // Ad Exchange revenue is net
    assertThat(deal.value(gam.index("buyer_id"))).isEqualTo("5093");
    assertThat(deal.value(gam.index("currency"))).isEqualTo("EUR");
    assertThat(accepted.get(2).value(gam.index("currency"))).isEqualTo("GBP");
    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::lineNumber, ParsedLine::reason)
        .containsExactly(
            Tuple.tuple(
                5L,
                "column 'Column.AD_EXCHANGE_LINE_ITEM_LEVEL_REVENUE': not micros (a whole number, optionally after a currency symbol and a space): '1234.56'"));
    assertThat(lines).hasSize(4);

    // adlake's own query asks for the total family: it wins over Ad Exchange's.
    ParsedLine total =
        Fixtures.of(Fixtures.parse(gam, "gam_report.csv", berlinEur), ACCEPTED).get(0);
    assertThat(total.value(gam.index("metric_family"))).isEqualTo("total");
    assertThat(total.value(gam.index("impressions"))).isEqualTo(120_000L);
  }

  @Test
  void aReportOfAnotherFamilyIsReadFromItsOwnColumnsAndOneWithoutAnyIsRefusedWhole()
      throws Exception {
    String adServer =
        "Dimension.DATE,Dimension.AD_UNIT_ID,Column.AD_SERVER_IMPRESSIONS,Column.AD_SERVER_CPM_AND_CPC_REVENUE\n"
            + "2026-11-07,21700481,5000,42000000\n";
    List<ParsedLine> read = Fixtures.parseText(gam, adServer, berlinEur);
    assertThat(Fixtures.of(read, ACCEPTED))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.value(gam.index("metric_family"))).isEqualTo("ad_server");
              assertThat(line.value(gam.index("impressions"))).isEqualTo(5_000L);
              assertThat(line.value(gam.index("gross_revenue")))
                  .isEqualTo(new BigDecimal("42.000000"));
            });

    String clicksOnly =
        "Dimension.DATE,Dimension.AD_UNIT_ID,Column.AD_SERVER_CLICKS\n2026-11-07,21700481,12\n";
    assertThat(Fixtures.parseText(gam, clicksOnly, berlinEur))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.reason())
                    .startsWith("file header has no impressions column of any family"));
    String withoutRevenue =
        "Dimension.DATE,Dimension.AD_UNIT_ID,Column.AD_EXCHANGE_LINE_ITEM_LEVEL_IMPRESSIONS\n"
            + "2026-11-07,21700481,12\n";
    assertThat(Fixtures.parseText(gam, withoutRevenue, berlinEur))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.reason())
                    .isEqualTo(
                        "file header has Column.AD_EXCHANGE_LINE_ITEM_LEVEL_IMPRESSIONS but not its family's revenue column Column.AD_EXCHANGE_LINE_ITEM_LEVEL_REVENUE"));
    assertThat(gam.recognises("Dimension.DATE,Dimension.AD_UNIT_ID,Column.AD_SERVER_IMPRESSIONS"))
        .isTrue();
    assertThat(ExportFormats.of(Source.GAM))
        .extracting(ExportFormat::name)
        .containsExactly("gam_report");
  }

  @Test
  void monetizeMoneyIsInDecimalUnitsInEst5edtAndUsdUnlessTheOrgSaysOtherwise() throws Exception {
    List<ParsedLine> lines =
        Fixtures.parse(monetize, "monetize_report.csv", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).extracting(ParsedLine::lineNumber).containsExactly(2L, 3L);
    ParsedLine deal = accepted.get(0);
    // network_revenue: the gross of a Network Publisher Analytics report
    assertThat(deal.value(monetize.index("revenue"))).isEqualTo(new BigDecimal("400.050000"));
    assertThat(deal.value(monetize.index("publisher_revenue")))
        .isEqualTo(new BigDecimal("328.040000"));
    assertThat(deal.value(monetize.index("publisher_currency"))).isEqualTo("EUR");
    assertThat(deal.value(monetize.index("publisher_revenue_pub_curr")))
        .isEqualTo(new BigDecimal("301.620000"));
    assertThat(deal.value(monetize.index("currency"))).isEqualTo("USD");
    assertThat(deal.value(monetize.index("report_timezone"))).isEqualTo("EST5EDT");
    assertThat(deal.value(monetize.index("deal_id"))).isEqualTo("477919");
    assertThat(deal.value(monetize.index("buyer_member_id"))).isEqualTo("2026");
    assertThat(accepted.get(1).value(monetize.index("deal_id"))).isNull();

    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::reason)
        .containsExactly(
            "column 'deal_id': not an integer id: '47x919'",
            "column 'publisher_revenue_pub_curr' has an amount but 'publisher_currency' does not say its currency");

    ParsedLine utc =
        Fixtures.of(
                Fixtures.parse(
                    monetize,
                    "monetize_report.csv",
                    new SourceOptions(null, null, "UTC", null, "EUR")),
                ACCEPTED)
            .get(0);
    assertThat(utc.value(monetize.index("report_timezone"))).isEqualTo("UTC");
    assertThat(utc.value(monetize.index("currency"))).isEqualTo("EUR");
    assertThat(deal.value(monetize.index("report_type"))).isEqualTo("network_publisher_analytics");
  }

  @Test
  void aNetworkAnalyticsReportIsReadAsItsOwnTypeInEachRowsSellingCurrency() throws Exception {
    // imps and revenue (booked plus reseller), no publisher revenue; broken down by
    // selling_currency, so each row's money is in the currency that column names.
    List<ParsedLine> lines =
        Fixtures.parse(monetize, "monetize_network_analytics.csv", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).extracting(ParsedLine::lineNumber).containsExactly(2L, 3L);
    ParsedLine deal = accepted.get(0);
    assertThat(deal.value(monetize.index("report_type"))).isEqualTo("network_analytics");
    assertThat(deal.value(monetize.index("impressions"))).isEqualTo(50_321L);
    assertThat(deal.value(monetize.index("revenue"))).isEqualTo(new BigDecimal("368.100000"));
    assertThat(deal.value(monetize.index("publisher_revenue"))).isNull();
    assertThat(deal.value(monetize.index("currency"))).isEqualTo("EUR");
    assertThat(deal.value(monetize.index("publisher_name"))).isEqualTo("Kiwi Publishing");
    assertThat(accepted.get(1).value(monetize.index("currency"))).isEqualTo("USD");
    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::reason)
        .containsExactly("no impressions or no revenue (a blank cell)");

    assertThat(
            Fixtures.parseText(
                    monetize,
                    "day,placement_id,clicks\n2026-11-07,920100,3\n",
                    SourceOptions.defaults())
                .get(0)
                .reason())
        .isEqualTo(
            "file header has neither 'imps' (network_analytics) nor 'imps_total' (network_publisher_analytics)");
  }

  @Test
  void symbolsAreCldrsOrIsoCodesAndNeverAGuess() throws Exception {
    assertThat(SspMoney.parseMicros("€ 1000000"))
        .isEqualTo(new SspMoney.Amount(new BigDecimal("1.000000"), "EUR"));
    assertThat(SspMoney.parseMicros("CA$ 2500000").currency()).isEqualTo("CAD");
    assertThat(SspMoney.parseMicros("$ 1").units()).isEqualTo(new BigDecimal("0.000001"));
    assertThat(SspMoney.parseMicros("CHF 3000000").currency()).isEqualTo("CHF");
    assertThat(SspMoney.parseMicros("42").currency()).isNull();
    Assertions.assertThatThrownBy(() -> SspMoney.parseMicros("¤ 1"))
        .hasMessage("unknown currency symbol '¤': '¤ 1'");
    Assertions.assertThatThrownBy(() -> SspMoney.parseMicros("1,000,000"))
        .hasMessageStartingWith("not micros");
  }
}
