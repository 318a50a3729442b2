package io.adlake.transforms.formats;

import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.model.org.SourceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every export format fed its fixture mutated at random: cut short, delimiters added or lost, stray
 * quotes, a field past the record limit, random bytes, the whole file in another encoding, line
 * breaks moved, lines repeated. No input may raise past the format, and every record is exactly one
 * of accepted, quarantined or footer, each at its own line number, so "rows read = accepted +
 * quarantined + footer" holds by construction and ingest's count of rows read is the count of these
 * lines.
 *
 * <p>Cases are seeded: case {@code n} is the same input on every machine, and its name (format and
 * seed) replays it. {@code -Dadlake.fuzz.cases=N} runs more than CI's bounded number; {@code
 * -Dadlake.fuzz.seed=S} moves the range.
 */
class FormatFuzzTest {

  /** The fixture each format is fuzzed from, and the options its org would have. */
  private record Seed(String fixture, SourceOptions options) {}

  private static final Map<String, Seed> SEEDS =
      Map.ofEntries(
          Map.entry(
              "dv360_delivery", new Seed("dv360_report_footer.csv", SourceOptions.defaults())),
          Map.entry(
              "ttd_delivery",
              new Seed("ttd_report_de.csv", new SourceOptions("dd/MM/yyyy", ",", null))),
          Map.entry("meta_insights", new Seed("meta_insights.jsonl", SourceOptions.defaults())),
          Map.entry(
              "gam_report",
              new Seed(
                  "gam_report.csv", new SourceOptions(null, null, "Europe/Berlin", null, "EUR"))),
          Map.entry("monetize_report", new Seed("monetize_report.csv", SourceOptions.defaults())),
          Map.entry("bookings", new Seed("bookings.csv", SourceOptions.defaults())),
          Map.entry(
              "dv360_sdf_insertion_orders",
              new Seed("sdf_insertion_orders.csv", SourceOptions.defaults())),
          Map.entry(
              "dv360_sdf_line_items", new Seed("sdf_line_items.csv", SourceOptions.defaults())),
          Map.entry("ttd_ad_groups", new Seed("ttd_ad_groups.jsonl", SourceOptions.defaults())),
          Map.entry("meta_ad_sets", new Seed("meta_ad_sets.jsonl", SourceOptions.defaults())),
          Map.entry("fx_rates", new Seed("ecb_fx_daily.csv", SourceOptions.defaults())));

  private static final List<Charset> ENCODINGS =
      List.of(
          StandardCharsets.UTF_16LE,
          StandardCharsets.UTF_16BE,
          StandardCharsets.ISO_8859_1,
          Charset.forName("windows-1252"));

  private static final int CASES = Integer.getInteger("adlake.fuzz.cases", 440);
  private static final long FIRST_SEED = Long.getLong("adlake.fuzz.seed", 20261202L);

  @Test
  void everyFormatHasAFixtureToBeFuzzedFrom() {
    assertThat(SEEDS.keySet())
        .containsExactlyInAnyOrderElementsOf(
            ExportFormats.ALL.stream().map(ExportFormat::name).toList());
  }

  @TestFactory
  Stream<DynamicTest> aMutatedExportIsReadLineByLineAndNeverThrows() {
    return LongStream.range(FIRST_SEED, FIRST_SEED + CASES)
        .mapToObj(
            seed -> {
              ExportFormat format =
                  ExportFormats.ALL.get((int) Math.floorMod(seed, (long) ExportFormats.ALL.size()));
              return DynamicTest.dynamicTest(
                  format.name() + " seed " + seed, () -> readsLineByLine(format, seed));
            });
  }

