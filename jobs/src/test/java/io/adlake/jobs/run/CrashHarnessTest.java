package io.adlake.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.SharedSpark;
import io.adlake.catalog.tables.GrainCheck;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash harness: {@code adlake run} over two sample days, killed with SIGKILL at a random
 * moment, then run again; after every trial the warehouse must be what an uninterrupted run leaves.
 *
 * <p>Each trial starts from the same landing zone and an empty catalog. The kill moment is drawn
 * uniformly over the time the uninterrupted reference run spent working (from its first progress
 * line to its end), so kills land in ingest, silver, the gates, gold and the publish in proportion
 * to how long each takes. A run that ends before its kill moment, successfully, is not a trial: the
 * window shrinks to its time and the trial is drawn again. After the rerun:
 *
 * <ul>
 *   <li>every silver and gold table holds exactly the reference's rows (a SHA-256 of its sorted
 *       rows);
 *   <li>every table, bronze and ops included, is unique on its grain;
 *   <li>every landed file is in the ingest manifest as ingested exactly once, and bronze and the
 *       quarantine hold exactly the rows the manifest counts for it (nothing lost, nothing twice);
 *   <li>the run ledger agrees with main: each published table's main is the snapshot the last
 *       publish recorded for it, so no branch reached readers without a ledger row saying it was
 *       published.
 * </ul>
 *
 * <p>CI runs one trial ({@code -Dadlake.crash.trials}, default 1; the seed, printed, is the time
 * unless {@code -Dadlake.crash.seed} gives one); by hand, e.g. {@code mvn -o test -pl jobs
 * -Dtest=CrashHarnessTest -Dadlake.crash.trials=20 -Dadlake.crash.seed=1}. The figures (trials,
 * kills per step, divergences) are printed at the end; any divergence fails the test, named.
 */
@ExtendWith(SharedSpark.class)
class CrashHarnessTest {

  private static final int TRIALS = Integer.getInteger("adlake.crash.trials", 1);

  /**
   * A new seed each build unless given, so CI's kills land somewhere else each time; printed to
   * replay.
   */
  private static final long SEED = Long.getLong("adlake.crash.seed", System.currentTimeMillis());

  private static final String LINEAGE_SUFFIX = "batch_id";
  private static final String[] RUN = ReferenceRun.RUN;

  @Test
  void aRunKilledAtAnyMomentAndRunAgainLeavesWhatAnUninterruptedRunLeaves() throws Exception {
    ReferenceRun reference = ReferenceRun.get();
    Path conf = reference.conf();
    Path landing = reference.landing();
    long firstLine = reference.firstLine();
    long working = reference.working();
    Lakehouse uninterrupted = AdlakeProcesses.lakehouse(reference.data());
    Map<String, String> expected = content(uninterrupted);
    Map<String, Long> expectedBronze = bronzeCounts(uninterrupted);
    assertThat(expected).containsKeys(Tables.GOLD_PACING.path(), Tables.SILVER_DELIVERY.path());

    Random random = new Random(SEED);
    Map<String, Integer> killsPerStep = new TreeMap<>();
    List<String> divergences = new ArrayList<>();
    int leftBranches = 0;
    int endedFirst = 0;
    for (int trial = 1; trial <= TRIALS; trial++) {
      Path data = ReferenceRun.copyOf(landing);
      long trialStart = System.nanoTime();
      Process run = AdlakeProcesses.start(data, conf, "killed", RUN);
      long killAt = firstLine + (long) (random.nextDouble() * working);
      boolean ended =
          run.waitFor(Math.max(0, killAt - (System.nanoTime() - trialStart)), TimeUnit.NANOSECONDS);
      if (ended && run.exitValue() == 0 && endedFirst < TRIALS) {
        // The reference may have run on a busier machine than this trial: a run that finishes
        // before its kill
        // moment proves nothing about crashes, so the window shrinks to what this run took and the
        // trial is
        // drawn again (bounded, so a machine that keeps speeding up cannot loop forever).
        endedFirst++;
        working = Math.min(working, System.nanoTime() - trialStart - firstLine);
        trial--;
        continue;
      }
      String step;
      if (ended) {
        step = "none (ended first)";
      } else {
        step = RunLog.stepAt(Files.readString(data.resolve("killed.log")));
        run.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        run.waitFor();
      }
      killsPerStep.merge(step, 1, Integer::sum);
      int exit =
          AdlakeProcesses.finish(AdlakeProcesses.start(data, conf, "rerun", RUN), data, "rerun");
      String where =
          String.format(
              Locale.ROOT,
              "trial %d (seed %d, killed at %.1f s in %s)",
              trial,
              SEED,
              killAt / 1e9,
              step);
      if (exit != 0) {
        divergences.add(
            where + ": the rerun exited " + exit + ": " + AdlakeProcesses.tail(data, "rerun"));
        continue;
      }
      Lakehouse lakehouse = AdlakeProcesses.lakehouse(data);
      divergences.addAll(check(where, lakehouse, data, expected, expectedBronze));
      leftBranches += unpublishedBranches(lakehouse);
      System.out.printf(
          Locale.ROOT, "crash harness: %s: %d divergence(s) so far%n", where, divergences.size());
    }

    System.out.printf(
        Locale.ROOT,
        "crash harness: %d trial(s), seed %d, kills per step %s (%d run(s) ended before their kill moment and were drawn again), %d branch(es) of killed attempts left unpublished, %d divergence(s)%n",
        TRIALS,
        SEED,
        killsPerStep,
        endedFirst,
        leftBranches,
        divergences.size());
    assertThat(divergences).isEmpty();
  }

