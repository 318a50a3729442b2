package io.adlake.jobs.publish;

import io.adlake.catalog.Lakehouse;
import io.adlake.catalog.tables.BranchChanges;
import io.adlake.model.TableSpec;
import io.adlake.model.Tables;
import io.adlake.model.config.CatalogSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.projectnessie.client.NessieClientBuilder;
import org.projectnessie.client.api.NessieApiV2;
import org.projectnessie.error.NessieConflictException;
import org.projectnessie.error.NessieNotFoundException;
import org.projectnessie.model.Branch;
import org.projectnessie.model.DiffResponse;
import org.projectnessie.model.Reference;

/**
 * Write-audit-publish on Nessie: one Nessie branch per run, created from the catalog's ref (main),
 * a second Spark catalog pointing at it for the run's writes and the gates' reads, and one merge
 * into main as the publish, so all tables appear together or none does. Nessie refuses the merge
 * when a table the run wrote was changed on main since the branch was made; changes to other tables
 * merge cleanly.
 *
 * <p>Deleting the files of abandoned branches is Nessie GC's work, not Iceberg's snapshot expiry.
 */
public final class NessieRunBranch implements WriteAuditPublish {

  private static final AtomicInteger CATALOGS = new AtomicInteger();
  private static final Set<String> PUBLISHED =
      Tables.PUBLISHED.stream().map(TableSpec::path).collect(Collectors.toSet());

  private final NessieApiV2 api;
  private final String target;
  private final String branch;
  private final Lakehouse staged;
  private final Lakehouse main;

  private NessieRunBranch(
      NessieApiV2 api, String target, String branch, Lakehouse staged, Lakehouse main) {
    this.main = main;
    this.api = api;
    this.target = target;
    this.branch = branch;
    this.staged = staged;
  }

  /**
   * Creates the run's branch from the head of the catalog's ref; a branch of an earlier attempt is
   * dropped first.
   */
  public static NessieRunBranch begin(Lakehouse main, CatalogSettings catalog, String branch) {
    String target = target(catalog);
    try (NessieApiV2 api = client(catalog)) {
      Reference base = api.getReference().refName(target).get();
      try {
        Reference earlier = api.getReference().refName(branch).get();
        api.deleteReference().reference(earlier).delete();
      } catch (NessieNotFoundException none) {
        // the usual case: the run's first attempt
      }
      api.createReference()
          .sourceRefName(target)
          .reference(Branch.of(branch, base.getHash()))
          .create();
    } catch (NessieNotFoundException | NessieConflictException e) {
      throw new IllegalStateException(
          "cannot create Nessie branch "
              + branch
              + " from "
              + target
              + " at "
              + catalog.uri()
              + ": "
              + e.getMessage(),
          e);
    }
    return open(main, catalog, branch);
  }

  /** Continues on the branch an earlier step made, as it is. */
  public static NessieRunBranch open(Lakehouse main, CatalogSettings catalog, String branch) {
    NessieApiV2 api = client(catalog);
    try {
      api.getReference().refName(branch).get();
    } catch (NessieNotFoundException missing) {
      api.close();
      throw new IllegalStateException(
          "Nessie branch "
              + branch
              + " does not exist at "
              + catalog.uri()
              + "; begin the run again from its silver step",
          missing);
    }
    // Spark caches a catalog by name with the ref it was made with, so each run gets a catalog name
    // of its own.
    String name = catalog.name() + "_run" + CATALOGS.incrementAndGet();
    String prefix = "spark.sql.catalog." + catalog.name();
    catalog
        .sparkConf()
        .forEach(
            (key, value) ->
                main.spark()
                    .conf()
                    .set("spark.sql.catalog." + name + key.substring(prefix.length()), value));
    main.spark().conf().set("spark.sql.catalog." + name + ".ref", branch);
    return new NessieRunBranch(
        api, target(catalog), branch, new Lakehouse(main.spark(), name), main);
  }

  private static String target(CatalogSettings catalog) {
    return catalog.properties().getOrDefault("ref", "main");
  }

  private static NessieApiV2 client(CatalogSettings catalog) {
    return NessieClientBuilder.createClientBuilder(null, null)
        .withUri(catalog.uri())
        .build(NessieApiV2.class);
  }

  @Override
  public String branch() {
    return branch;
  }

  @Override
  public Lakehouse staged() {
    return staged;
  }

  @Override
  public Optional<Dataset<Row>> mainRows(TableSpec spec) {
    return main.exists(spec) ? Optional.of(main.read(spec)) : Optional.empty();
  }

  @Override
  public Optional<Column> changedRows(TableSpec spec) {
    // On the run's Nessie ref, a table's own main is the run's state of it (as in stagedSnapshots).
    return BranchChanges.between(spec, staged, "main", main);
  }

  @Override
  public Map<String, Long> stagedSnapshots() {
    // On the run's Nessie ref, a table's own main is the run's state of it.
    return staged.snapshotIds(Tables.PUBLISHED, "main");
  }

  @Override
  public PublishResult publish() {
    try {
      Reference head = api.getReference().refName(branch).get();
      Reference main = api.getReference().refName(target).get();
      List<DiffResponse.DiffEntry> changes =
          api.getDiff().fromRef(main).toRef(head).get().getDiffs().stream()
              .filter(d -> PUBLISHED.contains(String.join(".", d.getKey().getElements())))
              .toList();
      if (changes.isEmpty()) {
        return new PublishResult(
            PublishResult.Outcome.ALREADY_PUBLISHED,
            List.of(),
            List.of(),
            Map.of(),
            target + " at " + main.getHash() + " already holds branch " + branch);
      }
      api.mergeRefIntoBranch()
          .branch((Branch) main)
          .fromRef(head)
          .message("adlake: publish " + branch)
          .merge();
      Reference after = api.getReference().refName(target).get();
      List<String> tables =
          changes.stream().map(d -> String.join(".", d.getKey().getElements())).distinct().toList();
      return new PublishResult(
          PublishResult.Outcome.PUBLISHED,
          tables,
          List.of(),
          Map.of(),
          "merged " + branch + " into " + target + " (now " + after.getHash() + ") in one commit");
    } catch (NessieConflictException conflict) {
      return new PublishResult(
          PublishResult.Outcome.MAIN_MOVED,
          List.of(),
          List.of(conflict.getMessage()),
          Map.of(),
          "Nessie refused the merge: main moved under the run; nothing published");
    } catch (NessieNotFoundException e) {
      throw new IllegalStateException("cannot publish " + branch + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
