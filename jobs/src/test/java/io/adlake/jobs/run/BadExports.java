package io.adlake.jobs.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Faults a gate must catch, planted in sample exports already in a landing zone. */
final class BadExports {
  private BadExports() {}

  /**
   * The first line of the org's DV360 report of the day gets a negative total media cost: a credit.
   */
  static void negateOneCost(Path landing, String org, LocalDate delivery) throws IOException {
    Path report = dv360Report(landing, org, delivery);
    List<String> lines = new ArrayList<>(Files.readAllLines(report, StandardCharsets.UTF_8));
    // Found by header, as the reader finds it: the report has more columns after it (the inventory
    // source's).
    int column = List.of(lines.get(0).split(",")).indexOf("Total Media Cost (Advertiser Currency)");
    String[] cells = lines.get(1).split(",", -1);
    cells[column] = "-" + cells[column];
    lines.set(1, String.join(",", cells));
    Files.write(report, lines, StandardCharsets.UTF_8);
  }

  /** DV360 sends the day again, corrected: a restatement of that slice. */
  static void correct(Path landing, String org, LocalDate delivery) throws IOException {
    Path report = dv360Report(landing, org, delivery);
    Files.writeString(report, Files.readString(report).replace(",-", ","));
  }

  private static Path dv360Report(Path landing, String org, LocalDate delivery) throws IOException {
    try (Stream<Path> files =
        Files.list(landing.resolve(org).resolve("dv360").resolve(delivery.toString()))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".csv"))
          .findFirst()
          .orElseThrow();
    }
  }
}
