package io.adlake.jobs.writeback;

import java.util.Locale;

/**
 * Who does a write-back step: the person the step is recorded for ({@code name}), and the principal
 * the command authenticated as ({@code authenticatedAs}: the operating-system user it runs as). The
 * two differ only when a delegator (an Airflow worker's user, say) acts for a person, which {@link
 * WhoActs} allows or refuses. Maker-checker compares {@code name}s.
 */
public record Actor(String name, String authenticatedAs) {

  public Actor {
    if (name == null || name.isBlank() || authenticatedAs == null || authenticatedAs.isBlank()) {
      throw new IllegalArgumentException(
          "an actor needs a name and the principal it authenticated as");
    }
    name = name.strip();
    authenticatedAs = authenticatedAs.strip();
  }

  /** A principal acting for itself. */
  public static Actor of(String principal) {
    return new Actor(principal, principal);
  }

  public boolean delegated() {
    return !name.toLowerCase(Locale.ROOT).equals(authenticatedAs.toLowerCase(Locale.ROOT));
  }

  /** How a report names the actor: "jane (via airflow)" when delegated. */
  @Override
  public String toString() {
    return delegated() ? name + " (via " + authenticatedAs + ")" : name;
  }
}
