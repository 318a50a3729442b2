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
import org.junit.jupiter.api.Test;

/** Bookings, DV360 SDF and ECB FX: the snapshot and reference exports. */
class SnapshotFormatsTest {

  @Test
  void bookingsCheckFlightsAndRates() throws Exception {
    BookingsExport format = new BookingsExport();
    List<ParsedLine> lines = Fixtures.parse(format, "bookings.csv", SourceOptions.defaults());
    assertThat(Fixtures.of(lines, ACCEPTED))
        .extracting(l -> l.value(format.index("booking_line_id")))
        .containsExactly("00kAAA000000001", "00kAAA000000002", "00kAAA000000003");
    assertThat(Fixtures.of(lines, ACCEPTED).get(2).value(format.index("buy_type")))
        .isEqualTo("Flat");
    assertThat(Fixtures.of(lines, QUARANTINED))
        .extracting(ParsedLine::reason)
        .containsExactly(
            "flight ends (2026-11-01) before it starts (2026-11-30)",
            "buy type CPM needs a sold rate; 'Sold_Rate__c' is empty");
  }

  @Test
  void sdfInsertionOrdersParseBudgetSegments() throws Exception {
    SdfInsertionOrders format = new SdfInsertionOrders();
    List<ParsedLine> lines =
        Fixtures.parse(format, "sdf_insertion_orders.csv", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(2);
    @SuppressWarnings("unchecked")
    List<Object[]> segments =
        (List<Object[]>) accepted.get(0).value(format.index("budget_segments"));
    assertThat(segments).hasSize(2);
    assertThat(segments.get(0))
        .containsExactly(
            new BigDecimal("12000.000000"),
            Date.valueOf("2026-11-01"),
            Date.valueOf("2026-11-15"),
            "First half");
    assertThat(segments.get(1)[0]).isEqualTo(new BigDecimal("18000.000000"));
    assertThat(Fixtures.of(lines, QUARANTINED))
        .singleElement()
        .extracting(ParsedLine::reason)
        .isEqualTo(
            "frequency cap enabled but 'Frequency Exposures' or 'Frequency Period' is empty");
  }

  @Test
  void sdfLineItemsKeepInheritedFlightsAsNull() throws Exception {
    SdfLineItems format = new SdfLineItems();
    List<ParsedLine> lines = Fixtures.parse(format, "sdf_line_items.csv", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(2);
    assertThat(accepted.get(0).value(format.index("start_date"))).isNull();
    assertThat(accepted.get(1).value(format.index("start_date")))
        .isEqualTo(Date.valueOf("2026-11-05"));
    assertThat(Fixtures.of(lines, QUARANTINED))
        .singleElement()
        .extracting(ParsedLine::reason)
        .isEqualTo(
            "column 'End Date': not a date in format MM/dd/yyyy HH:mm or MM/dd/yyyy: '11/31/2026 23:59'");
  }

  @Test
  void setupFilesAreToldApartByTheirHeader() {
    assertThat(
            ExportFormats.detect(
                Source.SETUP,
                "Line Item Id,Io Id,Type,Name,Status,Start Date,End Date,Frequency Enabled"))
        .isInstanceOf(SdfLineItems.class);
    assertThat(
            ExportFormats.detect(Source.SETUP, "Io Id,Campaign Id,Name,Status,Frequency Enabled"))
        .isInstanceOf(SdfInsertionOrders.class);
  }

  @Test
  void ecbRatesSkipNotAvailableAndRejectBadNumbers() throws Exception {
    EcbFxRates format = new EcbFxRates();
    List<ParsedLine> lines = Fixtures.parse(format, "ecb_fx.csv", SourceOptions.defaults());
    List<ParsedLine> accepted = Fixtures.of(lines, ACCEPTED);
    assertThat(accepted).hasSize(2);
    @SuppressWarnings("unchecked")
    List<Object[]> rates = (List<Object[]>) accepted.get(1).value(1);
    assertThat(rates).extracting(r -> r[0]).containsExactly("USD", "GBP");
    assertThat(rates.get(0)[1]).isEqualTo(new BigDecimal("1.0750000000"));
    assertThat(Fixtures.of(lines, QUARANTINED))
        .singleElement()
        .extracting(ParsedLine::reason)
        .isEqualTo("column 'GBP': not a rate (decimal mark '.'): '0.84x0'");
  }

  @Test
  void theEcbDailyFileWithSpelledOutDatesAndSpacesAfterCommasReadsLikeTheHistory()
      throws Exception {
    EcbFxRates format = new EcbFxRates();
    assertThat(ExportFormats.detect(Source.FX, "Date, USD, JPY, BGN, "))
        .isInstanceOf(EcbFxRates.class);
    List<ParsedLine> lines = Fixtures.parse(format, "ecb_fx_daily.csv", SourceOptions.defaults());
    assertThat(Fixtures.of(lines, QUARANTINED)).isEmpty();
    ParsedLine day = Fixtures.of(lines, ACCEPTED).get(0);
    assertThat(day.value(0)).isEqualTo(Date.valueOf("2021-06-03"));
    @SuppressWarnings("unchecked")
    List<Object[]> rates = (List<Object[]>) day.value(1);
    assertThat(rates).hasSize(30);
    assertThat(rates.get(0)).containsExactly("USD", new BigDecimal("1.2187000000"));
    assertThat(rates)
        .filteredOn(r -> r[0].equals("HUF"))
        .singleElement()
        .satisfies(r -> assertThat(r[1]).isEqualTo(new BigDecimal("346.3000000000")));
  }

  @Test
  void numbersFollowTheDecimalMark() throws Exception {
    SourceOptions comma = new SourceOptions(null, ",", null);
    SourceOptions point = SourceOptions.defaults();
    assertThat(Values.decimal().parse("1.234,5", comma)).isEqualTo(new BigDecimal("1234.500000"));
    assertThat(Values.decimal().parse("1,234.5", point)).isEqualTo(new BigDecimal("1234.500000"));
    assertThat(Values.wholeNumber().parse("12 345", point)).isEqualTo(12_345L);
    Assertions.assertThatThrownBy(() -> Values.decimal().parse("1.234,5", point))
        .isInstanceOf(BadValueException.class);
    Assertions.assertThatThrownBy(() -> Values.wholeNumber().parse("1.5", point))
        .hasMessage("not a whole number: '1.5'");
  }
}
