package io.adlake.jobs.writeback;

import com.sun.security.auth.module.UnixSystem;
import java.util.List;
import java.util.Locale;

/**
 * Decides who a write-back command acts as. The authenticated principal is the operating-system
 * user the JVM runs as, read from the kernel (not {@code user.name}, which any {@code -D} flag can
 * set). A command may name a person it acts for ({@code --on-behalf-of}) only when its principal is
 * one of the {@code delegators} of conf/writeback.yaml (as Hadoop's proxy users: the Airflow
 * worker's user passing the Airflow user who triggered the run); anyone else naming another person
 * is refused, and the caller audits the refusal.
 */
public final class WhoActs {
  private final String authenticated;
  private final List<String> delegators;

  public WhoActs(String authenticated, List<String> delegators) {
    if (authenticated == null || authenticated.isBlank()) {
      throw new IllegalArgumentException("no authenticated principal");
    }
    this.authenticated = authenticated.strip();
    this.delegators = delegators.stream().map(WhoActs::key).toList();
  }

  /** The process's operating-system user, with conf/writeback.yaml's delegators. */
  public static WhoActs ofProcess(List<String> delegators) {
    return new WhoActs(osUser(), delegators);
  }

  /**
   * The user the kernel runs this process as. On Unix, the JDK's {@code UnixSystem} asks for the
   * real uid's name; elsewhere the JVM's own notion of the user is all there is.
   */
  static String osUser() {
    try {
      return new UnixSystem().getUsername();
    } catch (LinkageError | RuntimeException notUnix) {
      return System.getProperty("user.name");
    }
  }

  public String authenticated() {
    return authenticated;
  }

  /**
   * @param onBehalfOf the person named on the command line; null or blank: the principal acts for
   *     itself
   * @throws ImpersonationRefused when the principal names someone else and is not a delegator
   */
  public Actor resolve(String onBehalfOf) {
    if (onBehalfOf == null || onBehalfOf.isBlank() || key(onBehalfOf).equals(key(authenticated))) {
      return Actor.of(authenticated);
    }
    if (!delegators.contains(key(authenticated))) {
      throw new ImpersonationRefused(
          authenticated,
          onBehalfOf.strip(),
          "'"
              + authenticated
              + "' may not act on behalf of '"
              + onBehalfOf.strip()
              + "': only the delegators in conf/writeback.yaml "
              + (delegators.isEmpty() ? "(none are named)" : delegators.toString())
              + " may; the refusal is in the audit log");
    }
    return new Actor(onBehalfOf, authenticated);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
