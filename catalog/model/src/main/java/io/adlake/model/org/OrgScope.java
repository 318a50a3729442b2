package io.adlake.model.org;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The orgs a job processes: every org, or exactly the named ones. One value from {@code --org} to
 * the gate, so that "every org" is said, never read into an empty set, and "no org" stays sayable:
 * a run whose orgs were all held judges none of them, not all.
 *
 * <p>Names are not checked here: the command line checks them against the registry, and an org the
 * data does not have is simply included in nothing.
 */
public final class OrgScope {

  private static final OrgScope ALL = new OrgScope(null);

  /** The named orgs, sorted; null for every org. */
  private final SortedSet<String> named;

  private OrgScope(SortedSet<String> named) {
    this.named = named;
  }

  public static OrgScope all() {
    return ALL;
  }

  /** Exactly these orgs; naming none is no org, not every org. */
  public static OrgScope only(Collection<String> orgs) {
    return new OrgScope(Collections.unmodifiableSortedSet(new TreeSet<>(orgs)));
  }

  /** Exactly these orgs; naming none is no org, not every org. */
  public static OrgScope only(String... orgs) {
    return only(List.of(orgs));
  }

  public boolean isAll() {
    return named == null;
  }

  public boolean includes(String org) {
    return named == null || named.contains(org);
  }

  public boolean includes(OrgId org) {
    return includes(org.value());
  }

  /**
   * The named orgs, sorted.
   *
   * @throws IllegalStateException for every org, which names none: {@link #namedOr} lists it
   *     against the registry
   */
  public SortedSet<String> named() {
    if (named == null) {
      throw new IllegalStateException("every org is a scope without names");
    }
    return named;
  }

  /**
   * The named orgs, or {@code every} when the scope is every org: for a job that goes through its
   * orgs one by one and so needs them listed. Named orgs are given as named, whether {@code every}
   * has them or not.
   */
  public SortedSet<String> namedOr(Collection<String> every) {
    return named != null ? named : Collections.unmodifiableSortedSet(new TreeSet<>(every));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OrgScope scope && Objects.equals(named, scope.named);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(named);
  }

  /**
   * {@code every org}, or the named orgs as a list, {@code [acme-media, kiwi-retail]}, as messages
   * print them.
   */
  @Override
  public String toString() {
    return named == null ? "every org" : named.toString();
  }
}