  private static void readsLineByLine(ExportFormat format, long caseSeed) throws IOException {
    Seed seed = SEEDS.get(format.name());
    Random r = new Random(caseSeed);
    List<Long> mutations =
        LongStream.range(0, 1 + r.nextInt(3)).map(i -> r.nextLong()).boxed().toList();
    byte[] input = mutate(fixture(seed.fixture()), mutations);

    List<ParsedLine> lines = new ArrayList<>();
    Iterator<ParsedLine> it = format.parse(new ByteArrayInputStream(input), seed.options());
    it.forEachRemaining(lines::add);

    long previous = 0;
    for (ParsedLine line : lines) {
      assertThat(line.kind()).isNotNull();
      assertThat(line.lineNumber())
          .as("line numbers rise, one record each")
          .isGreaterThan(previous);
      previous = line.lineNumber();
      switch (line.kind()) {
        case ACCEPTED -> assertThat(line.values()).hasSize(format.fields().size());
        case QUARANTINED -> assertThat(line.reason()).isNotBlank();
        case FOOTER -> assertThat(line.reason()).isNull();
      }
    }
    Map<ParsedLine.Kind, Long> byKind =
        lines.stream().collect(Collectors.groupingBy(ParsedLine::kind, Collectors.counting()));
    assertThat(byKind.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(lines.size());
    // A record starts on a line of the input: never more records than lines.
    assertThat((long) lines.size()).isLessThanOrEqualTo(physicalLines(input));
  }

  private static byte[] mutate(byte[] input, List<Long> mutations) {
    byte[] out = input;
    for (long mutation : mutations) {
      out = mutateOnce(out, new Random(mutation));
    }
    return out;
  }

  private static byte[] mutateOnce(byte[] in, Random r) {
    int at = in.length == 0 ? 0 : r.nextInt(in.length + 1);
    return switch (r.nextInt(9)) {
      case 0 -> Arrays.copyOf(in, at); // cut short (a truncated download)
      case 1 ->
          insert(in, at, new byte[] {(byte) ",;\t".charAt(r.nextInt(3))}); // a delimiter too many
      case 2 -> in.length == 0 ? in : remove(in, Math.min(at, in.length - 1)); // a byte lost
      case 3 -> insert(in, at, new byte[] {'"'}); // a stray quote
      case 4 ->
          insert(
              in,
              at,
              "x"
                  .repeat(LogicalLineReader.MAX_RECORD_CHARS + 10)
                  .getBytes(StandardCharsets.US_ASCII)); // past the record limit
      case 5 -> {
        byte[] noise = new byte[1 + r.nextInt(16)];
        r.nextBytes(noise);
        yield insert(in, at, noise); // random bytes
      }
      case 6 ->
          reencode(
              in,
              ENCODINGS.get(r.nextInt(ENCODINGS.size())),
              r.nextBoolean()); // saved by a spreadsheet
      case 7 ->
          insert(
              in,
              at,
              r.nextBoolean()
                  ? "\r\n".getBytes(StandardCharsets.US_ASCII)
                  : "\n".getBytes(StandardCharsets.US_ASCII));
      default -> duplicateLine(in, at);
    };
  }

  private static byte[] insert(byte[] in, int at, byte[] what) {
    byte[] out = new byte[in.length + what.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(in, at, out, at + what.length, in.length - at);
    return out;
  }

  private static byte[] remove(byte[] in, int at) {
    byte[] out = new byte[in.length - 1];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(in, at + 1, out, at, in.length - at - 1);
    return out;
  }

  /**
   * The text as another encoding writes it, with its byte order mark when it has one and {@code
   * bom} says so.
   */
  private static byte[] reencode(byte[] in, Charset charset, boolean bom) {
    String text = new String(in, StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom && charset.equals(StandardCharsets.UTF_16LE)) {
      out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
    } else if (bom && charset.equals(StandardCharsets.UTF_16BE)) {
      out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF});
    }
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }

  private static byte[] duplicateLine(byte[] in, int at) {
    int start = at;
    while (start > 0 && in[start - 1] != '\n') {
      start--;
    }
    int end = at;
    while (end < in.length && in[end] != '\n') {
      end++;
    }
    end = Math.min(in.length, end + 1);
    return insert(in, end, Arrays.copyOfRange(in, start, end));
  }

  /** Lines as any of the encodings would count them: a UTF-16 line break is a 0x0A byte too. */
  private static long physicalLines(byte[] input) {
    long breaks = 0;
    for (byte b : input) {
      if (b == '\n' || b == '\r') {
        breaks++;
      }
    }
    return breaks + 1;
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = FormatFuzzTest.class.getResourceAsStream("/fixtures/" + name)) {
      return in.readAllBytes();
    }
  }
}
