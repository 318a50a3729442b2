package io.adlake.transforms.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.org.SourceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodingTest {

  private static final String HEADER =
      "Date\tAdvertiser\tAdvertiser ID\tCampaign\tCampaign ID\tAd Group\tAd Group ID\tImpressions\tClicks\t"
          + "Advertiser Cost (Adv Currency)\tMedia Cost (Adv Currency)\tAdvertiser Currency Code\n";

  @Test
  void readsUtf16WithByteOrderMarkAsExcelUnicodeTextExportsAre() throws Exception {
    String file =
        HEADER
            + "2026-11-02\tCafé Crème\tadv1\tCampagne Été\tc1\tAG\tag1\t100\t1\t2.00\t1.50\tEUR\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write(file.getBytes(StandardCharsets.UTF_16LE));
    List<ParsedLine> lines = parse(bytes.toByteArray());
    TtdDeliveryReport format = new TtdDeliveryReport();
    assertThat(lines)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(ParsedLine.Kind.ACCEPTED);
              assertThat(l.value(format.index("advertiser_name"))).isEqualTo("Café Crème");
              assertThat(l.value(format.index("impressions"))).isEqualTo(100L);
            });
  }

  @Test
  void aLineInAnotherEncodingIsQuarantinedNotStoredMangled() throws Exception {
    byte[] good =
        (HEADER + "2026-11-02\tAcme\tadv1\tC\tc1\tAG\tag1\t100\t1\t2.00\t1.50\tEUR\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] latin1 =
        "2026-11-02\tCaf\u00e9\tadv1\tC\tc1\tAG\tag2\t100\t1\t2.00\t1.50\tEUR\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = new byte[good.length + latin1.length];
    System.arraycopy(good, 0, file, 0, good.length);
    System.arraycopy(latin1, 0, file, good.length, latin1.length);
    List<ParsedLine> lines = parse(file);
    assertThat(lines)
        .extracting(ParsedLine::kind)
        .containsExactly(ParsedLine.Kind.ACCEPTED, ParsedLine.Kind.QUARANTINED);
    assertThat(lines.get(1).lineNumber()).isEqualTo(3);
    assertThat(lines.get(1).reason()).startsWith("line has bytes that are not valid UTF-8");
  }

  /**
   * A report saved by a spreadsheet: a UTF-8 byte order mark, CRLF line ends, and a line item name
   * with a line break inside its quotes (DV360 and TTD both allow one in names), then DV360's
   * totals row and footer with its MRC note. The BOM is not part of the first header, the quoted
   * break stays in the name, and the row after it keeps its own line number.
   */
  @Test
  void aUtf8ByteOrderMarkCrlfAndALineBreakInsideAQuotedNameReadAsTheFormatSays() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String dv360 =
        "Date,Advertiser,Advertiser ID,Advertiser Currency,Insertion Order,Insertion Order ID,Line Item,Line Item ID,Impressions,Clicks,Total Conversions,"
            + "Revenue (Adv Currency),Media Cost (Advertiser Currency),Total Media Cost (Advertiser Currency)\r\n"
            + "2026/11/02,Acme Brand A,1000001,EUR,IO,2000001,\"Retargeting\r\n30 days, \"\"warm\"\"\",3000002,20000,100,5,130.00,80.00,100.00\r\n"
            + "2026/11/02,Acme Brand A,1000001,EUR,IO,2000001,Prospecting,3000003,10000,50,2.5,65.00,40.00,50.00\r\n"
            + ",,,,,,,,30000,150,7.5,195.00,120.00,150.00\r\n"
            + "\r\n"
            + "Report Time:,2026/11/03 06:12:43 UTC\r\n"
            + "MRC Accredited Metrics,\"Active View metrics are accredited only when Measurement Source = Measured.\"\r\n";
    Dv360DeliveryReport report = new Dv360DeliveryReport();
    List<ParsedLine> lines = new ArrayList<>();
    report
        .parse(
            new ByteArrayInputStream(concat(bom, dv360.getBytes(StandardCharsets.UTF_8))),
            SourceOptions.defaults())
        .forEachRemaining(lines::add);
    assertThat(lines)
        .extracting(ParsedLine::kind)
        .containsExactly(
            ParsedLine.Kind.ACCEPTED,
            ParsedLine.Kind.ACCEPTED,
            ParsedLine.Kind.FOOTER,
            ParsedLine.Kind.FOOTER,
            ParsedLine.Kind.FOOTER,
            ParsedLine.Kind.FOOTER);
    // The break inside the quotes is kept as one LF whatever the file's line ends: the same name
    // from a CRLF and
    // an LF export is the same value.
    assertThat(lines.get(0).value(report.index("line_item_name")))
        .isEqualTo("Retargeting\n30 days, \"warm\"");
    assertThat(lines.get(0).value(report.index("advertiser_name"))).isEqualTo("Acme Brand A");
    assertThat(lines.get(1).lineNumber()).as("the physical line of the second row").isEqualTo(4);
    assertThat(lines.get(1).value(report.index("impressions"))).isEqualTo(10000L);

    String ttd =
        "Date;Advertiser;Advertiser ID;Campaign;Campaign ID;Ad Group;Ad Group ID;Impressions;Clicks;Advertiser Cost (Adv Currency);"
            + "Media Cost (Adv Currency);Advertiser Currency Code\r\n"
            + "02/11/2026;Café Crème;adv1;C;c1;\"AG\r\nzwei\";ag1;12.345;67;123,45;80,25;EUR\r\n"
            + "02/11/2026;Café Crème;adv1;C;c1;AG3;ag3;1.000;10;10,00;7,50;EUR\r\n";
    TtdDeliveryReport format = new TtdDeliveryReport();
    SourceOptions german = new SourceOptions("dd/MM/yyyy", ",", null);
    List<ParsedLine> ttdLines = new ArrayList<>();
    format
        .parse(new ByteArrayInputStream(concat(bom, ttd.getBytes(StandardCharsets.UTF_8))), german)
        .forEachRemaining(ttdLines::add);
    assertThat(ttdLines)
        .extracting(ParsedLine::kind)
        .containsExactly(ParsedLine.Kind.ACCEPTED, ParsedLine.Kind.ACCEPTED);
    assertThat(ttdLines.get(0).value(format.index("advertiser_name"))).isEqualTo("Café Crème");
    assertThat(ttdLines.get(0).value(format.index("ad_group_name"))).isEqualTo("AG\nzwei");
    assertThat(ttdLines.get(0).value(format.index("impressions"))).isEqualTo(12345L);
    assertThat(ttdLines.get(1).lineNumber()).isEqualTo(4);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static List<ParsedLine> parse(byte[] bytes) throws Exception {
    List<ParsedLine> lines = new ArrayList<>();
    new TtdDeliveryReport()
        .parse(new ByteArrayInputStream(bytes), SourceOptions.defaults())
        .forEachRemaining(lines::add);
    return lines;
  }
}
