package io.adlake.platforms.kit;

import io.adlake.model.Source;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms adlake knows, one {@link PlatformKit} each, in the order they were registered (the
 * order setup flows run in). Built once where the application is wired; a new platform is one more
 * kit in that list.
 */
public final class PlatformKits {
  private final Map<Source, PlatformKit> kits;

  private PlatformKits(Map<Source, PlatformKit> kits) {
    this.kits = Collections.unmodifiableMap(kits);
  }

  /** The registry of these kits; two kits for one source are refused, naming it. */
  public static PlatformKits of(PlatformKit... kits) {
    Map<Source, PlatformKit> bySource = new LinkedHashMap<>();
    for (PlatformKit kit : kits) {
      PlatformKit before = bySource.putIfAbsent(kit.source(), kit);
      if (before != null) {
        throw new IllegalArgumentException(
            "two platform kits for source "
                + kit.source().id()
                + ": "
                + before.getClass().getName()
                + " and "
                + kit.getClass().getName());
      }
    }
    return new PlatformKits(bySource);
  }

  /**
   * These kits and one more (a platform a deployment or a test adds), refused like a duplicate in
   * {@link #of}.
   */
  public PlatformKits with(PlatformKit kit) {
    List<PlatformKit> all = new ArrayList<>(kits.values());
    all.add(kit);
    return of(all.toArray(PlatformKit[]::new));
  }

  public Optional<PlatformKit> find(Source source) {
    return Optional.ofNullable(kits.get(source));
  }

  /**
   * The kit of a platform by its id ({@code dv360}, as conf/ and the {@code platform} column write
   * it).
   */
  public PlatformKit require(String id) {
    return Source.find(id)
        .flatMap(this::find)
        .orElseThrow(
            () -> new IllegalArgumentException("no platform '" + id + "'; platforms are " + ids()));
  }

  /**
   * The sources {@code adlake fetch} can fetch: each kit's reports, and the setup when any kit
   * gives a part of it.
   */
  public List<Source> fetchable() {
    List<Source> fetchable = new ArrayList<>();
    kits.values().stream()
        .filter(k -> k.reports().isPresent())
        .forEach(k -> fetchable.add(k.source()));
    if (!withSetup().isEmpty()) {
      fetchable.add(Source.SETUP);
    }
    return fetchable;
  }

  /** The kits that give a part of the setup snapshot, in registration order. */
  public List<PlatformKit> withSetup() {
    return kits.values().stream().filter(k -> k.setup().isPresent()).toList();
  }

  /** Every kit, in registration order. */
  public List<PlatformKit> all() {
    return List.copyOf(kits.values());
  }

  public List<String> ids() {
    return kits.keySet().stream().map(Source::id).toList();
  }
}
