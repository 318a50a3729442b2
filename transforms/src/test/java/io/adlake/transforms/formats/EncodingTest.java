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
    String file = HEADER + "2026-11-02\tCafé Crème\tadv1\tCampagne Été\tc1\tAG\tag1\t100\t1\t2.00\t1.50\tEUR\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    bytes.write(file.getBytes(StandardCharsets.UTF_16LE));
    List<ParsedLine> lines = parse(bytes.toByteArray());
    TtdDeliveryReport format = new TtdDeliveryReport();
    assertThat(lines).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(ParsedLine.Kind.ACCEPTED);
      assertThat(l.value(format.index("advertiser_name"))).isEqualTo("Café Crème");
      assertThat(l.value(format.index("impressions"))).isEqualTo(100L);
    });
  }

  @Test
  void aLineInAnotherEncodingIsQuarantinedNotStoredMangled() throws Exception {
    byte[] good = (HEADER + "2026-11-02\tAcme\tadv1\tC\tc1\tAG\tag1\t100\t1\t2.00\t1.50\tEUR\n").getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "2026-11-02\tCaf\u00e9\tadv1\tC\tc1\tAG\tag2\t100\t1\t2.00\t1.50\tEUR\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = new byte[good.length + latin1.length];
    System.arraycopy(good, 0, file, 0, good.length);
    System.arraycopy(latin1, 0, file, good.length, latin1.length);
    List<ParsedLine> lines = parse(file);
    assertThat(lines).extracting(ParsedLine::kind).containsExactly(ParsedLine.Kind.ACCEPTED, ParsedLine.Kind.QUARANTINED);
    assertThat(lines.get(1).lineNumber()).isEqualTo(3);
    assertThat(lines.get(1).reason()).startsWith("line has bytes that are not valid UTF-8");
  }

  private static List<ParsedLine> parse(byte[] bytes) throws Exception {
    List<ParsedLine> lines = new ArrayList<>();
    new TtdDeliveryReport().parse(new ByteArrayInputStream(bytes), SourceOptions.defaults()).forEachRemaining(lines::add);
    return lines;
  }
}
