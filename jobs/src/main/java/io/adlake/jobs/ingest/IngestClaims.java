package io.adlake.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.landing.SliceKey;
import io.adlake.catalog.tables.ConditionalMerge;
import io.adlake.model.Backoff;
import io.adlake.model.Source;
import io.adlake.model.Tables;
import io.adlake.model.org.OrgId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code ops.ingest_claims}: an ingest batch holds each slice it writes from before it plans the
 * slice against the manifest until the manifest records it, so two ingests of one landing zone at
 * once never both write a slice (and never both record its files as new). A claim is taken by a
 * conditional MERGE ({@link ConditionalMerge}): only a free, released or abandoned claim is taken,
 * and of two batches racing for one, the first commit wins.
 *
 * <p>A claim is abandoned when its process is gone: on the same host, no live process has its pid
 * and start time (a batch killed with SIGKILL is taken over at once by the next ingest); from
 * another host, when it is older than {@link #LEASE}.
 */
public final class IngestClaims {

  /**
   * How long a claim from another host is honoured. The Airflow tasks that run ingest time out
   * after 2 hours (conf/airflow.yaml), so no live ingest holds a claim longer.
   */
  public static final Duration LEASE = Duration.ofHours(2);

  private static final int ATTEMPTS = 8;
  private static final String TAKEOVER = "_takeover_batch";

  static final StructType SCHEMA =
      new StructType()
          .add("org_id", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("delivery_date", DataTypes.DateType, false)
          .add("batch_id", DataTypes.StringType, false)
          .add("host", DataTypes.StringType, false)
          .add("pid", DataTypes.LongType, false)
          .add("process_started_at", DataTypes.TimestampType)
          .add("claimed_at", DataTypes.TimestampType, false)
          .add("released_at", DataTypes.TimestampType);

  /** A claim MERGE's source: the claim, and the batch whose abandoned claim it may take over. */
  private static final StructType SOURCE = SCHEMA.add(TAKEOVER, DataTypes.StringType);

  /** What a claim says of the process that holds it. */
  record Holder(
      String batchId, String host, long pid, Instant processStartedAt, Instant claimedAt) {
    @Override
    public String toString() {
      return "batch " + batchId + " (pid " + pid + " on " + host + ", since " + claimedAt + ")";
    }
  }

  /**
   * @param held the slices this batch now holds
   * @param elsewhere the slices another live batch holds, with who
   */
  public record Claimed(List<SliceKey> held, Map<SliceKey, String> elsewhere) {}

  private final Lakehouse lakehouse;
  private final Clock clock;
  private final Holder self;

  public IngestClaims(Lakehouse lakehouse, Clock clock, String batchId) {
    this.lakehouse = lakehouse;
    this.clock = clock;
    ProcessHandle me = ProcessHandle.current();
    this.self =
        new Holder(batchId, hostName(), me.pid(), me.info().startInstant().orElse(null), null);
  }

  /**
   * Takes every slice that is free, released or abandoned; the others stay with their live holders.
   */
  public Claimed claim(Collection<SliceKey> slices) {
    if (slices.isEmpty()) {
      return new Claimed(List.of(), Map.of());
    }
    lakehouse.ensure(Tables.INGEST_CLAIMS, SCHEMA);
    for (int attempt = 1; ; attempt++) {
      Map<SliceKey, Holder> held = holders(slices);
      Map<SliceKey, String> elsewhere = new LinkedHashMap<>();
      List<Row> wanted = new ArrayList<>();
      Timestamp now = Timestamp.from(clock.instant());
      for (SliceKey slice : slices) {
        Holder holder = held.get(slice);
        if (holder != null && !holder.batchId().equals(self.batchId()) && alive(holder)) {
          elsewhere.put(slice, holder.toString());
        } else {
          wanted.add(row(slice, now, holder == null ? null : holder.batchId()));
        }
      }
      if (wanted.isEmpty()
          || ConditionalMerge.apply(
              lakehouse,
              Tables.INGEST_CLAIMS,
              lakehouse.spark().createDataFrame(wanted, SOURCE),
              List.of("org_id", "source", "delivery_date"),
              "t.released_at IS NOT NULL OR t.batch_id <=> s." + TAKEOVER,
              List.of(),
              true)) {
        return readBack(slices, elsewhere);
      }
      if (attempt >= ATTEMPTS) {
        throw new IllegalStateException(
            "could not claim "
                + slices.size()
                + " slice(s) for "
                + self.batchId()
                + ": other ingests kept committing claims ("
                + ATTEMPTS
                + " attempts)");
      }
      // Another batch committed claims meanwhile (perhaps of other slices: the table is one unit of
      // conflict).
      Backoff.sleep(
          Backoff.after(attempt, Duration.ofMillis(100), Duration.ofSeconds(2), Optional.empty()));
    }
  }

  /**
   * Releases this batch's claims: the slices are recorded in the manifest, or this batch gives them
   * up.
   */
  public void release(Collection<SliceKey> slices) {
    if (slices.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(clock.instant());
    List<Row> released =
        slices.stream().map(s -> row(s, null, null)).map(r -> withReleased(r, now)).toList();
    for (int attempt = 1; ; attempt++) {
      if (ConditionalMerge.apply(
          lakehouse,
          Tables.INGEST_CLAIMS,
          lakehouse.spark().createDataFrame(released, SOURCE),
          List.of("org_id", "source", "delivery_date"),
          "t.batch_id = s.batch_id",
          List.of("released_at"),
          false)) {
        return;
      }
      if (attempt >= ATTEMPTS) {
        // Left held, the claims are abandoned once this process ends; the next ingest takes them
        // over then.
        throw new IllegalStateException(
            "could not release the claims of "
                + self.batchId()
                + " after "
                + ATTEMPTS
                + " attempts");
      }
      Backoff.sleep(
          Backoff.after(attempt, Duration.ofMillis(100), Duration.ofSeconds(2), Optional.empty()));
    }
  }

  /** Whether the process behind a claim may still be writing. */
  boolean alive(Holder holder) {
    if (holder.host().equals(self.host())) {
      return ProcessHandle.of(holder.pid())
          .filter(ProcessHandle::isAlive)
          .map(
              p ->
                  holder.processStartedAt() == null
                      || p.info()
                          .startInstant()
                          .map(holder.processStartedAt()::equals)
                          .orElse(true))
          .orElse(false);
    }
    return holder.claimedAt().plus(LEASE).isAfter(clock.instant());
  }

  /** The unreleased claims on these slices. */
  private Map<SliceKey, Holder> holders(Collection<SliceKey> slices) {
    Object[] dates = slices.stream().map(k -> Date.valueOf(k.deliveryDate())).distinct().toArray();
    Map<SliceKey, Holder> holders = new HashMap<>();
    for (Row r :
        lakehouse
            .read(Tables.INGEST_CLAIMS)
            .filter(col("delivery_date").isin(dates).and(col("released_at").isNull()))
            .collectAsList()) {
      SliceKey key =
          new SliceKey(
              OrgId.of(r.getAs("org_id")),
              Source.fromId(r.getAs("source")),
              ((Date) r.getAs("delivery_date")).toLocalDate());
      if (slices.contains(key)) {
        Timestamp started = r.getAs("process_started_at");
        holders.put(
            key,
            new Holder(
                r.getAs("batch_id"),
                r.getAs("host"),
                r.<Long>getAs("pid"),
                started == null ? null : started.toInstant(),
                r.<Timestamp>getAs("claimed_at").toInstant()));
      }
    }
    return holders;
  }

  private Claimed readBack(Collection<SliceKey> slices, Map<SliceKey, String> elsewhere) {
    Map<SliceKey, Holder> now = holders(slices);
    List<SliceKey> held = new ArrayList<>();
    Map<SliceKey, String> others = new LinkedHashMap<>(elsewhere);
    for (SliceKey slice : slices) {
      Holder holder = now.get(slice);
      if (holder != null && holder.batchId().equals(self.batchId())) {
        held.add(slice);
      } else if (holder != null) {
        others.put(slice, holder.toString());
      }
    }
    return new Claimed(held, others);
  }

  private Row row(SliceKey slice, Timestamp claimedAt, String takeover) {
    return RowFactory.create(
        slice.org().value(),
        slice.source().id(),
        Date.valueOf(slice.deliveryDate()),
        self.batchId(),
        self.host(),
        self.pid(),
        self.processStartedAt() == null ? null : Timestamp.from(self.processStartedAt()),
        claimedAt == null ? Timestamp.from(clock.instant()) : claimedAt,
        null,
        takeover);
  }

  private static Row withReleased(Row row, Timestamp at) {
    Object[] values = new Object[row.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.get(i);
    }
    values[SCHEMA.fieldIndex("released_at")] = at;
    return RowFactory.create(values);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