  /**
   * What the trial's warehouse breaks of the promises, one line each; empty when it keeps them all.
   */
  private static List<String> check(
      String where,
      Lakehouse lakehouse,
      Path data,
      Map<String, String> expected,
      Map<String, Long> expectedBronze) {
    List<String> out = new ArrayList<>();
    Map<String, String> content = content(lakehouse);
    if (!content.equals(expected)) {
      out.add(
          where
              + ": silver and gold differ from the uninterrupted run's: "
              + difference(expected, content));
    }
    Map<String, Long> bronze = bronzeCounts(lakehouse);
    if (!bronze.equals(expectedBronze)) {
      out.add(
          where
              + ": bronze row counts "
              + bronze
              + ", the uninterrupted run has "
              + expectedBronze);
    }
    for (TableSpec table : Tables.ALL) {
      if (lakehouse.exists(table)) {
        GrainCheck.check(table.path(), lakehouse.read(table), table.grain())
            .ifPresent(v -> out.add(where + ": " + v));
      }
    }
    out.addAll(manifestAgainstTables(where, lakehouse, data.resolve("landing")));
    out.addAll(lineageAgainstManifest(where, lakehouse));
    out.addAll(ledgerAgainstMain(where, lakehouse));
    return out;
  }

  /**
   * Each landed file is ingested once (one manifest row that is not a skip), and bronze and the
   * quarantine hold exactly the rows that row counts for it.
   */
  static List<String> manifestAgainstTables(String where, Lakehouse lakehouse, Path landing) {
    List<String> out = new ArrayList<>();
    Map<String, Long> accepted =
        rowsPerFile(
            lakehouse,
            Tables.ALL.stream()
                .filter(t -> t.namespace().equals("bronze") && t != Tables.QUARANTINE)
                .toList());
    Map<String, Long> quarantined = rowsPerFile(lakehouse, List.of(Tables.QUARANTINE));
    List<Row> ingested =
        lakehouse
            .read(Tables.INGEST_MANIFEST)
            .filter(col("action").isin("new", "restatement"))
            .collectAsList();
    Map<String, Integer> times = new HashMap<>();
    for (Row row : ingested) {
      String file = row.getAs("source_file");
      times.merge(file, 1, Integer::sum);
      long wantAccepted = row.<Long>getAs("rows_accepted");
      long wantQuarantined = row.<Long>getAs("rows_quarantined");
      if (accepted.getOrDefault(file, 0L) != wantAccepted
          || quarantined.getOrDefault(file, 0L) != wantQuarantined) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s: %s: the manifest counts %d accepted and %d quarantined, the tables hold %d and %d",
                where,
                file,
                wantAccepted,
                wantQuarantined,
                accepted.getOrDefault(file, 0L),
                quarantined.getOrDefault(file, 0L)));
      }
    }
    times.forEach(
        (file, n) -> {
          if (n != 1) {
            out.add(where + ": " + file + " is in the manifest as ingested " + n + " times");
          }
        });
    for (String file : accepted.keySet()) {
      if (!times.containsKey(file)) {
        out.add(
            where
                + ": bronze holds rows of "
                + file
                + ", which the manifest does not list as ingested");
      }
    }
    try (Stream<Path> files = Files.walk(landing)) {
      files
          .filter(Files::isRegularFile)
          .map(Path::toString)
          .filter(file -> times.keySet().stream().noneMatch(f -> f.endsWith(file)))
          .forEach(file -> out.add(where + ": landed file " + file + " is not in the manifest"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Silver and gold without their lineage columns: a batch id names the ingest that delivered a
   * row, and differs from one warehouse to the next by construction ({@link
   * #lineageAgainstManifest} checks those).
   */
  private static Map<String, String> content(Lakehouse lakehouse) {
    return SampleRunFixture.content(lakehouse, null, column -> !column.endsWith(LINEAGE_SUFFIX));
  }

  /** Every batch id a silver or gold row names is an ingest batch the manifest records. */
  private static List<String> lineageAgainstManifest(String where, Lakehouse lakehouse) {
    List<String> out = new ArrayList<>();
    Dataset<Row> batches = lakehouse.read(Tables.INGEST_MANIFEST).select("batch_id").distinct();
    for (TableSpec table : Tables.PUBLISHED) {
      if (!lakehouse.exists(table)) {
        continue;
      }
      Dataset<Row> rows = lakehouse.read(table);
      for (String column : rows.columns()) {
        if (column.endsWith(LINEAGE_SUFFIX)) {
          Dataset<Row> named =
              rows.select(col(column).as("batch_id")).where(col("batch_id").isNotNull()).distinct();
          named
              .except(batches)
              .collectAsList()
              .forEach(
                  r ->
                      out.add(
                          where
                              + ": "
                              + table.path()
                              + "."
                              + column
                              + " names batch "
                              + r.getString(0)
                              + ", which the manifest does not record"));
        }
      }
    }
    return out;
  }

  /**
   * Main of every published table is the snapshot the latest publish of it recorded in the ledger.
   */
  private static List<String> ledgerAgainstMain(String where, Lakehouse lakehouse) {
    List<String> out = new ArrayList<>();
    Map<String, Long> recorded = new HashMap<>();
    for (Row row :
        lakehouse
            .read(Tables.JOB_RUNS)
            .filter(col("status").equalTo("published"))
            .orderBy("finished_at")
            .collectAsList()) {
      recorded.putAll(row.getJavaMap(row.fieldIndex("published_snapshots")));
    }
    if (recorded.isEmpty()) {
      out.add(where + ": the ledger records no publish");
    }
    lakehouse
        .snapshotIds(Tables.PUBLISHED, SnapshotRef.MAIN_BRANCH)
        .forEach(
            (table, main) -> {
              if (!main.equals(recorded.get(table))) {
                out.add(
                    where
                        + ": main of "
                        + table
                        + " is at snapshot "
                        + main
                        + ", the ledger's last publish of it says "
                        + recorded.get(table));
              }
            });
    return out;
  }

  /**
   * Branches of attempts that never published (kept for inspection until snapshot expiry), over all
   * tables.
   */
  private static int unpublishedBranches(Lakehouse lakehouse) {
    List<String> published =
        lakehouse
            .read(Tables.JOB_RUNS)
            .filter(col("status").equalTo("published"))
            .select("branch")
            .as(Encoders.STRING())
            .collectAsList();
    int n = 0;
    for (TableSpec spec : Tables.PUBLISHED) {
      if (lakehouse.exists(spec)) {
        Table table = lakehouse.table(spec);
        n +=
            (int)
                table.refs().keySet().stream()
                    .filter(b -> !b.equals(SnapshotRef.MAIN_BRANCH) && !published.contains(b))
                    .count();
      }
    }
    return n;
  }

  private static Map<String, Long> bronzeCounts(Lakehouse lakehouse) {
    Map<String, Long> out = new TreeMap<>();
    for (TableSpec table : Tables.ALL) {
      if (table.namespace().equals("bronze") && lakehouse.exists(table)) {
        out.put(table.path(), lakehouse.read(table).count());
      }
    }
    return out;
  }

  private static Map<String, Long> rowsPerFile(Lakehouse lakehouse, List<TableSpec> tables) {
    Map<String, Long> out = new HashMap<>();
    for (TableSpec table : tables) {
      if (lakehouse.exists(table)) {
        for (Row row : lakehouse.read(table).groupBy("source_file").count().collectAsList()) {
          out.merge(row.getString(0), row.getLong(1), Long::sum);
        }
      }
    }
    return out;
  }

  private static String difference(Map<String, String> expected, Map<String, String> actual) {
    List<String> out = new ArrayList<>();
    expected.forEach(
        (table, hash) -> {
          if (!hash.equals(actual.get(table))) {
            out.add(table + " (rows:hash " + actual.get(table) + ", expected " + hash + ")");
          }
        });
    actual.keySet().stream()
        .filter(t -> !expected.containsKey(t))
        .forEach(t -> out.add(t + " (not in the uninterrupted run)"));
    return String.join("; ", out);
  }
}
